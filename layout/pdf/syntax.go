package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf16"
)

// PDF syntax, read with a tokenizer (ISO 32000-1, 7.2 and 7.3). The
// finishing step reads every object fpdf wrote with it: dictionaries by
// their << >> depth, strings with their escapes and balanced parentheses,
// streams by /Length, so that no text an editor wrote (a link containing
// "stream", a title with ">>") can be taken for structure. Objects are
// read into values (dict, array, name, str, number, ref, keyword) that
// can be changed and written back; strings keep the bytes they were
// written with, so what is not changed is written as it was.

// tokenKind is what a token is.
type tokenKind uint8

const (
	tokEOF        tokenKind = iota
	tokNumber               // 12, -3.5, .5
	tokName                 // /Type
	tokString               // (literal), with its parentheses
	tokHex                  // <48656C6C6F>, with its angle brackets
	tokDictOpen             // <<
	tokDictClose            // >>
	tokArrayOpen            // [
	tokArrayClose           // ]
	tokKeyword              // true, false, null, R, obj, endobj, stream, endstream, xref, trailer, startxref, n, f; operators in content streams
)

// token is one token: its kind and where its bytes are in the input.
type token struct {
	kind       tokenKind
	start, end int
}

// scanner splits PDF bytes into tokens. It never looks into a stream's
// data by itself: whoever reads "stream" skips the data by its length.
type scanner struct {
	data []byte
	pos  int
}

// syntaxError is a place in the input that is not PDF syntax.
type syntaxError struct {
	at   int
	what string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("PDF syntax at byte %d: %s", e.at, e.what) }

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isRegular(c byte) bool { return !isSpace(c) && !isDelimiter(c) }

// skipSpace skips white space and comments.
func (s *scanner) skipSpace() {
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case isSpace(c):
			s.pos++
		case c == '%':
			for s.pos < len(s.data) && s.data[s.pos] != '\n' && s.data[s.pos] != '\r' {
				s.pos++
			}
		default:
			return
		}
	}
}

// next returns the next token.
func (s *scanner) next() (token, error) {
	s.skipSpace()
	start := s.pos
	if start >= len(s.data) {
		return token{kind: tokEOF, start: start, end: start}, nil
	}
	d := s.data
	tok := func(k tokenKind, end int) (token, error) {
		s.pos = end
		return token{kind: k, start: start, end: end}, nil
	}
	switch c := d[start]; {
	case c == '(':
		end, err := literalEnd(d, start)
		if err != nil {
			return token{}, err
		}
		return tok(tokString, end)
	case c == '<' && start+1 < len(d) && d[start+1] == '<':
		return tok(tokDictOpen, start+2)
	case c == '<':
		for i := start + 1; i < len(d); i++ {
			switch {
			case d[i] == '>':
				return tok(tokHex, i+1)
			case !isSpace(d[i]) && unhex(d[i]) < 0:
				return token{}, &syntaxError{i, fmt.Sprintf("%q in a hex string", d[i])}
			}
		}
		return token{}, &syntaxError{start, "hex string without its end"}
	case c == '>' && start+1 < len(d) && d[start+1] == '>':
		return tok(tokDictClose, start+2)
	case c == '[':
		return tok(tokArrayOpen, start+1)
	case c == ']':
		return tok(tokArrayClose, start+1)
	case c == '/':
		end := start + 1
		for end < len(d) && isRegular(d[end]) {
			end++
		}
		return tok(tokName, end)
	case c == '{' || c == '}':
		return tok(tokKeyword, start+1) // PostScript calculator functions
	case isDelimiter(c):
		return token{}, &syntaxError{start, fmt.Sprintf("unexpected %q", c)}
	}
	end := start
	for end < len(d) && isRegular(d[end]) {
		end++
	}
	if isNumber(d[start:end]) {
		return tok(tokNumber, end)
	}
	return tok(tokKeyword, end)
}

// literalEnd returns where the literal string starting at d[start] ('(')
// ends: after its closing parenthesis, counting balanced pairs and
// skipping escaped characters.
func literalEnd(d []byte, start int) (int, error) {
	depth := 0
	for i := start; i < len(d); i++ {
		switch d[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		}
	}
	return 0, &syntaxError{start, "string without its closing parenthesis"}
}

func isNumber(b []byte) bool {
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		b = b[1:]
	}
	digits, dots := 0, 0
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// Values. A value is one of name, number, str, ref, keyword (true, false,
// null), array or *dict.
type value any

// name is a PDF name as written, without its slash: name("Type").
type name string

// number is a number as written ("12", "-0.5").
type number string

