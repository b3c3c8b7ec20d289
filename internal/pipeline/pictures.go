package pipeline

import (
	"context"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
)

// findFocus looks at every photo (cover, logo, openers, figures) before
// layout: each whose editor wrote no focus: gets the focal point found in
// it, so that every crop of every edition — pages, EPUB, website, sharing
// kit — is centred on the same point (a written focus is kept), and each
// gets the lightness of its parts, for type set over it. A photo that
// cannot be decoded stays centred; the rendering reports it.
func findFocus(ctx context.Context, store *images.Store, iss *doc.Issue, infos map[string]*images.Info) {
	var todo []*doc.Figure
	var paths []string
	seen := map[string]bool{}
	for _, f := range figures(iss) {
		if infos[f.Image.Path] == nil {
			continue
		}
		todo = append(todo, f)
		if !seen[f.Image.Path] {
			seen[f.Image.Path] = true
			paths = append(paths, f.Image.Path)
		}
	}
	found := store.Looks(ctx, paths)
	for _, f := range todo {
		l, ok := found[f.Image.Path]
		if !ok {
			continue
		}
		f.Luma, f.HasLuma = l.Luma, true
		if !f.FocusWritten {
			f.Focus = l.Focus
		}
	}
}

// figures lists every figure of an issue with an image: the cover, the
// logo, then each article's opener photo and the figures in its text.
func figures(iss *doc.Issue) []*doc.Figure {
	var out []*doc.Figure
	add := func(f *doc.Figure) {
		if f != nil && f.Image != nil {
			out = append(out, f)
		}
	}
	add(iss.Cover)
	add(iss.Logo)
	for _, a := range iss.Articles {
		add(a.Hero)
		doc.Walk(a.Blocks, func(b doc.Block) {
			if f, ok := b.(*doc.Figure); ok {
				add(f)
			}
		})
	}
	for _, f := range iss.Plan.Figures() { // ads, the photo page, planned pages
		add(f)
	}
	return out
}

// graphic tells layout which images are flat art: PNG, GIF and BMP files
// (screenshots, maps, logos), never cropped and never printed under
// doc.SharpPPI. Photos come as JPEG (or WebP, TIFF).
func graphic(infos map[string]*images.Info) func(*doc.Image) bool {
	return func(img *doc.Image) bool {
		in := infos[img.Path]
		return in != nil && (in.Format == "png" || in.Format == "gif" || in.Format == "bmp")
	}
}

// usedTwice warns of a photo placed twice (the cover, openers, figures,
// the photo page; the logo and ads apart, which a magazine repeats on
// purpose): readers take the second for a mistake. The warning stands at
// the second place and names the first.
func usedTwice(iss *doc.Issue, diags *diag.List) {
	first := map[string]*doc.Figure{}
	repeated := map[*doc.Figure]bool{iss.Logo: true}
	if iss.Plan != nil {
		for _, ad := range iss.Plan.Ads {
			repeated[ad.Figure] = true
		}
	}
	for _, f := range figures(iss) {
		if repeated[f] {
			continue
		}
		if prev, ok := first[f.Image.Path]; ok {
			diags.Warnf(f.Pos, "photo %s is used twice, here and at %s; readers take the second for a mistake: choose another photo for one of them", f.Image.Rel, prev.Pos)
			continue
		}
		first[f.Image.Path] = f
	}
}
