package layout

import "magz/layout/page"

// The engine measures in the page model's units; these short names keep its
// arithmetic readable.
type (
	Length = page.Length
	Color  = page.Color
)

const (
	Pt = page.Pt
	MM = page.MM
)
