package pipeline

import (
	"path/filepath"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/msg"
	"magz/internal/reader"
	"magz/layout"
	"magz/layout/page"
)

// Advertisements and notices are printed as they are made, never cropped:
// their preflight checks that each has the shape of its slot (a full page
// with its bleed). Their resolution is checked where every picture's is,
// by the print plan, at the size they are placed.

// adShape is how far an ad's shape may be from its slot's, in thousandths:
// about a millimetre on a page, less than a full page's bleed.
const adShape = 4

// checkAds marks the ads' images as used and checks each one's shape
// against its slot.
func checkAds(iss *doc.Issue, infos map[string]*images.Info, used map[string]bool, diags *diag.List) {
	if iss.Plan == nil {
		return
	}
	for _, ad := range iss.Plan.Ads {
		f := ad.Figure
		used[f.Image.Path] = true
		in := infos[f.Image.Path]
		if in == nil {
			continue // reported when probed
		}
		slot := layout.AdSlot(iss, ad.Size)
		px := func(l page.Length) int { return int((int64(l)*300 + 36000) / 72000) } // at 300 ppi
		mm := func(l page.Length) int { return int((int64(l)*254 + 360000) / 720000) }
		// the shapes compared in integers: w/h against slot.W/slot.H
		a, b := int64(in.Width)*int64(slot.H), int64(in.Height)*int64(slot.W)
		if d := a - b; d*1000 > adShape*b || -d*1000 > adShape*b {
			if ad.Size == doc.AdFull && sameShape(in.Width, in.Height, slot.Trim) {
				diags.Errorf(f.Pos, "full-page ad %s has no bleed: it is made to the trim; make it %d×%d mm with %d mm more on every side (%d×%d pixels at 300 ppi)",
					f.Image.Rel, mm(slot.Trim.W), mm(slot.Trim.H), mm(slot.Bleed), px(slot.W), px(slot.H))
				continue
			}
			diags.Errorf(f.Pos, "ad %s (%s) is %d×%d pixels, not the shape of its slot: make it %d×%d mm (%d×%d pixels at 300 ppi)",
				f.Image.Rel, sizeName(ad.Size), in.Width, in.Height, mm(slot.W), mm(slot.H), px(slot.W), px(slot.H))
		}
	}
}

// sameShape tells whether w×h pixels have the shape of a box.
func sameShape(w, h int, box layout.Box) bool {
	a, b := int64(w)*int64(box.H), int64(h)*int64(box.W)
	d := a - b
	return d*1000 <= adShape*b && -d*1000 <= adShape*b
}

// sizeName names an ad's size for editors.
func sizeName(s doc.AdSize) string {
	switch s {
	case doc.AdFull:
		return msg.T("a full page")
	case doc.AdHalf:
		return msg.T("half a page")
	}
	return msg.T("a quarter page")
}

// budgetWarning warns when the page budget had to print ruled notes pages
// nobody asked for: the issue lacks planned material.
func budgetWarning(iss *doc.Issue, r *layout.Report, diags *diag.List) {
	if r == nil || r.Budget.Spare == 0 {
		return
	}
	pos := diag.Pos{Path: filepath.Join(iss.Dir, reader.IssueFile)}
	if iss.Plan != nil {
		pos = iss.Plan.Pos
	}
	diags.Warnf(pos, "%s printed as ruled notes pages for want of material: add planned material (a full-page ad or notice, a photo page, a page from Markdown) or cut as many pages; magz check shows the page budget",
		msg.Count(r.Budget.Spare, "page"))
}
