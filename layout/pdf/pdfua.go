package pdf

import (
	"bytes"
	"fmt"
	"io"
	"magz/layout/page"
	"regexp"
	"sort"
	"strings"
)

// finishUA writes src as a tagged PDF for readers (PDF/UA-1): the
// structure tree the page model describes, with every piece of marked
// content and every link annotation in it; document language, title shown
// in the window, XMP metadata claiming PDF/UA, tab order by structure, and
// a trailer ID.
func finishUA(w io.Writer, src *source, t *tags, outlineItems int, meta Metadata) error {
	r := newRewrite(src)
	pages, err := src.pages()
	if err != nil {
		return err
	}
	if len(pages) != len(t.mcids) {
		return fmt.Errorf("finishing the PDF: %d pages written, %d drawn", len(pages), len(t.mcids))
	}
	st := t.structure

	// Which elements have content, themselves or below them: the others
	// (a caption never written, say) are left out.
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
	obj := make([]int, len(st))
	for n := range st {
		if has[n] {
			obj[n] = r.reserve()
		}
	}
	children := make([][]int, len(st))
	for n := 1; n < len(st); n++ {
		if has[n] {
			children[st[n].Parent] = append(children[st[n].Parent], n)
		}
	}

	// Link annotations become objects of their own, each with a Link
	// element that holds it, inside the element whose text it links.
	root := r.reserve()
	parentTree := map[int]string{}  // key -> value (an array of elements, or one element)
	links := make([][]int, len(st)) // Link elements inside each element
	for pi, p := range pages {
		d := src.dict(p)
		inline, from, to := annotsArray(d)
		if len(inline) != len(t.annots[pi]) {
			return fmt.Errorf("finishing the PDF: page %d has %d link annotations, %d were drawn", pi+1, len(inline), len(t.annots[pi]))
		}
		var refs []string
		for ai, a := range t.annots[pi] {
			key := len(pages) + countAnnots(t.annots[:pi]) + ai // after the pages' keys
			owner := a.node
			if owner <= 0 || owner >= len(st) || !has[owner] {
				owner = 0
			}
			annot := r.reserve()
			link := r.add([]byte(fmt.Sprintf("<</Type /StructElem /S /Link /P %d 0 R /K [<</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>]>>", obj[owner], annot, p)))
			body := strings.TrimSuffix(strings.TrimSpace(inline[ai]), ">>")
			r.fill(annot, []byte(fmt.Sprintf("%s /StructParent %d /Contents %s /F 4>>", body, key, textString(a.contents))))
			links[owner] = append(links[owner], link)
			parentTree[key] = fmt.Sprintf("%d 0 R", link)
			refs = append(refs, fmt.Sprintf("%d 0 R", annot))
		}
		var mcs []string
		for _, n := range t.mcids[pi] {
			mcs = append(mcs, fmt.Sprintf("%d 0 R", obj[n]))
		}
		parentTree[pi] = "[" + strings.Join(mcs, " ") + "]"
		if from < to {
			d = d[:from] + d[to:]
		}
		d = strings.TrimSuffix(d, ">>")
		if len(refs) > 0 {
			d += "/Annots [" + strings.Join(refs, " ") + "]\n"
		}
		r.replace(p, d+fmt.Sprintf("/StructParents %d\n/Tabs /S\n>>", pi))
	}

	// The elements, each with its marked content (page by page), its links
	// and its children, in reading order.
	type mc struct{ page, mcid int }
	content := make([][]mc, len(st))
	for pi, ms := range t.mcids {
		for mcid, owner := range ms {
			content[owner] = append(content[owner], mc{pi, mcid})
		}
	}
	for n := range st {
		if !has[n] {
			continue
		}
		// Marked content on the element's own page (that of its first
		// piece) is named by its MCID alone, the rest by reference.
		var k []string
		pg := -1
		for _, m := range content[n] {
			if pg < 0 || pg == m.page {
				pg = m.page
				k = append(k, fmt.Sprint(m.mcid))
			} else {
				k = append(k, fmt.Sprintf("<</Type /MCR /Pg %d 0 R /MCID %d>>", pages[m.page], m.mcid))
			}
		}
		for _, l := range links[n] {
			k = append(k, fmt.Sprintf("%d 0 R", l))
		}
		for _, c := range children[n] {
			k = append(k, fmt.Sprintf("%d 0 R", obj[c]))
		}
		parent := root
		if n > 0 {
			parent = obj[st[n].Parent]
		}
		var b strings.Builder
		fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %d 0 R /K [%s]", st[n].Role, parent, strings.Join(k, " "))
		if pg >= 0 {
			fmt.Fprintf(&b, " /Pg %d 0 R", pages[pg])
		}
		if st[n].Alt != "" {
			fmt.Fprintf(&b, " /Alt %s", textString(st[n].Alt))
		}
		if st[n].Role == page.RoleNote {
			fmt.Fprintf(&b, " /ID (note-%d)", n) // PDF/UA: a Note has an ID
		}
		if st[n].Lang != "" {
			fmt.Fprintf(&b, " /Lang %s", textString(st[n].Lang))
		}
		if st[n].Scope != "" {
			fmt.Fprintf(&b, " /A <</O /Table /Scope /%s>>", st[n].Scope) // what a header cell heads
		}
		b.WriteString(">>")
		r.fill(obj[n], []byte(b.String()))
	}
	keys := make([]int, 0, len(parentTree))
	for k := range parentTree {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	var nums strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&nums, "%d %s ", k, parentTree[k])
	}
	tree := r.add([]byte("<</Nums [" + strings.TrimSpace(nums.String()) + "]>>"))
	r.fill(root, []byte(fmt.Sprintf("<</Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d>>", obj[0], tree, len(pages)+countAnnots(t.annots))))

	id := documentID(src.data)
	xmp := r.add(stream("/Type /Metadata /Subtype /XML", xmpPacket(meta, id, "<pdfuaid:part>1</pdfuaid:part>")))
	catalog := strings.TrimSuffix(src.dict(src.root), ">>")
	catalog += fmt.Sprintf("/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>\n/Metadata %d 0 R\n>>", root, xmp)
	r.replace(src.root, catalog)
	if m := outlinesRef.FindStringSubmatch(catalog); m != nil && outlineItems > 0 {
		// fpdf gives the outline root no count of its items
		n := atoi(m[1])
		r.replace(n, strings.TrimSuffix(src.dict(n), ">>")+fmt.Sprintf("\n/Count %d>>", outlineItems))
	}
	r.replace(src.info, infoDict(meta, ""))
	return r.writeTo(w, "%PDF-1.7", fmt.Sprintf("/Root %d 0 R /Info %d 0 R /ID [<%x> <%x>]", src.root, src.info, id, id))
}

