package pipeline

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/reader"
	"magz/internal/validate"
)

// TestScreenEditionTagged checks the screen editions of issue-12 and of an
// issue with tables, footnotes, a pull quote, photos without alt text and
// runs in Chinese and Arabic against the conditions of PDF/UA-1 that can be checked from
// outside (there is no free PDF/UA validator here): tagged, with the
// catalog entries; every piece of content tagged or an artifact; figures
// with alternative text; headings that nest; tables with header cells;
// link annotations in Link elements with a description; and the structure
// reads the articles in source order.
func TestScreenEditionTagged(t *testing.T) {
	t.Parallel()
	for _, f := range []*fixture{sampleEditions, scriptsEditions} { // Chinese and Arabic too
		ed := f.get(t)
		file := ed.file(Screen)
		t.Run(filepath.Base(file), func(t *testing.T) {
			if f == sampleEditions && len(ed.res.NotUA) > 0 {
				t.Errorf("the sample issue falls short of PDF/UA-1: %v", ed.res.NotUA)
			}
			// the claim is made exactly when nothing falls short
			checkUA(t, file, len(ed.res.NotUA) == 0)
			iss := reader.Read(ed.src, &diag.List{})
			checkReadingOrder(t, iss, file)
			checkWholeWords(t, iss, file)
		})
	}
}

func checkUA(t *testing.T, file string, claim bool) {
	t.Helper()
	validate.QPDFCheck(t, file)
	info := validate.PDFInfo(t, file)
	if !strings.Contains(info, "Tagged:          yes") || !strings.Contains(info, "PDF version:     1.7") {
		t.Errorf("pdfinfo: not a tagged PDF 1.7:\n%s", info)
	}
	xmp := validate.PDFInfo(t, file, "-meta")
	if claims := strings.Contains(xmp, "<pdfuaid:part>1</pdfuaid:part>"); claims != claim || !strings.Contains(xmp, "<dc:title>") {
		t.Errorf("XMP claims PDF/UA-1: %v, want %v, with a title:\n%s", claims, claim, xmp)
	}
	objs := validate.PDFObjects(t, file)
	trailer := objs["trailer"].(map[string]any)
	root := objs[trailer["/Root"].(string)].(map[string]any)
	if mi, _ := root["/MarkInfo"].(map[string]any); mi["/Marked"] != true {
		t.Errorf("catalog MarkInfo %v", root["/MarkInfo"])
	}
	if vp, _ := root["/ViewerPreferences"].(map[string]any); vp["/DisplayDocTitle"] != true {
		t.Errorf("catalog ViewerPreferences %v", root["/ViewerPreferences"])
	}
	if lang, _ := root["/Lang"].(string); lang == "" {
		t.Error("catalog has no /Lang")
	}
	if ids, ok := trailer["/ID"].([]any); !ok || len(ids) != 2 {
		t.Errorf("trailer ID %v", trailer["/ID"])
	}
	var headings []string
	figures, tables, linkAnnots, notes := 0, 0, 0, 0
	for ref, o := range objs {
		d, ok := o.(map[string]any)
		if !ok {
			continue
		}
		switch {
		case d["/Type"] == "/Page":
			if d["/Tabs"] != "/S" || d["/StructParents"] == nil {
				t.Errorf("page %s: Tabs %v, StructParents %v", ref, d["/Tabs"], d["/StructParents"])
			}
		case d["/Subtype"] == "/Link":
			linkAnnots++
			if d["/StructParent"] == nil || d["/Contents"] == nil {
				t.Errorf("link annotation %s without StructParent or Contents: %v", ref, d)
			}
		case d["/Type"] == "/StructElem" && d["/S"] == "/Figure":
			figures++
			// an undescribed photo stays a figure, and takes back the claim
			if alt, _ := d["/Alt"].(string); len(alt) <= 2 && claim {
				t.Errorf("figure %s has no alternative text", ref)
			}
		case d["/Type"] == "/StructElem" && d["/S"] == "/Table":
			tables++
		case d["/Type"] == "/StructElem" && d["/S"] == "/Note":
			notes++
			if id, _ := d["/ID"].(string); id == "" {
				t.Errorf("note %s has no ID", ref)
			}
		}
	}
	st := validate.PDFStructure(t, file)
	headings = regexp.MustCompile(`(?m)^\s*(H[1-6])\b`).FindAllString(st, -1)
	last := 0
	for _, h := range headings {
		lvl := int(strings.TrimSpace(h)[1] - '0')
		if lvl > last+1 {
			t.Errorf("headings skip a level: H%d after H%d", lvl, last)
		}
		last = lvl
	}
	if figures == 0 || len(headings) == 0 || linkAnnots == 0 {
		t.Errorf("%d figures, %d headings, %d link annotations: the structure is missing parts", figures, len(headings), linkAnnots)
	}
	if tables > 0 && !strings.Contains(st, "TH") {
		t.Error("a table without header cells")
	}
	// footnotes: each reference is its own element with a link to its
	// note, and the note links back
	if refs := strings.Count(st, "Reference"); notes > 0 && (refs != notes || strings.Count(st, "Note")-notes < 0) {
		t.Errorf("%d notes, %d references", notes, refs)
	}
	if notes > 0 && !regexp.MustCompile(`(?s)Note( <[^>]*>)? \(inline\).{0,400}?Link \(inline\)`).MatchString(st) {
		t.Error("a note does not link back to its reference")
	}
	// every painting operator inside marked content: tagged, or an artifact
	paint := regexp.MustCompile(`(\bT[jJ]|\bDo|\bre f|\bre\nf)\b`)
	for pi, content := range validate.PDFContent(t, file) {
		depth, artifacts := 0, 0
		for _, line := range strings.Split(content, "\n") {
			if strings.HasSuffix(line, "BDC") || strings.HasSuffix(line, "BMC") {
				depth++
				if strings.HasPrefix(line, "/Artifact") {
					artifacts++
				}
			}
			if paint.MatchString(line) && depth == 0 {
				t.Errorf("page %d: content neither tagged nor an artifact: %q", pi+1, line)
			}
			if line == "EMC" {
				depth--
			}
		}
		if depth != 0 {
			t.Errorf("page %d: marked content does not close (%d open)", pi+1, depth)
		}
	}
}