// integer makes a number of n.
func integer(n int) number { return number(strconv.Itoa(n)) }

// int returns the number's value when it is an integer.
func (n number) int() (int, bool) {
	i, err := strconv.Atoi(string(n))
	return i, err == nil
}

// str is a string as written: a literal "(…)" or a hex string "<…>",
// delimiters included.
type str []byte

// pdfText makes a PDF text string of s (see textString).
func pdfText(s string) str { return str(textString(s)) }

// bytes returns the string's bytes, its escapes undone.
func (s str) bytes() []byte {
	if len(s) < 2 {
		return nil
	}
	in := s[1 : len(s)-1]
	var out []byte
	if s[0] == '<' {
		var digits []int
		for _, c := range in {
			if v := unhex(c); v >= 0 {
				digits = append(digits, v)
			}
		}
		if len(digits)%2 == 1 {
			digits = append(digits, 0) // a missing last digit is 0
		}
		for i := 0; i < len(digits); i += 2 {
			out = append(out, byte(digits[i]<<4|digits[i+1]))
		}
		return out
	}
	for i := 0; i < len(in); i++ {
		c := in[i]
		if c == '\r' { // an end of line in a string is a newline
			if i+1 < len(in) && in[i+1] == '\n' {
				i++
			}
			out = append(out, '\n')
			continue
		}
		if c != '\\' || i+1 == len(in) {
			out = append(out, c)
			continue
		}
		i++
		switch c = in[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\r': // a line continued
			if i+1 < len(in) && in[i+1] == '\n' {
				i++
			}
		case '\n':
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for k := 0; k < 2 && i+1 < len(in) && in[i+1] >= '0' && in[i+1] <= '7'; k++ {
				i++
				v = v*8 + int(in[i]-'0')
			}
			out = append(out, byte(v))
		default: // \( \) \\ and any other character stand for themselves
			out = append(out, c)
		}
	}
	return out
}

// text returns the string as text: UTF-16BE when it starts with a byte
// order mark, else its bytes (ASCII as magz and fpdf write them).
func (s str) text() string {
	b := s.bytes()
	if len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	return string(b)
}

// ref is an indirect reference "n g R".
type ref struct{ num, gen int }

// keyword is a bare word: true, false or null among values.
type keyword string

// array is a PDF array.
type array []value

// dict is a PDF dictionary, its entries in the order written so that a
// dictionary read and written back is the same.
type dict struct{ entries []entry }

type entry struct {
	key name
	val value
}

// get returns the value of key, or nil (also from a nil dictionary, so
// that d.dict("A").get("URI") needs no check between).
func (d *dict) get(key name) value {
	if d == nil {
		return nil
	}
	for _, e := range d.entries {
		if e.key == key {
			return e.val
		}
	}
	return nil
}

// set gives key a value: in its place when it is there, else at the end.
func (d *dict) set(key name, v value) {
	for i := range d.entries {
		if d.entries[i].key == key {
			d.entries[i].val = v
			return
		}
	}
	d.entries = append(d.entries, entry{key, v})
}

// del removes key.
func (d *dict) del(key name) {
	for i := range d.entries {
		if d.entries[i].key == key {
			d.entries = append(d.entries[:i], d.entries[i+1:]...)
			return
		}
	}
}

// ref returns the object number key refers to.
func (d *dict) ref(key name) (int, bool) {
	r, ok := d.get(key).(ref)
	return r.num, ok
}

// dict returns the dictionary held directly under key, or nil.
func (d *dict) dict(key name) *dict {
	v, _ := d.get(key).(*dict)
	return v
}

// array returns the array held directly under key, or nil.
func (d *dict) array(key name) array {
	v, _ := d.get(key).(array)
	return v
}

// int returns the integer under key.
func (d *dict) int(key name) (int, bool) {
	n, ok := d.get(key).(number)
	if !ok {
		return 0, false
	}
	return n.int()
}

// name returns the name under key, or "".
func (d *dict) name(key name) name {
	n, _ := d.get(key).(name)
	return n
}

// parser reads values from tokens.
type parser struct {
	scanner
	depth int
}

// maxDepth bounds the nesting of arrays and dictionaries: fpdf nests a
// few levels; a deeper file is not one of fpdf's.
const maxDepth = 64

// value reads one value.
func (p *parser) value() (value, error) {
	t, err := p.next()
	if err != nil {
		return nil, err
	}
	return p.valueFrom(t)
}

