// Structure for readers: the elements that say what text is beyond the
// blocks the flow tags, such as what a table's header cells head.

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
