package pdf

import (
	"bytes"
	"fmt"
	"io"
	"sort"

	"magz/internal/counter"
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

// source is a PDF as fpdf wrote it, its objects found through the
// cross-reference table and read with the tokenizer (syntax.go).
type source struct {
	data    []byte
	offsets []int // by object number; 0 for a free entry
	ends    []int // by object number: where the object's bytes end, after endobj and its end of line
	xref    int   // where the cross-reference table starts
	trailer *dict
	root    int // the catalog's object number
	info    int // the document information's object number
	// forms: text is drawn in Arabic presentation forms, which the fonts'
	// ToUnicode maps must name by their letters (tounicode.go)
	forms bool
	// emoji: text is drawn in the emoji face, whose Private Use Area
	// codes its ToUnicode map must name by their emoji (tounicode.go)
	emoji bool
	// pictures are the image objects written from a picture's own bytes
	// in place of their stand-ins (pictures.go), by object number
	pictures map[int]*picture
}

// object is one indirect object: its value and, for a stream, its data
// as written (still encoded).
type object struct {
	num    int
	val    value
	stream []byte // nil when the object is not a stream
}

// dict returns the object's value as a dictionary, or nil.
func (o *object) dict() *dict {
	d, _ := o.val.(*dict)
	return d
}

// bytes writes the object's body (between "obj" and "endobj"): its value
// and, for a stream, its data with /Length set to the data's length.
func (o *object) bytes() []byte {
	if o.stream == nil {
		if d := o.dict(); d != nil {
			return d.bytes()
		}
		return appendValue(nil, o.val)
	}
	d := o.dict()
	d.set("Length", integer(len(o.stream)))
	b := append(d.bytes(), "\nstream\n"...)
	b = append(b, o.stream...)
	return append(b, "\nendstream"...)
}

// readSource indexes the objects of a PDF written by fpdf: a classic
// cross-reference table, no object streams. Every object is read once
// here, so a damaged file is refused before anything is written.
func readSource(data []byte) (*source, error) {
	xref, err := startXref(data)
	if err != nil {
		return nil, err
	}
	s := &source{data: data, xref: xref}
	p := &parser{scanner: scanner{data: data, pos: xref}}
	if err := p.keyword("xref"); err != nil {
		return nil, fmt.Errorf("finishing the PDF: no cross-reference table at %d: %w", xref, err)
	}
	if err := s.readXref(p); err != nil {
		return nil, fmt.Errorf("finishing the PDF: cross-reference table: %w", err)
	}
	v, err := p.value()
	if err != nil {
		return nil, fmt.Errorf("finishing the PDF: trailer: %w", err)
	}
	s.trailer, _ = v.(*dict)
	if s.trailer == nil {
		return nil, fmt.Errorf("finishing the PDF: the trailer is not a dictionary")
	}
	var ok1, ok2 bool
	s.root, ok1 = s.trailer.ref("Root")
	s.info, ok2 = s.trailer.ref("Info")
	if !ok1 || !ok2 || !s.exists(s.root) || !s.exists(s.info) {
		return nil, fmt.Errorf("finishing the PDF: the trailer names no catalog or information")
	}
	s.ends = make([]int, len(s.offsets))
	for n, off := range s.offsets {
		if off == 0 {
			continue
		}
		_, end, err := s.parseObject(n, s.lengthOf)
		if err != nil {
			return nil, fmt.Errorf("finishing the PDF: object %d: %w", n, err)
		}
		s.ends[n] = end
	}
	return s, nil
}

// startXref reads where the cross-reference table starts from the end of
// the file ("startxref", the offset, "%%EOF"), as readers do (7.5.5).
func startXref(data []byte) (int, error) {
	tail := max(0, len(data)-1024)
	i := bytes.LastIndex(data[tail:], []byte("startxref"))
	if i < 0 || !bytes.HasSuffix(bytes.TrimRight(data, "\r\n"), []byte("%%EOF")) {
		return 0, fmt.Errorf("finishing the PDF: no startxref")
	}
	p := &parser{scanner: scanner{data: data, pos: tail + i}}
	p.keyword("startxref")
	xref, err := p.integer()
	if err != nil {
		return 0, fmt.Errorf("finishing the PDF: startxref: %w", err)
	}
	if t, _ := p.next(); t.kind != tokEOF {
		return 0, fmt.Errorf("finishing the PDF: more after startxref")
	}
	if xref <= 0 || xref >= len(data) {
		return 0, fmt.Errorf("finishing the PDF: no cross-reference table at %d", xref)
	}
	return xref, nil
}

// readXref reads the subsections of the cross-reference table up to
// "trailer".
func (s *source) readXref(p *parser) error {
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		if t.kind == tokKeyword && string(p.data[t.start:t.end]) == "trailer" {
			return nil
		}
		p.pos = t.start
		first, err := p.integer()
		if err != nil {
			return err
		}
		count, err := p.integer()
		if err != nil {
			return err
		}
		if first < 0 || count < 0 || first+count > len(p.data)/20 {
			return fmt.Errorf("a subsection of %d entries from %d", count, first)
		}
		for n := first; n < first+count; n++ {
			off, err := p.integer()
			if err != nil {
				return err
			}
			if _, err := p.integer(); err != nil {
				return err
			}
			t, err := p.next()
			if err != nil {
				return err
			}
			for len(s.offsets) <= n {
				s.offsets = append(s.offsets, 0)
			}
			switch string(p.data[t.start:t.end]) {
			case "f":
				s.offsets[n] = 0
			case "n":
				if off <= 0 || off >= s.xref {
					return fmt.Errorf("entry %d points at %d", n, off)
				}
				s.offsets[n] = off
			default:
				return fmt.Errorf("entry %d is neither in use nor free", n)
			}
		}
	}
}

