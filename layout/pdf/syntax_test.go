package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// tokens lists the kinds and bytes of the tokens in s.
func tokens(t *testing.T, s string) []string {
	t.Helper()
	sc := &scanner{data: []byte(s)}
	var out []string
	for {
		tok, err := sc.next()
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if tok.kind == tokEOF {
			return out
		}
		out = append(out, s[tok.start:tok.end])
	}
}

func TestScanner(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"<</Type /Page>>", []string{"<<", "/Type", "/Page", ">>"}},
		{"[1 0 R -2.5 .5 +3]", []string{"[", "1", "0", "R", "-2.5", ".5", "+3", "]"}},
		// a string ends at its own closing parenthesis: balanced pairs
		// and escaped ones inside do not end it
		{`(a (b) c) (x\)y) (\\)`, []string{`(a (b) c)`, `(x\)y)`, `(\\)`}},
		{"(stream endobj >> << % not a comment)", []string{"(stream endobj >> << % not a comment)"}},
		{"<48 65>/N%comment >> (\n<<\n1 0 obj", []string{"<48 65>", "/N", "<<", "1", "0", "obj"}},
		{"/a#20b/c", []string{"/a#20b", "/c"}},
		{"true false null", []string{"true", "false", "null"}},
		{"{ 1 add }", []string{"{", "1", "add", "}"}},
	} {
		if got := tokens(t, tc.in); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestScannerRefuses(t *testing.T) {
	for _, in := range []string{"(never closed", "(a (b)", "<4G>", "<48", ")", ">"} {
		sc := &scanner{data: []byte(in)}
		var err error
		for range 10 {
			var tok token
			if tok, err = sc.next(); err != nil || tok.kind == tokEOF {
				break
			}
		}
		if err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

func TestStringText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`(plain)`, "plain"},
		{`(a\(b\)c\\d)`, `a(b)c\d`},
		{`(\n\r\t\b\f)`, "\n\r\t\b\f"},
		{`(\101\60\0611)`, "A011"},
		{"(line\\\ncontinued)", "linecontinued"},
		{"(a\r\nb)", "a\nb"},
		{`(a (nested) b)`, "a (nested) b"},
		{`(\q)`, "q"},
		{`<48656c6C6f>`, "Hello"},
		{`<4 8 6>`, "H`"},
		{`<FEFF00E9004100200646>`, "éA ن"},
	} {
		if got := str(tc.in).text(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.in, got, tc.want)
		}
	}
	// what magz writes reads back as written
	for _, s := range []string{"", "plain", `a(b)c\d`, "Café — “kopi”", "مرحبا 你好 😀", "livestream >> endobj"} {
		if got := pdfText(s).text(); got != s {
			t.Errorf("%q reads back as %q", s, got)
		}
	}
}

func TestParseValue(t *testing.T) {
	in := "<</Type /Annot /Rect [1 2.5 3 4] /A <</S /URI /URI (https://x.org/livestream\\)>>)>> /P 12 0 R /Hex <0a> /On true /Kids [1 0 R 2 0 R] /N null>>"
	v, err := parseValue([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	d := v.(*dict)
	if d.name("Type") != "Annot" {
		t.Errorf("type %q", d.name("Type"))
	}
	if n, ok := d.ref("P"); !ok || n != 12 {
		t.Errorf("P %d %v", n, ok)
	}
	if u, _ := d.dict("A").get("URI").(str); u.text() != "https://x.org/livestream)>>" {
		t.Errorf("URI %q", u.text())
	}
	if k := d.array("Kids"); len(k) != 2 || k[1] != (ref{2, 0}) {
		t.Errorf("Kids %v", k)
	}
	if r := d.array("Rect"); len(r) != 4 || r[1] != number("2.5") {
		t.Errorf("Rect %v", r)
	}
	if d.get("On") != keyword("true") || d.get("N") != keyword("null") {
		t.Errorf("keywords %v %v", d.get("On"), d.get("N"))
	}
	// written back, it is the same dictionary
	out := appendValue(nil, v)
	if string(out) != in {
		t.Errorf("written back:\n%s\nwant\n%s", out, in)
	}
	d.set("P", ref{13, 0})
	d.del("Hex")
	d.set("New", integer(7))
	if got := string(appendValue(nil, d)); !strings.Contains(got, "/P 13 0 R /On true") || !strings.HasSuffix(got, "/New 7>>") {
		t.Errorf("changed: %s", got)
	}
	for _, bad := range []string{"<</A 1", "[1 2", "<</A>>", "<<1 2>>", "1 0 R extra", strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1), ""} {
		if _, err := parseValue([]byte(bad)); err == nil {
			t.Errorf("%.30q accepted", bad)
		}
	}
}

// A stream is read by its /Length: its data may hold anything, the
// keywords "endstream" and "endobj" too.
func TestStreamByLength(t *testing.T) {
	data := "endstream\nendobj\n>> ("
	file := "%PDF-1.4\n1 0 obj\n<</Length " + itoa(len(data)) + ">>\nstream\n" + data + "\nendstream\nendobj\n"
	file += "2 0 obj\n<</Type /Catalog /Pages 3 0 R>>\nendobj\n3 0 obj\n<</Type /Pages /Kids [4 0 R] /Count 1>>\nendobj\n"
	file += "4 0 obj\n<</Type /Page /Parent 3 0 R /Contents 1 0 R>>\nendobj\n"
	file = withXref(file, 2, 2)
	src, err := readSource([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	o, err := src.object(1)
	if err != nil {
		t.Fatal(err)
	}
	if string(o.stream) != data {
		t.Errorf("stream data %q", o.stream)
	}
	if p, err := src.pages(); err != nil || len(p) != 1 || p[0] != 4 {
		t.Errorf("pages %v %v", p, err)
	}
	// a length that runs past the data is refused
	short := strings.Replace(file, "/Length "+itoa(len(data)), "/Length "+itoa(len(data)-3), 1)
	if _, err := readSource([]byte(short)); err == nil {
		t.Error("a wrong /Length was accepted")
	}
}

func itoa(n int) string { return string(integer(n)) }

// withXref appends a cross-reference table and trailer to the objects in
// file, found by their "n 0 obj" at the start of a line.
func withXref(file string, root, info int) string {
	var offsets []int
	for i := 0; i < len(file); {
		j := strings.Index(file[i:], "\n")
		if j < 0 {
			break
		}
		line := file[i+j+1:]
		if strings.HasPrefix(line, itoa(len(offsets)+1)+" 0 obj") {
			offsets = append(offsets, i+j+1)
		}
		i += j + 1
	}
	var b bytes.Buffer
	b.WriteString(file)
	xref := b.Len()
	b.WriteString("xref\n0 " + itoa(len(offsets)+1) + "\n0000000000 65535 f \n")
	for _, off := range offsets {
		s := itoa(off)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<</Size " + itoa(len(offsets)+1) + " /Root " + itoa(root) + " 0 R /Info " + itoa(info) + " 0 R>>\nstartxref\n" + itoa(xref) + "\n%%EOF\n")
	return b.String()
}
