package pdf

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The finishing step. fpdf has no hook for the catalog, the document
// information, output intents or the trailer, so magz finishes its output
// itself: it reads the objects fpdf wrote (a classic cross-reference table,
// no object streams), replaces the few it must change, adds its own, and
// writes the file anew with a fresh cross-reference table. A full rewrite
// rather than an incremental update leaves no outdated catalog behind for
// a preflight to wonder about, and copies the unchanged objects (page
// contents, fonts, images: nearly all the bytes) straight from fpdf's
// buffer.

// source is a PDF as fpdf wrote it.
type source struct {
	data    []byte
	offsets []int // by object number; 0 for a free entry
	ends    []int // by object number: where the object's bytes end
	xref    int   // where the cross-reference table starts
	root    int   // the catalog's object number
	info    int   // the document information's object number
}

var (
	trailerRoot = regexp.MustCompile(`/Root (\d+) 0 R`)
	trailerInfo = regexp.MustCompile(`/Info (\d+) 0 R`)
	startXref   = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
)

// readSource indexes the objects of a PDF written by fpdf.
func readSource(data []byte) (*source, error) {
	m := startXref.FindSubmatch(data)
	if m == nil {
		return nil, fmt.Errorf("finishing the PDF: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(data) || !bytes.HasPrefix(data[xref:], []byte("xref")) {
		return nil, fmt.Errorf("finishing the PDF: no cross-reference table at %d", xref)
	}
	s := &source{data: data, xref: xref}
	// "xref", then one subsection "0 count", then count entries of 20 bytes
	lines := bytes.SplitN(data[xref:], []byte("\n"), 3)
	if len(lines) < 3 {
		return nil, fmt.Errorf("finishing the PDF: cross-reference table cut short")
	}
	head := strings.Fields(string(lines[1]))
	if len(head) != 2 || head[0] != "0" {
		return nil, fmt.Errorf("finishing the PDF: cross-reference table not as fpdf writes it")
	}
	count, err := strconv.Atoi(head[1])
	entries := lines[2]
	if err != nil || len(entries) < 20*count {
		return nil, fmt.Errorf("finishing the PDF: cross-reference table cut short")
	}
	s.offsets = make([]int, count)
	for i := range count {
		e := entries[20*i : 20*i+20]
		if e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("finishing the PDF: bad cross-reference entry %d", i)
		}
		s.offsets[i] = off
	}
	// an object ends where the next one (by offset) begins
	s.ends = make([]int, count)
	byOffset := make([]int, 0, count)
	for n, off := range s.offsets {
		if off > 0 {
			byOffset = append(byOffset, n)
		}
	}
	sort.Slice(byOffset, func(i, j int) bool { return s.offsets[byOffset[i]] < s.offsets[byOffset[j]] })
	for i, n := range byOffset {
		s.ends[n] = xref
		if i+1 < len(byOffset) {
			s.ends[n] = s.offsets[byOffset[i+1]]
		}
	}
	trailer := entries[20*count:]
	r, in := trailerRoot.FindSubmatch(trailer), trailerInfo.FindSubmatch(trailer)
	if r == nil || in == nil {
		return nil, fmt.Errorf("finishing the PDF: the trailer names no catalog or information")
	}
	s.root, _ = strconv.Atoi(string(r[1]))
	s.info, _ = strconv.Atoi(string(in[1]))
	return s, nil
}

// raw returns object n as written: from "n 0 obj" to the start of the next
// object (or of the cross-reference table).
func (s *source) raw(n int) []byte { return s.data[s.offsets[n]:s.ends[n]] }

// dict returns the dictionary of object n (without stream data).
func (s *source) dict(n int) string {
	b := s.raw(n)
	if i := bytes.Index(b, []byte(" obj")); i >= 0 {
		b = b[i+len(" obj"):]
	}
	if i := bytes.Index(b, []byte("stream")); i >= 0 {
		b = b[:i]
	} else if i := bytes.LastIndex(b, []byte("endobj")); i >= 0 {
		b = b[:i]
	}
	return string(bytes.TrimSpace(b))
}