func (s *source) exists(n int) bool { return n > 0 && n < len(s.offsets) && s.offsets[n] > 0 }

// parseObject reads object n where the table says it is: "n g obj", its
// value, its stream (by /Length, which length resolves when it is a
// reference) and "endobj". end is after endobj and its end of line.
func (s *source) parseObject(n int, length func(value) (int, error)) (o *object, end int, err error) {
	p := &parser{scanner: scanner{data: s.data, pos: s.offsets[n]}}
	num, err := p.integer()
	if err != nil {
		return nil, 0, err
	}
	if num != n {
		return nil, 0, fmt.Errorf("object %d where %d was expected", num, n)
	}
	if _, err := p.integer(); err != nil {
		return nil, 0, err
	}
	if err := p.keyword("obj"); err != nil {
		return nil, 0, err
	}
	o = &object{num: n}
	if o.val, err = p.value(); err != nil {
		return nil, 0, err
	}
	save := p.pos
	t, err := p.next()
	if err != nil {
		return nil, 0, err
	}
	if t.kind == tokKeyword && string(s.data[t.start:t.end]) == "stream" {
		if o.stream, err = s.streamData(p, o, length); err != nil {
			return nil, 0, err
		}
	} else {
		p.pos = save
	}
	if err := p.keyword("endobj"); err != nil {
		return nil, 0, err
	}
	end = p.pos
	if end < len(s.data) && s.data[end] == '\r' {
		end++
	}
	if end < len(s.data) && s.data[end] == '\n' {
		end++
	}
	return o, end, nil
}

// streamData reads a stream's data after its keyword "stream", by the
// /Length of its dictionary, and the keyword endstream after it.
func (s *source) streamData(p *parser, o *object, length func(value) (int, error)) ([]byte, error) {
	d := o.dict()
	if d == nil {
		return nil, fmt.Errorf("a stream without a dictionary")
	}
	n, err := length(d.get("Length"))
	if err != nil {
		return nil, err
	}
	at := p.pos
	switch {
	case bytes.HasPrefix(s.data[at:], []byte("\r\n")):
		at += 2
	case at < len(s.data) && s.data[at] == '\n':
		at++
	default:
		return nil, fmt.Errorf("stream keyword not followed by an end of line")
	}
	if n < 0 || n > len(s.data)-at {
		return nil, fmt.Errorf("a stream of %d bytes runs past the end of the file", n)
	}
	p.pos = at + n
	if err := p.keyword("endstream"); err != nil {
		return nil, fmt.Errorf("stream of /Length %d: %w", n, err)
	}
	return s.data[at : at+n : at+n], nil
}

