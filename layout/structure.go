// Structure for readers: the elements that say what text is beyond the
// blocks the flow tags: what a table's header cells head, links.

package layout

import "magz/layout/page"

// cell makes a table cell of role (a header cell or a data cell) in the
// current row. A Markdown table's header cells head their columns.
func (c *composer) cell(role page.Role) int {
	n := c.node(role, "")
	if role == page.RoleHeaderCell {
		c.out.Structure[n].Scope = page.ScopeColumn
	}
	return n
}

// backPrefix starts the link of a note's number back to its reference:
// "#back-3".
const backPrefix = "#back-"

// openLink is the Link element the last piece of text drawn belongs to,
// so that the next piece of the same link (the rest of its text on the
// next line, an emphasised word in it) joins it: one element per link,
// however many runs and annotations it takes.
type openLink struct {
	target string // the link's target: a URL, or a back link's note
	node   int    // its element; 0: no link is open
}

// linkNode returns the Link element for a run of a link to target inside
// the current element: the one the run before opened when it is the same
// link, else a new one.
func (c *composer) linkNode(target string) int {
	if o := c.link; o.node > 0 && o.node < len(c.out.Structure) && o.target == target {
		if n := c.out.Structure[o.node]; n.Role == page.RoleLink && n.Parent == c.parent {
			return o.node
		}
	}
	c.link = openLink{target: target, node: c.node(page.RoleLink, "")}
	return c.link.node
}

// endLink closes the open link: the text drawn next is not part of it.
func (c *composer) endLink() { c.link = openLink{} }