var (
	outlinesRef = regexp.MustCompile(`/Outlines (\d+) 0 R`)
)

func countAnnots(as [][]annot) int {
	n := 0
	for _, a := range as {
		n += len(a)
	}
	return n
}

// annotsArray returns the dictionaries of a page's inline /Annots array,
// as fpdf writes them, in order, and where the array stands in the page
// dictionary (from, to).
func annotsArray(page string) (dicts []string, from, to int) {
	i := strings.Index(page, "/Annots [")
	if i < 0 {
		return nil, 0, 0
	}
	at := i + len("/Annots [")
	b := []byte(page[at:])
	depth, start := 0, -1
	for j := 0; j < len(b); j++ {
		switch {
		case b[j] == '(':
			// a string: skip to its end, minding escapes and nesting
			level := 0
			for ; j < len(b); j++ {
				if b[j] == '\\' {
					j++
					continue
				}
				if b[j] == '(' {
					level++
				} else if b[j] == ')' {
					level--
					if level == 0 {
						break
					}
				}
			}
		case bytes.HasPrefix(b[j:], []byte("<<")):
			if depth == 0 {
				start = j
			}
			depth++
			j++
		case bytes.HasPrefix(b[j:], []byte(">>")):
			depth--
			j++
			if depth == 0 {
				dicts = append(dicts, string(b[start:j+1]))
			}
		case b[j] == ']' && depth == 0:
			return dicts, i, at + j + 1
		}
	}
	return dicts, i, len(page)
}