// lengthOf is a stream's /Length: a number, or a reference to one.
func (s *source) lengthOf(v value) (int, error) {
	switch v := v.(type) {
	case number:
		if n, ok := v.int(); ok {
			return n, nil
		}
	case ref:
		if s.exists(v.num) {
			o, _, err := s.parseObject(v.num, func(value) (int, error) { return 0, fmt.Errorf("a length that is a stream") })
			if err != nil {
				return 0, err
			}
			if n, ok := o.val.(number); ok {
				if i, ok := n.int(); ok {
					return i, nil
				}
			}
		}
	}
	return 0, fmt.Errorf("a stream without a length")
}

// object reads object n afresh: its values are the caller's to change.
func (s *source) object(n int) (*object, error) {
	if !s.exists(n) {
		return nil, fmt.Errorf("finishing the PDF: no object %d", n)
	}
	o, _, err := s.parseObject(n, s.lengthOf)
	if err != nil {
		return nil, fmt.Errorf("finishing the PDF: object %d: %w", n, err)
	}
	return o, nil
}

// dict reads object n, which must be a dictionary (a stream's dictionary
// without its data).
func (s *source) dict(n int) (*dict, error) {
	o, err := s.object(n)
	if err != nil {
		return nil, err
	}
	d := o.dict()
	if d == nil {
		return nil, fmt.Errorf("finishing the PDF: object %d is not a dictionary", n)
	}
	return d, nil
}

// raw returns object n as written: from "n 0 obj" to after its endobj.
func (s *source) raw(n int) []byte { return s.data[s.offsets[n]:s.ends[n]] }

// pages returns the object numbers of the pages, in order (fpdf writes one
// flat page tree).
func (s *source) pages() ([]int, error) {
	cat, err := s.dict(s.root)
	if err != nil {
		return nil, err
	}
	n, ok := cat.ref("Pages")
	if !ok {
		return nil, fmt.Errorf("finishing the PDF: the catalog has no pages")
	}
	tree, err := s.dict(n)
	if err != nil {
		return nil, err
	}
	var pages []int
	for _, k := range tree.array("Kids") {
		r, ok := k.(ref)
		if !ok || !s.exists(r.num) {
			return nil, fmt.Errorf("finishing the PDF: the page tree has a kid that is not a page")
		}
		pages = append(pages, r.num)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("finishing the PDF: no pages")
	}
	return pages, nil
}

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

