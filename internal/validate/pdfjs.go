package validate

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfjsScript reads a PDF with pdf.js (npm's pdfjs-dist), the engine of
// Firefox's PDF viewer, and prints what Firefox gives a reader, page by
// page, as JSON: the text items with the marked content they sit in (its
// MCID, and whether it is an artifact, which the viewer hides from
// screen readers), the structure tree (getStructTree, which the viewer
// turns into the accessibility tree) and the link annotations.
const pdfjsScript = `
const path = require('path');
const fs = require('fs');
const [root, file] = process.argv.slice(2);
(async () => {
  const pdfjs = await import(path.join(root, 'pdfjs-dist/legacy/build/pdf.mjs'));
  const data = new Uint8Array(fs.readFileSync(file));
  const doc = await pdfjs.getDocument({data, verbosity: 0, standardFontDataUrl: path.join(root, 'pdfjs-dist/standard_fonts/')}).promise;
  const out = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent({includeMarkedContent: true});
    const items = [], open = [];
    for (const it of tc.items) {
      if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') { open.push(it); continue; }
      if (it.type === 'endMarkedContent') { open.pop(); continue; }
      const mc = [...open].reverse().find(m => m.id);
      items.push({str: it.str, eol: it.hasEOL, x: it.transform[4], y: it.transform[5], w: it.width,
        artifact: open.some(m => m.tag === 'Artifact'), mc: mc ? mc.id : ''});
    }
    const annots = (await page.getAnnotations()).filter(a => a.subtype === 'Link')
      .map(a => ({id: 'pdfjs_internal_id_' + a.id, url: a.url || '', contents: a.contentsObj ? a.contentsObj.str : ''}));
    out.push({items, tree: await page.getStructTree(), annots});
  }
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

// PDFJSItem is a run of text as pdf.js finds it on a page.
type PDFJSItem struct {
	Str      string  `json:"str"`
	EOL      bool    `json:"eol"` // a line ends after it
	X, Y, W  float64 // where its baseline starts, and its width, in points
	Artifact bool    `json:"artifact"`
	MC       string  `json:"mc"` // the marked content it is in ("p12R_mc3"), "" for none
}

// PDFJSNode is an element of the structure tree as pdf.js serialises it
// for the viewer: an element (Role, with Alt and Lang), or a reference to
// its content (Type "content" with the marked content's ID, "annotation"
// with the annotation's ID).
type PDFJSNode struct {
	Role     string       `json:"role"`
	Alt      string       `json:"alt"` // /Alt, or /ActualText when there is no /Alt
	Lang     string       `json:"lang"`
	Type     string       `json:"type"`
	ID       string       `json:"id"`
	Children []*PDFJSNode `json:"children"`
}

// PDFJSAnnot is a link annotation.
type PDFJSAnnot struct {
	ID, URL, Contents string
}

// PDFJSPage is a page as pdf.js reads it.
type PDFJSPage struct {
	Items  []PDFJSItem  `json:"items"`
	Tree   *PDFJSNode   `json:"tree"` // nil for a page without structure
	Annots []PDFJSAnnot `json:"annots"`
}

// PDFJS reads a PDF as Firefox's pdf.js does (see pdfjsScript). It needs
// node and npm's pdfjs-dist.
func PDFJS(t testing.TB, file string) []PDFJSPage {
	t.Helper()
	node := need(t, "node")
	root := npmRoot(t)
	needFile(t, filepath.Join(root, "pdfjs-dist", "legacy", "build", "pdf.mjs"), "pdfjs-dist")
	out, err := ask(file, func() ([]byte, error) {
		dir, err := os.MkdirTemp("", "magz-pdfjs-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		script := filepath.Join(dir, "pdfjs.cjs")
		if err := os.WriteFile(script, []byte(pdfjsScript), 0o644); err != nil {
			return nil, err
		}
		out, err := exec.Command(node, script, root, file).Output()
		if ee, ok := err.(*exec.ExitError); ok {
			err = fmt.Errorf("%w\n%s", err, ee.Stderr)
		}
		return out, err
	}, node, "pdfjs", file)
	if err != nil {
		t.Fatalf("pdf.js reading %s: %v", file, err)
	}
	var pages []PDFJSPage
	if err := json.Unmarshal(out, &pages); err != nil {
		t.Fatalf("pdf.js reading %s: %v", file, err)
	}
	return pages
}

// Content returns the text of each piece of marked content on the page
// that is not an artifact, by ID, in the order of the page. Each text item
// ends with a line break: the viewer positions each item's span on its
// own, which makes it a block of its own to a screen reader, so that a
// word drawn in two items reads as two.
func (p *PDFJSPage) Content() map[string]string {
	out := map[string]string{}
	for _, it := range p.Items {
		if it.Artifact || it.MC == "" {
			continue
		}
		out[it.MC] += it.Str + "\n"
	}
	return out
}

// Text returns the text of the page without artifacts, as Firefox's text
// layer has it for a screen reader: items in the order of the page, a
// line break after each line.
func (p *PDFJSPage) Text() string {
	var b strings.Builder
	for _, it := range p.Items {
		if it.Artifact {
			continue
		}
		b.WriteString(it.Str)
		if it.EOL {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// Read returns the text of a structure element as a reader of its
// structure meets it: its content and its children's, in the order of the
// tree. content is the page's Content.
func (n *PDFJSNode) Read(content map[string]string) string {
	var b strings.Builder
	var walk func(n *PDFJSNode)
	walk = func(n *PDFJSNode) {
		if n.Type == "content" {
			b.WriteString(content[n.ID])
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// Walk calls f on n and every element below it, parents first, with the
// roles of its ancestors.
func (n *PDFJSNode) Walk(f func(n *PDFJSNode, parents []string)) {
	var walk func(n *PDFJSNode, parents []string)
	walk = func(n *PDFJSNode, parents []string) {
		f(n, parents)
		if n.Role != "" {
			parents = append(parents, n.Role)
		}
		for _, c := range n.Children {
			walk(c, parents)
		}
	}
	walk(n, nil)
}