// checkWholeWords: a word hyphenated at a line end reads whole on screen;
// only words written with a hyphen (mama-mama) may end a line with one.
func checkWholeWords(t *testing.T, iss *doc.Issue, file string) {
	t.Helper()
	var src strings.Builder
	for _, a := range iss.Articles {
		doc.Walk(a.Blocks, func(b doc.Block) {
			if p, ok := b.(*doc.Paragraph); ok {
				src.WriteString(doc.PlainText(p.Spans) + " ")
			}
		})
	}
	lines := strings.Split(validate.PDFText(t, file), "\n")
	for i := 0; i+1 < len(lines); i++ {
		l := strings.Fields(lines[i])
		next := strings.Fields(lines[i+1])
		if len(l) == 0 || len(next) == 0 || !strings.HasSuffix(l[len(l)-1], "-") {
			continue
		}
		if w := l[len(l)-1] + next[0]; !strings.Contains(src.String(), strings.TrimRight(w, ".,;:!?”")) {
			t.Errorf("a word broken at a line end reads as two: %q / %q", lines[i], lines[i+1])
		}
	}
}

// checkReadingOrder: the structure reads every article's paragraphs,
// headings and captions in the order of the source, each once, and the
// running heads and folios not at all.
func checkReadingOrder(t *testing.T, iss *doc.Issue, file string) {
	t.Helper()
	// the text of the structure: its pieces of content, each with its own
	// spaces, one after the other
	var all strings.Builder
	for _, m := range quoted.FindAllStringSubmatch(validate.PDFStructure(t, file), -1) {
		all.WriteString(m[1])
	}
	words := strings.Fields(strings.NewReplacer("“", "", "”", "").Replace(all.String()))
	// the structure text shows a word broken at a line end with its
	// hyphen (pdfinfo reads no ActualText): compare without hyphens
	text := brokenWord.ReplaceAllString(" "+strings.Join(words, " ")+" ", "$1$2")
	at := 0
	for _, a := range iss.Articles {
		doc.Walk(a.Blocks, func(b doc.Block) {
			var s string
			switch b := b.(type) {
			case *doc.Paragraph:
				s = doc.PlainText(b.Spans)
			case *doc.Heading:
				s = doc.PlainText(b.Spans)
			case *doc.PullQuote:
				s = doc.PlainText(b.Spans)
			case *doc.Figure:
				s = doc.PlainText(b.Caption)
			}
			probe := firstWords(s, 3)
			if probe == "" {
				return
			}
			probe = brokenWord.ReplaceAllString(probe, "$1$2")
			i := strings.Index(text[at:], " "+probe+" ")
			if i < 0 {
				t.Errorf("%s: %q is not read after what comes before it in the source", a.Slug, probe)
				return
			}
			at += i + 1
		})
	}
}

var (
	brokenWord = regexp.MustCompile(`(\pL)-(\pL)`)
	quoted     = regexp.MustCompile(`(?m)^\s*"(.*)"$`)
)

// firstWords returns n words of s from its second (the first may be set
// with a drop cap, which the structure text shows apart), without quotes.
func firstWords(s string, n int) string {
	f := strings.Fields(strings.NewReplacer("“", "", "”", "", `"`, "").Replace(s))
	if len(f) < n+1 {
		return ""
	}
	return strings.Join(f[1:n+1], " ")
}
