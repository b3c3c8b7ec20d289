package pipeline

import (
	"context"
	"io/fs"
	"magz/internal/jpeg"
	"magz/internal/msg"
	"magz/layout"
	"magz/layout/page"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"magz/internal/cache"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/locale"
	"magz/internal/reader"
)

// Check runs every check of a build (reading, photos, layout, print
// resolution) and the preflight checks an editor wants before a deadline,
// without writing any edition. The issue is nil when it could not be read;
// the copyfit report is nil when the issue could not be laid out. notUA
// are the reasons the screen PDF would not claim PDF/UA-1.
func Check(ctx context.Context, dir string, codec jpeg.Codec) (iss *doc.Issue, ds []diag.Diagnostic, fit *Copyfit, notUA []page.Shortfall) {
	diags := &diag.List{}
	c, _ := cache.Open("")
	store := images.NewStore(c, codec)
	iss, infos := prepare(ctx, dir, store, diags)
	if iss == nil {
		return nil, diags.All(), nil, nil
	}
	// every photo is decoded whatever else is wrong: all problems at once
	verifyPhotos(ctx, store, iss, infos, diags)
	if !diags.HasErrors() && ctx.Err() == nil {
		if model, report, err := composeReport(iss, infos, diags); err == nil {
			fit = copyfitOf(report)
			budgetWarning(iss, report, diags)
			notUA = model.NotUA
			// planning the print edition warns of photos below print resolution
			newPlan(iss, model, infos, press{}, map[Format]bool{Print: true}, false, diags)
		}
	}
	return iss, diags.All(), fit, notUA
}

