package pipeline

// The editions as readers meet them: what their reading software finds in
// the structure of the screen PDF and in the EPUB.

import (
	"path/filepath"
	"testing"

	"magz/internal/validate"
)

// TestHeaderCellsHaveScope: every header cell of the screen PDF's tables
// says what it heads (Matterhorn 15-003), on issue-12 and on an issue
// with more tables.
func TestHeaderCellsHaveScope(t *testing.T) {
	t.Parallel()
	for _, f := range []*fixture{sampleEditions, awkwardEditions} {
		file := f.get(t).file(Screen)
		headers := 0
		for ref, o := range validate.PDFObjects(t, file) {
			d, ok := o.(map[string]any)
			if !ok || d["/Type"] != "/StructElem" || d["/S"] != "/TH" {
				continue
			}
			headers++
			if a, _ := d["/A"].(map[string]any); a["/O"] != "/Table" || a["/Scope"] != "/Column" {
				t.Errorf("%s: header cell %s has attributes %v, want /O /Table /Scope /Column", filepath.Base(file), ref, d["/A"])
			}
		}
		if headers == 0 {
			t.Errorf("%s: no header cells", filepath.Base(file))
		}
	}
}