// valueFrom reads the value that starts with token t.
func (p *parser) valueFrom(t token) (value, error) {
	raw := p.data[t.start:t.end]
	switch t.kind {
	case tokNumber:
		// "n g R" is a reference
		save := p.pos
		if g, err := p.next(); err == nil && g.kind == tokNumber {
			if r, err := p.next(); err == nil && r.kind == tokKeyword && string(p.data[r.start:r.end]) == "R" {
				num, err1 := strconv.Atoi(string(raw))
				gen, err2 := strconv.Atoi(string(p.data[g.start:g.end]))
				if err1 != nil || err2 != nil || num < 0 || gen < 0 {
					return nil, &syntaxError{t.start, "bad reference"}
				}
				return ref{num, gen}, nil
			}
		}
		p.pos = save
		return number(raw), nil
	case tokName:
		return name(raw[1:]), nil
	case tokString, tokHex:
		return str(bytes.Clone(raw)), nil
	case tokKeyword:
		return keyword(raw), nil
	case tokArrayOpen:
		return p.array(t)
	case tokDictOpen:
		return p.dict(t)
	case tokEOF:
		return nil, &syntaxError{t.start, "end of data where a value was expected"}
	}
	return nil, &syntaxError{t.start, fmt.Sprintf("unexpected %q", raw)}
}

func (p *parser) array(open token) (array, error) {
	if p.depth++; p.depth > maxDepth {
		return nil, &syntaxError{open.start, "arrays and dictionaries nested too deep"}
	}
	defer func() { p.depth-- }()
	a := array{}
	for {
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		if t.kind == tokArrayClose {
			return a, nil
		}
		if t.kind == tokEOF {
			return nil, &syntaxError{open.start, "array without its ]"}
		}
		v, err := p.valueFrom(t)
		if err != nil {
			return nil, err
		}
		a = append(a, v)
	}
}

func (p *parser) dict(open token) (*dict, error) {
	if p.depth++; p.depth > maxDepth {
		return nil, &syntaxError{open.start, "arrays and dictionaries nested too deep"}
	}
	defer func() { p.depth-- }()
	d := &dict{}
	for {
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tokDictClose:
			return d, nil
		case tokEOF:
			return nil, &syntaxError{open.start, "dictionary without its >>"}
		case tokName:
		default:
			return nil, &syntaxError{t.start, "a dictionary key that is not a name"}
		}
		key := name(p.data[t.start+1 : t.end])
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		d.entries = append(d.entries, entry{key, v})
	}
}

// keyword reads the next token and requires it to be the keyword k.
func (p *parser) keyword(k string) error {
	t, err := p.next()
	if err != nil {
		return err
	}
	if t.kind != tokKeyword || string(p.data[t.start:t.end]) != k {
		return &syntaxError{t.start, fmt.Sprintf("%q where %s was expected", clip(p.data[t.start:t.end]), k)}
	}
	return nil
}

// integer reads the next token and requires a whole number.
func (p *parser) integer() (int, error) {
	t, err := p.next()
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(string(p.data[t.start:t.end]))
	if t.kind != tokNumber || err != nil {
		return 0, &syntaxError{t.start, fmt.Sprintf("%q where a whole number was expected", clip(p.data[t.start:t.end]))}
	}
	return n, nil
}

func clip(b []byte) []byte {
	if len(b) > 20 {
		return b[:20]
	}
	return b
}

// parseValue reads the single value in b.
func parseValue(b []byte) (value, error) {
	p := &parser{scanner: scanner{data: b}}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	if t, err := p.next(); err != nil || t.kind != tokEOF {
		return nil, &syntaxError{p.pos, "more after the value"}
	}
	return v, nil
}

// appendValue writes v in PDF syntax.
func appendValue(b []byte, v value) []byte {
	switch v := v.(type) {
	case name:
		return append(append(b, '/'), v...)
	case number:
		return append(b, v...)
	case str:
		return append(b, v...)
	case keyword:
		return append(b, v...)
	case ref:
		return fmt.Appendf(b, "%d %d R", v.num, v.gen)
	case array:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendValue(b, e)
		}
		return append(b, ']')
	case *dict:
		return v.appendTo(b, " ")
	}
	panic(fmt.Sprintf("pdf: not a value: %T", v)) // a bug in magz, not in an input
}

// appendTo writes the dictionary with sep between its entries.
func (d *dict) appendTo(b []byte, sep string) []byte {
	b = append(b, "<<"...)
	for i, e := range d.entries {
		if i > 0 {
			b = append(b, sep...)
		}
		b = appendValue(b, e.key)
		b = append(b, ' ')
		b = appendValue(b, e.val)
	}
	return append(b, ">>"...)
}

// bytes writes the dictionary as the body of an object: an entry a line,
// as fpdf writes its own.
func (d *dict) bytes() []byte { return d.appendTo(nil, "\n") }
