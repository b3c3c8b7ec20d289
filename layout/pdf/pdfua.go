package pdf

import (
	"fmt"
	"io"
	"sort"

	"magz/layout/page"
)

// uaFinish is the tagged screen PDF being made: the source, the rewrite,
// and the structure elements' object numbers.
type uaFinish struct {
	r     *rewrite
	src   *source
	t     *tags
	pages []int
	has   []bool // by element: whether it is written (it or one below it has content)
	obj   []int  // by element: its object number, when written
	root  int    // the structure tree root
	// links are the Link elements inside each element made for an
	// annotation alone; objrs the annotations inside each Link element of
	// the page model; parentTree maps each page's and annotation's key to
	// its element(s).
	links      [][]int
	objrs      [][]value
	parentTree map[int]value
}

// finishUA writes src as a tagged PDF for readers (PDF/UA-1): the
// structure tree the page model describes, with every piece of marked
// content and every link annotation in it; document language, title shown
// in the window, XMP metadata, tab order by structure, and a trailer ID.
// The XMP claims PDF/UA-1 unless notUA: a file that knows it falls short
// (a glyph it could not set, a figure without a description) does not
// say it conforms.
func finishUA(w io.Writer, src *source, t *tags, meta Metadata, notUA bool) error {
	pages, err := src.pages()
	if err != nil {
		return err
	}
	if len(pages) != len(t.mcids) {
		return fmt.Errorf("finishing the PDF: %d pages written, %d drawn", len(pages), len(t.mcids))
	}
	u := &uaFinish{r: newRewrite(src), src: src, t: t, pages: pages, parentTree: map[int]value{}}
	if err := u.r.tagFonts(); err != nil {
		return err
	}
	u.has = keptElements(t)
	u.obj = make([]int, len(t.structure))
	for n := range t.structure {
		if u.has[n] {
			u.obj[n] = u.r.reserve()
		}
	}
	u.root = u.r.reserve()
	u.links = make([][]int, len(t.structure))
	u.objrs = make([][]value, len(t.structure))
	for pi := range pages {
		if err := u.page(pi); err != nil {
			return err
		}
	}
	u.elements()
	if err := silence(src, u.r, t.silent); err != nil {
		return err
	}
	tree := u.r.add(u.parentTreeDict().bytes())
	u.r.fill(u.root, []byte(fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>", u.obj[0], tree, len(pages)+countAnnots(t.annots))))
	return u.finish(w, meta, notUA)
}

// keptElements tells which elements have content, themselves or below
// them: the others (a caption never written, say) are left out.
func keptElements(t *tags) []bool {
	st := t.structure
	has := make([]bool, len(st))
	for _, ms := range t.mcids {
		for _, n := range ms {
			has[n] = true
		}
	}
	for _, as := range t.annots {
		for _, a := range as {
			if a.node > 0 && a.node < len(st) {
				has[a.node] = true
			}
		}
	}
	for n := len(st) - 1; n > 0; n-- { // parents come before their children
		if has[n] {
			has[st[n].Parent] = true
		}
	}
	has[0] = true
	for n := 1; n < len(st); n++ {
		// a table keeps every cell of a row it keeps, empty ones too
		if r := st[n].Role; (r == page.RoleCell || r == page.RoleHeaderCell) && has[st[n].Parent] {
			has[n] = true
		}
	}
	return has
}

// page rewrites page pi: its link annotations become objects of their
// own, each in the Link element of the link's text (one element, however
// many lines and annotations the link takes), or in a Link element of its
// own inside the element whose text it links; the page names its key in
// the parent tree and orders tabs by structure.
func (u *uaFinish) page(pi int) error {
	p := u.pages[pi]
	d, err := pageDict(u.src, p)
	if err != nil {
		return err
	}
	inline := d.array("Annots")
	drawn := u.t.annots[pi]
	if len(inline) != len(drawn) {
		return fmt.Errorf("finishing the PDF: page %d has %d link annotations, %d were drawn", pi+1, len(inline), len(drawn))
	}
	var refs array
	for ai, a := range drawn {
		annot, ok := inline[ai].(*dict)
		if !ok {
			return fmt.Errorf("finishing the PDF: page %d: link annotation %d is not a dictionary written in place", pi+1, ai+1)
		}
		key := len(u.pages) + countAnnots(u.t.annots[:pi]) + ai // after the pages' keys
		owner := a.node
		if owner <= 0 || owner >= len(u.has) || !u.has[owner] {
			owner = 0
		}
		n := u.r.reserve()
		objr := &dict{entries: []entry{{"Type", name("OBJR")}, {"Obj", ref{n, 0}}, {"Pg", ref{p, 0}}}}
		if u.t.structure[owner].Role == page.RoleLink {
			u.objrs[owner] = append(u.objrs[owner], objr)
			u.parentTree[key] = ref{u.obj[owner], 0}
		} else {
			link := u.r.add((&dict{entries: []entry{{"Type", name("StructElem")}, {"S", name("Link")}, {"P", ref{u.obj[owner], 0}}, {"K", array{objr}}}}).appendTo(nil, " "))
			u.links[owner] = append(u.links[owner], link)
			u.parentTree[key] = ref{link, 0}
		}
		annot.set("StructParent", integer(key))
		annot.set("Contents", pdfText(a.contents))
		annot.set("F", integer(4))
		u.r.fill(n, annot.bytes())
		refs = append(refs, ref{n, 0})
	}
	mcs := array{}
	for _, n := range u.t.mcids[pi] {
		mcs = append(mcs, ref{u.obj[n], 0})
	}
	u.parentTree[pi] = mcs
	if len(refs) > 0 {
		d.set("Annots", refs)
	} else {
		d.del("Annots")
	}
	d.set("StructParents", integer(pi))
	d.set("Tabs", name("S"))
	u.r.replace(p, d.bytes())
	return nil
}

// elements writes the structure elements, each with its marked content,
// its children and its annotations in reading order.
func (u *uaFinish) elements() {
	st := u.t.structure
	type mc struct{ page, mcid int }
	content := make([][]mc, len(st))
	for pi, ms := range u.t.mcids {
		for mcid, owner := range ms {
			content[owner] = append(content[owner], mc{pi, mcid})
		}
	}
	children := make([][]int, len(st))
	for n := 1; n < len(st); n++ {
		if u.has[n] {
			children[st[n].Parent] = append(children[st[n].Parent], n)
		}
	}
	// A child (a link, a reference) stands where its first piece of
	// content is among the element's own, so that a link in the middle of
	// a paragraph is read there.
	before := func(a, b mc) bool { return a.page < b.page || a.page == b.page && a.mcid < b.mcid }
	first := make([]mc, len(st)) // the first piece of content in each element, its children's included
	for n := range st {
		first[n] = mc{len(u.pages), 0} // none
		if len(content[n]) > 0 {
			first[n] = content[n][0]
		}
	}
	for n := len(st) - 1; n > 0; n-- { // children come after their parents
		if p := st[n].Parent; before(first[n], first[p]) {
			first[p] = first[n]
		}
	}
	for n := range st {
		if !u.has[n] {
			continue
		}
		// Marked content on the element's own page (that of its first
		// piece) is named by its MCID alone, the rest by reference.
		k := array{}
		pg := -1
		kids := children[n]
		child := func(upTo mc, all bool) { // the children whose content comes before upTo
			for len(kids) > 0 && (all || before(first[kids[0]], upTo)) {
				k = append(k, ref{u.obj[kids[0]], 0})
				kids = kids[1:]
			}
		}
		for _, m := range content[n] {
			child(m, false)
			if pg < 0 || pg == m.page {
				pg = m.page
				k = append(k, integer(m.mcid))
			} else {
				k = append(k, &dict{entries: []entry{{"Type", name("MCR")}, {"Pg", ref{u.pages[m.page], 0}}, {"MCID", integer(m.mcid)}}})
			}
		}
		child(mc{}, true)
		k = append(k, u.objrs[n]...)
		for _, l := range u.links[n] {
			k = append(k, ref{l, 0})
		}
		parent := u.root
		if n > 0 {
			parent = u.obj[st[n].Parent]
		}
		e := &dict{entries: []entry{{"Type", name("StructElem")}, {"S", name(st[n].Role)}, {"P", ref{parent, 0}}, {"K", k}}}
		if pg >= 0 {
			e.set("Pg", ref{u.pages[pg], 0})
		}
		if st[n].Alt != "" {
			e.set("Alt", pdfText(st[n].Alt))
		}
		if st[n].Role == page.RoleNote {
			e.set("ID", pdfText(fmt.Sprintf("note-%d", n))) // PDF/UA: a Note has an ID
		}
		if st[n].Lang != "" {
			e.set("Lang", pdfText(st[n].Lang))
		}
		if st[n].Scope != "" { // what a header cell heads
			e.set("A", &dict{entries: []entry{{"O", name("Table")}, {"Scope", name(st[n].Scope)}}})
		}
		u.r.fill(u.obj[n], e.appendTo(nil, " "))
	}
}

// parentTreeDict is the parent tree: a number tree of one node, its keys
// in order.
func (u *uaFinish) parentTreeDict() *dict {
	keys := make([]int, 0, len(u.parentTree))
	for k := range u.parentTree {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	nums := array{}
	for _, k := range keys {
		nums = append(nums, integer(k), u.parentTree[k])
	}
	return &dict{entries: []entry{{"Nums", nums}}}
}

// finish writes the catalog (structure tree, marked, title shown, XMP,
// language), the outline, the information and the trailer.
func (u *uaFinish) finish(w io.Writer, meta Metadata, notUA bool) error {
	src, r := u.src, u.r
	id := r.documentID()
	var claims []string
	if !notUA {
		claims = append(claims, "<pdfuaid:part>1</pdfuaid:part>")
	}
	xmp := r.add(stream("/Type /Metadata /Subtype /XML", xmpPacket(meta, id, claims...)))
	catalog, err := src.dict(src.root)
	if err != nil {
		return err
	}
	catalog.set("StructTreeRoot", ref{u.root, 0})
	catalog.set("MarkInfo", &dict{entries: []entry{{"Marked", keyword("true")}}})
	catalog.set("ViewerPreferences", &dict{entries: []entry{{"DisplayDocTitle", keyword("true")}}})
	catalog.set("Metadata", ref{xmp, 0})
	setLang(catalog, meta.Language)
	r.replace(src.root, catalog.bytes())
	if err := titleOutline(r, catalog, meta.Outline); err != nil {
		return err
	}
	r.replace(src.info, []byte(infoDict(meta, "")))
	return r.writeTo(w, "%PDF-1.7", fmt.Sprintf("/Root %d 0 R /Info %d 0 R /ID [<%x> <%x>]", src.root, src.info, id, id))
}

func countAnnots(as [][]annot) int {
	n := 0
	for _, a := range as {
		n += len(a)
	}
	return n
}
