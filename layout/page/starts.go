package page

import "slices"

// Part is a part of an issue, as other editions lay it out.
type Part int

const (
	PartCover    Part = iota // the front cover
	PartContents             // the contents
	PartArticle              // an article's text
	PartEnd                  // after the articles: notes pages, the back cover
)

// PageStart is where a printed page begins, so that another edition (the
// EPUB) can mark it at the same word.
type PageStart struct {
	Folio int // the printed page number
	Part  Part
	// In an article: the element the page begins in (where it comes from
	// in the magazine's files), or the note when Note is not 0, and how
	// many of its words are printed on earlier pages: the page begins
	// with the next. A note's words include its printed number.
	Path  string
	Line  int
	Note  int
	Words int
}

// PageStarts tells, for every page, where it begins: at the first word of
// running text set on it, in reading order, that no earlier page shows,
// be it in the middle of a paragraph. A page without running text (photos
// only) begins with its first figure, or else where the next page does.
// The cover and contents pages begin their parts, and the pages after the
// last article the end.
func (iss *Issue) PageStarts() []PageStart {
	unitOf := make([]int, len(iss.Structure))
	for n := range iss.Structure {
		unitOf[n] = iss.unit(n)
	}
	words := make([]int, len(iss.Structure)) // words of each unit begun on the pages so far
	spaced := make([]bool, len(iss.Structure))
	for n := range spaced {
		spaced[n] = true // the next item of the unit begins a word
	}
	thPage := map[int]int{} // the page a header cell is first set on
	out := make([]PageStart, len(iss.Pages))
	pending := -1 // first page still waiting for the next start
	articles := false
	for pi, p := range iss.Pages {
		out[pi] = PageStart{Folio: p.Folio, Part: PartArticle}
		switch p.Kind {
		case KindCover:
			out[pi].Part = PartCover
		case KindContents:
			out[pi].Part = PartContents
		}
		text, float := -1, -1 // the first unit of running text, and of a figure
		for _, it := range p.Items {
			n := itemNode(it)
			if n <= 0 || n >= len(iss.Structure) {
				continue
			}
			u := unitOf[n]
			switch role := iss.Structure[u].Role; {
			case iss.Structure[u].Line == 0 || role == RoleLabel:
				// made by magz: the contents, furniture, a list's bullets
			case role == RoleFigure || role == RoleCaption:
				if float < 0 || u < float {
					float = u
				}
			default:
				if _, ok := it.(*Text); ok && (text < 0 || u < text) {
					text = u
				}
			}
		}
		first := text
		if first < 0 {
			first = float
		}
		if out[pi].Part == PartArticle && first >= 0 {
			articles = true
			nd := iss.Structure[first]
			out[pi].Path, out[pi].Line, out[pi].Note, out[pi].Words = nd.Path, nd.Line, iss.noteOf(first), words[first]
			for k := max(pending, 0); pending >= 0 && k < pi; k++ {
				out[k] = PageStart{Folio: out[k].Folio, Part: PartArticle, Path: nd.Path, Line: nd.Line, Note: out[pi].Note, Words: words[first]}
			}
			pending = -1
		} else if out[pi].Part == PartArticle {
			if articles && p.Kind != KindArticle {
				out[pi].Part = PartEnd
			} else if pending < 0 {
				pending = pi
			}
		}
		// count the words this page begins, unit by unit
		for _, it := range p.Items {
			t, ok := it.(*Text)
			if !ok || t.Node <= 0 || t.Node >= len(iss.Structure) {
				continue
			}
			u := unitOf[t.Node]
			if iss.Structure[t.Node].Role == RoleHeaderCell {
				if first, ok := thPage[t.Node]; ok && first != pi {
					continue // a header row repeated on a later page
				}
				thPage[t.Node] = pi
			}
			if spaced[u] {
				words[u]++
			}
			spaced[u] = t.Spaced
		}
	}
	for k := max(pending, 0); pending >= 0 && k < len(out); k++ {
		out[k].Part = PartEnd
	}
	return out
}

// unit returns the element whose words n's text counts among: the block
// an inline element (a link, a reference) is in, the table a cell is in.
func (iss *Issue) unit(n int) int {
	for n > 0 && slices.Contains([]Role{RoleLink, RoleReference, RoleHeaderCell, RoleCell, RoleRow}, iss.Structure[n].Role) {
		n = iss.Structure[n].Parent
	}
	return n
}

// noteOf returns the number of the note n is, or 0.
func (iss *Issue) noteOf(n int) int { return iss.Structure[n].Note }

func itemNode(it Item) int {
	switch it := it.(type) {
	case *Text:
		return it.Node
	case *Image:
		return it.Node
	}
	return 0
}