// verifyPhotos decodes every photo the issue uses whole (a truncated JPEG
// passes a look at its header) and reports those that cannot be.
func verifyPhotos(ctx context.Context, store *images.Store, iss *doc.Issue, infos map[string]*images.Info, diags *diag.List) {
	if iss == nil || ctx.Err() != nil {
		return
	}
	var paths []string
	for p := range infos {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	store.Verify(ctx, paths, positions(iss), diags)
}

// Copyfit is the layout's report to editors: how each article fills its
// pages, and the page budget (how the printed pages are made up).
type Copyfit struct {
	Articles []layout.Fit
	Budget   layout.Budget
}

func copyfitOf(r *layout.Report) *Copyfit {
	return &Copyfit{Articles: r.Articles, Budget: r.Budget}
}

// preflight adds the checks that do not stop a build but that an editor
// should see: photo credits, unused photos, malformed links. whole tells
// whether the issue was read without errors; when not, an article may be
// missing from it (one that could not be read), and a photo is said to be
// unused only when no file of the issue names it, nor an error (an image
// not found that means it: "did you mean …?").
func preflight(iss *doc.Issue, infos map[string]*images.Info, whole bool, diags *diag.List) {
	used := map[string]bool{}
	fig := func(f *doc.Figure, what string) {
		if f == nil || f.Image == nil {
			return
		}
		used[f.Image.Path] = true
		if locale.Placeholder(f.Credit) {
			diags.Warnf(f.Pos, "%s %s: the credit %q is the placeholder magz new writes; name the photographer", what, f.Image.Rel, f.Credit)
		}
		if f.Credit == "" {
			diags.Warnf(f.Pos, "%s %s has no photo credit; add one (credit: in the header, or \"Caption | Photographer\" in the image title)", what, f.Image.Rel)
		}
	}
	if locale.Placeholder(iss.Magazine) {
		diags.Warnf(diag.Pos{Path: filepath.Join(iss.Dir, reader.IssueFile)}, "the magazine is still called %q, the placeholder magz new writes; put the masthead name in magazine:", iss.Magazine)
	}
	titles := map[string]*doc.Article{}
	for _, a := range iss.Articles {
		if first, ok := titles[strings.ToLower(a.Title)]; ok {
			diags.Warnf(a.Pos, "two articles are titled %q (this one and %s); readers could not tell them apart in the contents", a.Title, diag.DisplayPath(first.Pos.Path))
		}
		titles[strings.ToLower(a.Title)] = a
	}
	fig(iss.Cover, msg.T("cover photo"))
	articles := iss.Articles
	if p := iss.Plan; p != nil {
		articles = append(slices.Clone(articles), p.Pages...)
		if p.Photo != nil {
			fig(p.Photo.Figure, msg.T("photo"))
		}
	}
	checkAds(iss, infos, used, diags) // ads.go
	for _, a := range articles {
		fig(a.Hero, msg.T("photo"))
		doc.Walk(a.Blocks, func(b doc.Block) {
			switch b := b.(type) {
			case *doc.Figure:
				fig(b, msg.T("photo"))
			case *doc.Paragraph:
				checkLinks(b.Pos, b.Spans, diags)
			case *doc.Heading:
				checkLinks(b.Pos, b.Spans, diags)
			}
		})
	}
	usedTwice(iss, diags)
	// Photos in the folder that no article uses.
	var unused, texts []string
	filepath.WalkDir(iss.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if d != nil && d.IsDir() && p != iss.Dir {
				// hidden folders, and output folders put inside the issue
				if _, err := os.Stat(filepath.Join(p, ManifestName)); err == nil || strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
			}
			return nil
		}
		switch ext := strings.ToLower(filepath.Ext(p)); {
		case reader.PhotoExts[ext] && !used[p]:
			unused = append(unused, p)
		case ext == ".md" || ext == ".yaml" || ext == ".yml":
			texts = append(texts, p)
		}
		return nil
	})
	sort.Strings(unused)
	named := func(string) bool { return false }
	if !whole {
		for _, f := range iss.Settings { // magazine.yaml, beside the issue
			if ext := strings.ToLower(filepath.Ext(f)); ext == ".yaml" || ext == ".yml" {
				texts = append(texts, f)
			}
		}
		var said strings.Builder
		for _, d := range diags.All() {
			if d.Severity == diag.Error {
				said.WriteString(d.Msg + "\n")
			}
		}
		inFiles := namedIn(texts)
		named = func(name string) bool { return inFiles(name) || strings.Contains(said.String(), name) }
	}
	for _, p := range unused {
		if !named(filepath.Base(p)) {
			diags.Warnf(diag.Pos{Path: p}, "photo is not used by any article (remove it, or name it in an article)")
		}
	}
}

// namedIn tells whether a file name is written in any of the files.
func namedIn(files []string) func(name string) bool {
	var all strings.Builder
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil {
			all.Write(data)
			all.WriteByte('\n')
		}
	}
	text := all.String()
	return func(name string) bool { return strings.Contains(text, name) }
}

func checkLinks(pos diag.Pos, spans []doc.Span, diags *diag.List) {
	for _, s := range spans {
		if s.Link == "" {
			continue
		}
		u, err := url.Parse(s.Link)
		switch {
		case err != nil || strings.ContainsAny(s.Link, " \t"):
			diags.Warnf(pos, "link %q is malformed (spaces must be written %%20); readers cannot open it", s.Link)
		case u.Scheme == "http" || u.Scheme == "https":
			if u.Host == "" || !strings.Contains(u.Host, ".") {
				diags.Warnf(pos, "link %q has no valid web address after %s://", s.Link, u.Scheme)
			}
		case u.Scheme == "mailto":
		case u.Scheme == "":
			diags.Warnf(pos, "link %q is not a full web address; write it with https://", s.Link)
		default:
			diags.Warnf(pos, "link %q uses %q, which readers cannot open", s.Link, u.Scheme+":")
		}
	}
}

// Summary counts errors and warnings.
func Summary(ds []diag.Diagnostic) (errs, warns int) {
	for _, d := range ds {
		if d.Severity == diag.Error {
			errs++
		} else {
			warns++
		}
	}
	return
}