// replace gives object n a new body. A picture written from its own
// bytes (pictures.go) is not replaced: its dictionary is changed where it
// is kept, and writeTo refuses a replaced one.
func (r *rewrite) replace(n int, body []byte) { r.replaced[n] = body }

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
	r.mapUnicode()
	cw := &counter.Writer{W: w}
	fmt.Fprintf(cw, "%s\n%%\xe2\xe3\xcf\xd3\n", header)
	total := len(r.src.offsets) + len(r.added)
	offsets := make([]int, total)
	for n := 1; n < total; n++ {
		var body []byte
		switch {
		case n >= len(r.src.offsets):
			body = r.added[n-len(r.src.offsets)]
		case r.replaced[n] != nil:
			if r.src.pictures[n] != nil {
				return fmt.Errorf("finishing the PDF: picture object %d replaced whole", n)
			}
			body = r.replaced[n]
		case r.src.offsets[n] == 0:
			continue
		default:
			offsets[n] = cw.N
			if p := r.src.pictures[n]; p != nil {
				p.write(cw, n)
			} else {
				cw.Write(r.src.raw(n))
			}
			continue
		}
		offsets[n] = cw.N
		fmt.Fprintf(cw, "%d 0 obj\n", n)
		cw.Write(body)
		cw.Write([]byte("\nendobj\n"))
	}
	xref := cw.N
	fmt.Fprintf(cw, "xref\n0 %d\n0000000000 65535 f \n", total)
	for n := 1; n < total; n++ {
		if offsets[n] == 0 {
			fmt.Fprintf(cw, "0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(cw, "%010d 00000 n \n", offsets[n])
	}
	fmt.Fprintf(cw, "trailer\n<</Size %d %s>>\nstartxref\n%d\n%%%%EOF\n", total, trailer, xref)
	return cw.Err()
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

// pageDict reads page n with its boxes in a fixed order: fpdf writes them
// in Go's map order, so the same document would otherwise differ from run
// to run.
func pageDict(src *source, n int) (*dict, error) {
	d, err := src.dict(n)
	if err != nil {
		return nil, err
	}
	sortBoxes(d)
	return d, nil
}

// sortBoxes puts the page boxes fpdf sets (TrimBox, BleedBox, …; not the
// MediaBox, written first) in the places they had, in name order.
func sortBoxes(d *dict) {
	var at []int
	for i, e := range d.entries {
		switch e.key {
		case "ArtBox", "BleedBox", "CropBox", "TrimBox":
			at = append(at, i)
		}
	}
	boxes := make([]entry, len(at))
	for i, j := range at {
		boxes[i] = d.entries[j]
	}
	sort.Slice(boxes, func(a, b int) bool { return boxes[a].key < boxes[b].key })
	for i, j := range at {
		d.entries[j] = boxes[i]
	}
}

// finishPlain writes src with nothing added: its information, language
// and outline, its pages' boxes in order.
func finishPlain(w io.Writer, src *source, meta Metadata) error {
	r := newRewrite(src)
	if err := r.tagFonts(); err != nil {
		return err
	}
	catalog, err := src.dict(src.root)
	if err != nil {
		return err
	}
	if meta.Language != "" {
		setLang(catalog, meta.Language)
		r.replace(src.root, catalog.bytes())
	}
	if err := titleOutline(r, catalog, meta.Outline); err != nil {
		return err
	}
	r.replace(src.info, []byte(infoDict(meta, "")))
	pages, err := src.pages()
	if err != nil {
		return err
	}
	for _, p := range pages {
		d, err := pageDict(src, p)
		if err != nil {
			return err
		}
		r.replace(p, d.bytes())
	}
	return r.writeTo(w, src.header(), fmt.Sprintf("/Root %d 0 R /Info %d 0 R", src.root, src.info))
}

// header is the file's first line, "%PDF-1.x".
func (s *source) header() string {
	line, _, _ := bytes.Cut(s.data, []byte("\n"))
	if !bytes.HasPrefix(line, []byte("%PDF-1.")) || len(line) != len("%PDF-1.x") {
		return "%PDF-1.7"
	}
	return string(line)
}

// titleOutline gives the outline fpdf wrote (one level, items in order
// from /First by /Next) its titles and the count of its items, which
// fpdf leaves out.
func titleOutline(r *rewrite, catalog *dict, titles []string) error {
	root, ok := catalog.ref("Outlines")
	if !ok || len(titles) == 0 {
		return nil
	}
	outlines, err := r.src.dict(root)
	if err != nil {
		return err
	}
	outlines.set("Count", integer(len(titles)))
	r.replace(root, outlines.bytes())
	n, ok := outlines.ref("First")
	for _, t := range titles {
		if !ok || r.replaced[n] != nil {
			return fmt.Errorf("finishing the PDF: the outline has fewer items than the %d drawn", len(titles))
		}
		item, err := r.src.dict(n)
		if err != nil {
			return err
		}
		item.set("Title", pdfText(t))
		r.replace(n, item.bytes())
		n, ok = item.ref("Next")
	}
	if ok {
		return fmt.Errorf("finishing the PDF: the outline has more items than the %d drawn", len(titles))
	}
	return nil
}
