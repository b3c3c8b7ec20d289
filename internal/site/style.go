package site

// style is the site's style sheet, inlined in every page (one request
// fewer; it is small): the magazine's colours (light, and dark when the
// reader's device asks for it) and faces, a reading column on phones,
// covers and contents side by side on wide screens. Nothing in it asks
// for a file of another site.
const style = `{{define "style"}}
{{.FontFaces}}
:root { color-scheme: light dark; --ink: {{.Colours.Ink}}; --paper: {{.Colours.Paper}}; --deep: {{.Colours.Deep}}; --accent: {{.Colours.Accent}};
 --muted: {{.Colours.Muted}}; --tint: {{.Colours.Tint}}; --rule: {{.Colours.Rule}};
 --text: {{.TextFamily}}; --display: {{.DisplayFamily}}; }
@media (prefers-color-scheme: dark) {
 :root { --ink: {{.Colours.DarkInk}}; --paper: {{.Colours.DarkPaper}}; --deep: {{.Colours.DarkDeep}}; --accent: {{.Colours.DarkAccent}};
  --muted: {{.Colours.DarkMuted}}; --tint: {{.Colours.DarkTint}}; --rule: {{.Colours.DarkRule}}; }
 .logo img { background: {{.Colours.Paper}}; border-radius: 4px; }
 .cover img, .archive img, .kit img { border-color: transparent; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font-family: var(--text); font-size: 1.0625rem; line-height: 1.6; color: var(--ink); background: var(--paper); overflow-wrap: break-word; }
img { max-width: 100%; height: auto; }
a { color: var(--deep); text-underline-offset: 0.15em; }
a:hover { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1, h2, h3 { font-family: var(--display); font-weight: 900; color: var(--deep); line-height: 1.15; margin: 1.5rem 0 0.75rem; }
h1 { font-size: clamp(1.8rem, 6vw, 2.8rem); font-weight: 900; letter-spacing: -0.01em; }
h2 { font-size: 1.4rem; }
h3 { font-size: 1.15rem; }
.wrap { max-width: 66rem; margin: 0 auto; padding: 0 1rem; }
.skip { position: absolute; left: -100vw; }
.skip:focus { left: 1rem; top: 0.5rem; background: var(--paper); padding: 0.5rem; z-index: 1; }
.site-head { border-bottom: 3px solid var(--deep); }
.site-head .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.25rem 1.25rem; padding-top: 0.6rem; padding-bottom: 0.6rem; }
.logo { display: inline-block; color: var(--deep); text-decoration: none; font-family: var(--display); font-weight: 900; font-size: 1.75rem; line-height: 1.2; }
.logo img { display: block; height: {{.LogoHeight}}px; width: auto; }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 0 1.25rem; list-style: none; margin: 0; padding: 0; }
.site-nav a { display: inline-block; padding: 0.5rem 0; font-family: var(--display); font-weight: 700; text-decoration: none; }
.kicker { margin: 0 0 0.2rem; font-family: var(--display); font-size: 0.8rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--accent); }
.kicker a { color: inherit; text-decoration: none; }
.meta, .byline, .dateline { color: var(--muted); font-size: 0.95rem; }
.lead { display: grid; gap: 1.5rem; grid-template-columns: 1fr; margin: 1.5rem 0 2rem; }
@media (min-width: 44rem) { .lead { grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); align-items: start; } }
.lead h1 { margin-top: 0; }
.lead h1 a { color: inherit; text-decoration: none; }
.cover img { display: block; width: 100%; aspect-ratio: {{.CoverRatio}}; border: 1px solid var(--rule); }
ol.contents { list-style: none; padding: 0; margin: 0; }
ol.contents li { padding: 0.7rem 0; border-top: 1px solid var(--rule); }
ol.contents h2, ol.contents h3 { margin: 0; font-size: 1.15rem; }
ol.contents a { text-decoration: none; }
ol.contents p { margin: 0.2rem 0 0; }
ol.contents.rich li { display: grid; grid-template-columns: minmax(0, 1fr) 7rem; gap: 0 1rem; align-items: start; }
ol.contents.rich li > div { grid-column: 1; }
ol.contents.rich img { grid-column: 2; grid-row: 1; width: 7rem; height: auto; }
.downloads, .share { list-style: none; padding: 0; margin: 0; }
.downloads li { margin: 0 0 0.75rem; }
.downloads a { font-weight: 700; }
.sum { display: block; font-family: ui-monospace, monospace; font-size: 0.75rem; color: var(--muted); overflow-wrap: anywhere; }
.share { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.share a { display: inline-block; padding: 0.45rem 0.8rem; border: 1px solid var(--deep); border-radius: 2rem; text-decoration: none; font-family: var(--display); font-weight: 700; font-size: 0.9rem; }
.archive { display: grid; gap: 1.25rem 1rem; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); list-style: none; padding: 0; margin: 0; }
.archive a { display: block; text-decoration: none; color: inherit; }
.archive img { display: block; width: 100%; aspect-ratio: {{.CoverRatio}}; border: 1px solid var(--rule); margin-bottom: 0.4rem; }
.archive strong { display: block; font-family: var(--display); color: var(--deep); }
.kit ul { display: grid; gap: 1.25rem 1rem; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); list-style: none; padding: 0; margin: 0; }
.kit img { display: block; width: 100%; aspect-ratio: 1; border: 1px solid var(--rule); }
.kit li p { margin: 0.3rem 0 0; font-size: 0.9rem; line-height: 1.4; }
.kit li p:first-of-type { font-family: var(--display); font-weight: 700; }
.kit a { display: inline-block; padding: 0.2rem 0; }
.article { max-width: 40rem; margin: 0 auto; }
.article header { margin: 1.5rem 0 1rem; }
.article header h1 { margin: 0.2rem 0 0.5rem; }
.article .section { margin: 0; font-family: var(--display); font-size: 0.85rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--accent); }
.article .section a { color: inherit; text-decoration: none; }
.article .standfirst { font-size: 1.25rem; line-height: 1.45; margin: 0.5rem 0; }
.article .byline, .article .dateline { margin: 0.2rem 0; }
.article figure { margin: 1.5rem 0; }
.article figure img { display: block; width: auto; max-height: 85vh; }
.article figcaption { font-size: 0.9rem; line-height: 1.45; color: var(--muted); margin-top: 0.4rem; }
.article .pullquote { margin: 1.5rem 0; padding: 0.75rem 0; border-top: 3px solid var(--accent); border-bottom: 3px solid var(--accent); font-family: var(--display); font-size: 1.35rem; line-height: 1.35; color: var(--deep); }
.article .pullquote p { margin: 0; }
.article .pullquote .attribution { font-size: 1rem; color: var(--muted); margin-top: 0.4rem; }
.article blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--accent); }
.article pre { white-space: pre-wrap; background: var(--tint); color: var(--ink); padding: 0.75rem; overflow-wrap: anywhere; }
.article .table { overflow-x: auto; margin: 1.5rem 0;
 background: linear-gradient(to right, var(--paper) 30%, transparent) left / 2rem 100% no-repeat local,
  linear-gradient(to left, var(--paper) 30%, transparent) right / 2rem 100% no-repeat local,
  radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.2), transparent) left / 0.8rem 100% no-repeat scroll,
  radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.2), transparent) right / 0.8rem 100% no-repeat scroll; }
.article table { border-collapse: collapse; font-size: 0.95rem; min-width: 100%; }
.article th, .article td { border-bottom: 1px solid var(--rule); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
.article th { font-family: var(--display); border-bottom: 2px solid var(--deep); white-space: nowrap; }
.article .right { text-align: right; }
.article .center { text-align: center; }
.article .notes { font-size: 0.9rem; border-top: 1px solid var(--rule); margin-top: 2rem; }
.after { max-width: 40rem; margin: 2rem auto 0; border-top: 3px solid var(--deep); }
.pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; max-width: 40rem; margin: 2rem auto; }
.pager a { display: block; max-width: 18rem; text-decoration: none; }
.pager span { display: block; font-size: 0.85rem; color: var(--muted); }
.pager .next { margin-left: auto; text-align: right; }
.list { list-style: none; padding: 0; margin: 0; }
.list li { padding: 0.8rem 0; border-top: 1px solid var(--rule); }
.list h2 { margin: 0; font-size: 1.2rem; }
.list p { margin: 0.2rem 0 0; }
.index { columns: 14rem; list-style: none; padding: 0; }
.index a { display: inline-block; padding: 0.25rem 0; }
.search label { display: block; font-weight: 700; margin-bottom: 0.3rem; }
.search input { font: inherit; width: 100%; max-width: 28rem; padding: 0.5rem; border: 2px solid var(--deep); border-radius: 4px; background: var(--paper); color: var(--ink); }
.site-foot { border-top: 1px solid var(--rule); margin-top: 3rem; padding: 1.5rem 0 2rem; color: var(--muted); font-size: 0.9rem; }
.site-foot ul { display: flex; flex-wrap: wrap; gap: 0 1.25rem; list-style: none; padding: 0; margin: 0.5rem 0 0; }
.site-foot a { display: inline-block; padding: 0.35rem 0; }
{{end}}`