// pages returns the object numbers of the pages, in order (fpdf writes one
// flat page tree).
func (s *source) pages() ([]int, error) {
	m := pagesRef.FindStringSubmatch(s.dict(s.root))
	if m == nil {
		return nil, fmt.Errorf("finishing the PDF: the catalog has no pages")
	}
	n, _ := strconv.Atoi(m[1])
	d := s.dict(n)
	i := strings.Index(d, "/Kids [")
	if i < 0 {
		return nil, fmt.Errorf("finishing the PDF: the page tree has no kids")
	}
	rest := d[i+len("/Kids ["):]
	if j := strings.IndexByte(rest, ']'); j >= 0 {
		rest = rest[:j]
	}
	pages := refs(rest)
	if len(pages) == 0 {
		return nil, fmt.Errorf("finishing the PDF: no pages")
	}
	return pages, nil
}

var pagesRef = regexp.MustCompile(`/Pages (\d+) 0 R`)

// refs returns the object numbers of the references in s ("12 0 R").
func refs(s string) []int {
	var out []int
	for _, m := range refPattern.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, n)
	}
	return out
}

var refPattern = regexp.MustCompile(`(\d+) 0 R`)

// rewrite is the finished file being made: the source's objects, some of
// them replaced, and new ones after them.
type rewrite struct {
	src      *source
	replaced map[int][]byte // object number -> new body (between obj and endobj)
	added    [][]byte
}

func newRewrite(src *source) *rewrite { return &rewrite{src: src, replaced: map[int][]byte{}} }

// add appends a new object and returns its number.
func (r *rewrite) add(body []byte) int {
	r.added = append(r.added, body)
	return len(r.src.offsets) + len(r.added) - 1
}

// reserve numbers a new object whose body comes later (fill): objects that
// refer to each other need their numbers first.
func (r *rewrite) reserve() int { return r.add(nil) }

// fill gives a reserved object its body.
func (r *rewrite) fill(n int, body []byte) { r.added[n-len(r.src.offsets)] = body }

// replace gives object n a new body.
func (r *rewrite) replace(n int, body string) { r.replaced[n] = []byte(body) }

// stream returns the body of a stream object with the given dictionary
// entries (without /Length) and data.
func stream(dict string, data []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<<%s /Length %d>>\nstream\n", dict, len(data))
	b.Write(data)
	b.WriteString("\nendstream")
	return b.Bytes()
}

// writeTo writes the finished file with the given header line and trailer
// entries (besides /Size).
func (r *rewrite) writeTo(w io.Writer, header, trailer string) error {
	cw := &countingWriter{w: w}
	fmt.Fprintf(cw, "%s\n%%\xe2\xe3\xcf\xd3\n", header)
	total := len(r.src.offsets) + len(r.added)
	offsets := make([]int, total)
	for n := 1; n < total; n++ {
		var body []byte
		switch {
		case n >= len(r.src.offsets):
			body = r.added[n-len(r.src.offsets)]
		case r.replaced[n] != nil:
			body = r.replaced[n]
		case r.src.offsets[n] == 0:
			continue
		default:
			offsets[n] = cw.n
			cw.Write(r.src.raw(n))
			continue
		}
		offsets[n] = cw.n
		fmt.Fprintf(cw, "%d 0 obj\n", n)
		cw.Write(body)
		cw.Write([]byte("\nendobj\n"))
	}
	xref := cw.n
	fmt.Fprintf(cw, "xref\n0 %d\n0000000000 65535 f \n", total)
	for n := 1; n < total; n++ {
		if offsets[n] == 0 {
			fmt.Fprintf(cw, "0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(cw, "%010d 00000 n \n", offsets[n])
	}
	fmt.Fprintf(cw, "trailer\n<</Size %d %s>>\nstartxref\n%d\n%%%%EOF\n", total, trailer, xref)
	return cw.err
}

type countingWriter struct {
	w   io.Writer
	n   int
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}
