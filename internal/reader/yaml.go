package reader

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"magz/internal/diag"
	"magz/internal/msg"
)

// yamlError is what goccy/go-yaml's errors offer: a message and the token
// where the problem is.
type yamlError interface {
	GetMessage() string
	GetToken() *token.Token
}

// maxRepairs bounds how many mistakes of one file are repaired to read
// on (each repair is reported).
const maxRepairs = 50

// readYAML decodes data into v and reports every problem of the file at
// once, at its line and column, with the fix: syntax mistakes editors
// make (a colon inside a value, a key written twice) are reported and
// repaired in a copy so that reading goes on; then every key is checked
// against v's keys (unknown ones with a did-you-mean) and every value is
// decoded on its own, so that one wrong value does not hide the next;
// values YAML silently cuts at a # are reported too. firstLine is the
// line of the file on which data starts, so that messages point into the
// file the editor has open. It returns where each key is, whether the
// file could be read at all, and whether it was read without problems.
func readYAML(data []byte, path string, firstLine int, v any, diags *diag.List) (keys places, read, clean bool) {
	y := &yamlFile{path: path, first: firstLine, diags: diags}
	keys = places{path: path, first: firstLine, at: map[string]diag.Pos{}}
	if len(bytes.TrimSpace(data)) == 0 {
		return keys, true, true
	}
	f, src := y.parse(data)
	if f == nil {
		return keys, false, false
	}
	keys = placesOf(f, path, firstLine)
	y.commentTraps(src)
	for _, d := range f.Docs {
		if d.Body != nil {
			y.into(d.Body, reflect.ValueOf(v).Elem(), "")
		}
	}
	return keys, true, !y.failed
}

// yamlFile is one YAML text being read.
type yamlFile struct {
	path   string
	first  int
	diags  *diag.List
	failed bool // an error was reported
}

func (y *yamlFile) pos(tk *token.Token) diag.Pos {
	if tk == nil || tk.Position == nil {
		return diag.Pos{Path: y.path, Line: y.first}
	}
	return diag.Pos{Path: y.path, Line: y.first + tk.Position.Line - 1, Col: tk.Position.Column}
}

func (y *yamlFile) Errorf(pos diag.Pos, format string, args ...any) {
	y.failed = true
	y.diags.Errorf(pos, format, args...)
}

// parse parses data, repairing the mistakes it knows (and reporting
// them) until the text parses; it returns the parsed file and the text
// as repaired, or nil when a mistake it cannot repair stops it.
func (y *yamlFile) parse(data []byte) (f *ast.File, src []byte) {
	src = bytes.Clone(data)
	repaired := map[int]bool{} // a line is repaired once: a repair must make progress
	for range maxRepairs {
		var err error
		var crashed bool
		f, crashed, err = parseYAML(src)
		if err == nil {
			return f, src
		}
		pos := diag.Pos{Path: y.path, Line: y.first}
		detail := err.Error()
		var ye yamlError
		if errors.As(err, &ye) {
			detail = ye.GetMessage()
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				pos = y.pos(tk)
			}
		}
		line := pos.Line - y.first + 1
		if !repaired[line] {
			if fixed, ok := y.repair(src, detail, line, pos); ok {
				repaired[line] = true
				src = fixed
				continue
			}
		}
		if crashed {
			y.Errorf(pos, "invalid YAML: the settings cannot be read (check indentation, colons and quotes)")
			return nil, src
		}
		y.Errorf(pos, "%s", friendlyYAML(detail))
		return nil, src
	}
	return nil, src
}

// parseYAML parses src; the YAML library has crashed on some malformed
// input (found by fuzzing), which is a file it cannot read.
func parseYAML(src []byte) (f *ast.File, crashed bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, crashed, err = nil, true, fmt.Errorf("%v", r)
		}
	}()
	f, err = parser.ParseBytes(src, parser.ParseComments)
	return f, false, err
}

var (
	alreadyDefined = regexp.MustCompile(`mapping key "(.*)" already defined at \[(\d+):(\d+)\]`)
	// keyValue is a line "key: value" (in a list, "- key: value")
	keyValue = regexp.MustCompile(`^(\s*(?:-\s+)?)([^\s:#"'][^:#]*?):\s+(.*\S)\s*$`)
)

// repair reports a mistake the parser met on line (1-based in src) and
// returns src with it repaired, when it is one editors make and the
// intent is plain.
func (y *yamlFile) repair(src []byte, detail string, line int, pos diag.Pos) ([]byte, bool) {
	lines := bytes.Split(src, []byte("\n"))
	if line < 1 || line > len(lines) {
		return nil, false
	}
	switch {
	case strings.Contains(detail, "mapping value is not allowed in this context"):
		// title: Wawancara: Guru di Pulau
		m := keyValue.FindSubmatch(bytes.TrimRight(lines[line-1], "\r"))
		if m == nil || strings.ContainsRune(`"'&*[{|>!%@`+"`", rune(m[3][0])) {
			return nil, false // not a plain value
		}
		key, value := string(m[2]), string(m[3])
		quoted := yamlQuote(value)
		y.Errorf(diag.Pos{Path: y.path, Line: pos.Line, Col: len(m[1]) + len(m[2]) + 3},
			"the value of %s has a colon followed by a space, which YAML reads as a new key: put the value in quotes: %s: %s", key, key, quoted)
		lines[line-1] = []byte(string(m[1]) + key + ": " + quoted)
	case alreadyDefined.MatchString(detail):
		m := alreadyDefined.FindStringSubmatch(detail)
		first, _ := strconv.Atoi(m[2])
		y.Errorf(pos, "key %q is written twice (also on line %d): keep one of them", m[1], y.first+first-1)
		// the second one goes, with the lines indented below it
		indent := leadingSpace(lines[line-1])
		lines[line-1] = nil
		for i := line; i < len(lines) && (len(bytes.TrimSpace(lines[i])) == 0 || leadingSpace(lines[i]) > indent); i++ {
			lines[i] = nil
		}
	default:
		return nil, false
	}
	return bytes.Join(lines, []byte("\n")), true
}

func leadingSpace(b []byte) int { return len(b) - len(bytes.TrimLeft(b, " ")) }

// yamlQuote writes s as a double-quoted YAML string.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// commentTraps reports values YAML cuts at a #: after "key:" or a
// value, a # begins a comment, so "deep: #1b5e20" has no value at all
// and "title: Edisi #5" is only "Edisi". A # followed by a space is
// taken for a comment meant as one.
func (y *yamlFile) commentTraps(src []byte) {
	tks := lexer.Tokenize(string(src))
	for i, tk := range tks {
		if tk.Type != token.CommentType || i == 0 || tk.Position == nil || strings.HasPrefix(tk.Value, " ") || tk.Value == "" {
			continue
		}
		prev := tks[i-1]
		if prev.Position == nil || prev.Position.Line != tk.Position.Line {
			continue // a comment on a line of its own
		}
		comment := "#" + strings.TrimRight(tk.Value, " ")
		if prev.Type == token.MappingValueType && i >= 2 {
			key := tks[i-2].Value
			y.Errorf(y.pos(tk), "%s has no value: YAML reads %q as a comment; put it in quotes: %s: %s", key, comment, key, yamlQuote(comment))
			continue
		}
		if i >= 3 && tks[i-2].Type == token.MappingValueType && (prev.Type == token.StringType || prev.Type == token.IntegerType || prev.Type == token.FloatType) {
			key := tks[i-3].Value
			whole := prev.Value + " " + comment
			y.diags.Warnf(y.pos(tk), "YAML reads %q as a comment and leaves it out of %s; if it belongs to the value, put the value in quotes: %s: %s", comment, key, key, yamlQuote(whole))
		}
	}
}

// into decodes node into rv, key by key where rv is a struct (the
// settings and their sections), reporting every problem.
func (y *yamlFile) into(node ast.Node, rv reflect.Value, key string) {
	if _, ok := node.(*ast.NullNode); ok {
		return // "key:" with nothing: the default
	}
	st := rv.Type()
	for st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	switch {
	case st.Kind() == reflect.Struct:
		y.mapping(node, rv, key)
		return
	case st.Kind() == reflect.Slice && elemStruct(st):
		seq, ok := node.(*ast.SequenceNode)
		if !ok {
			y.Errorf(y.pos(node.GetToken()), "%s must be a list (lines starting with -), not %s", key, valueKind(node))
			return
		}
		list := reflect.MakeSlice(st, len(seq.Values), len(seq.Values))
		for i, n := range seq.Values {
			y.into(n, list.Index(i), key+"."+strconv.Itoa(i))
		}
		set(rv, list)
		return
	}
	// decoded into the value itself: the library leaves a pointer to a
	// pointer nil
	target := reflect.New(st)
	if err := nodeToValue(node, target.Interface()); err != nil {
		y.Errorf(y.pos(node.GetToken()), "%s must be %s, not %s", lastKey(key), msg.T(kindOf(st)), msg.T(valueKind(node)))
		return
	}
	set(rv, target.Elem())
}

// nodeToValue decodes one value; the library has crashed on some
// malformed input (found by fuzzing), which is a value it cannot read.
func nodeToValue(node ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return yaml.NodeToValue(node, v)
}

// mapping decodes a mapping into the struct rv (or what it points to).
func (y *yamlFile) mapping(node ast.Node, rv reflect.Value, key string) {
	var values []*ast.MappingValueNode
	switch n := node.(type) {
	case *ast.MappingNode:
		values = n.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{n}
	default:
		what := key
		if what == "" {
			what = msg.T("the file")
		}
		y.Errorf(y.pos(node.GetToken()), "%s must be keys with values (key: value), not %s", what, msg.T(valueKind(node)))
		return
	}
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			rv.Set(reflect.New(rv.Type().Elem()))
		}
		rv = rv.Elem()
	}
	fields := map[string]int{}
	var names []string
	for i := range rv.NumField() {
		if name, _, _ := strings.Cut(rv.Type().Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			fields[name] = i
			names = append(names, name)
		}
	}
	for _, mv := range values {
		name := mv.Key.GetToken().Value
		i, ok := fields[name]
		if !ok {
			y.Errorf(y.pos(mv.Key.GetToken()), "%s", unknownKey(name, names))
			continue
		}
		sub := name
		if key != "" {
			sub = key + "." + name
		}
		y.into(mv.Value, rv.Field(i), sub)
	}
}

// unknownKey says a key is not one of names, with the nearest, or the
// key an editor writing in Indonesian meant.
func unknownKey(name string, names []string) string {
	near := diag.Closest(strings.TrimPrefix(name, "\ufeff"), names)
	if en, ok := indonesianKeys[strings.ToLower(name)]; ok && slices.Contains(names, en) {
		near = en
	}
	if near != "" {
		return msg.Sprintf("unknown key %q; did you mean %q?", name, near)
	}
	return msg.Sprintf("unknown key %q; the keys are %s (see the format in README.md)", name, strings.Join(names, ", "))
}

// indonesianKeys are the keys editors write in Indonesian, and the keys
// magz knows them by.
var indonesianKeys = map[string]string{
	"majalah": "magazine", "judul": "title", "nomor": "number", "nomer": "number", "tanggal": "date",
	"bahasa": "language", "penerbit": "publisher", "sampul": "cover", "gambar": "image", "foto": "image",
	"artikel": "articles", "kolofon": "colophon", "tema": "theme", "pengisi": "fillers", "teks": "text",
	"subjudul": "subtitle", "anak_judul": "subtitle", "penulis": "author", "rubrik": "section", "bagian": "section",
	"keterangan": "caption", "kredit": "credit", "fokus": "focus", "kolom": "columns", "halaman": "pages",
	"warna": "colours", "colors": "colours", "color": "colours", "huruf": "typefaces", "kertas": "paper",
}

func elemStruct(t reflect.Type) bool {
	e := t.Elem()
	for e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	return e.Kind() == reflect.Struct
}

func set(rv, v reflect.Value) {
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			rv.Set(reflect.New(rv.Type().Elem()))
		}
		rv = rv.Elem()
	}
	rv.Set(v)
}

func lastKey(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		if _, err := strconv.Atoi(key[i+1:]); err != nil {
			return key[i+1:]
		}
	}
	return key
}

// kindOf names the kind of value a Go type takes, as editors know values.
func kindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return msg.N("text")
	case reflect.Int, reflect.Int64, reflect.Int32:
		return msg.N("a whole number")
	case reflect.Float64, reflect.Float32:
		return msg.N("a number")
	case reflect.Bool:
		return msg.N("true or false")
	case reflect.Slice:
		return msg.N("a list")
	case reflect.Map:
		return msg.N("keys with values")
	}
	return msg.N("text")
}

// valueKind names the kind of value a node holds.
func valueKind(n ast.Node) string {
	switch n.(type) {
	case *ast.StringNode, *ast.LiteralNode:
		return msg.N("text")
	case *ast.IntegerNode:
		return msg.N("a whole number")
	case *ast.FloatNode:
		return msg.N("a number")
	case *ast.BoolNode:
		return msg.N("true or false")
	case *ast.SequenceNode:
		return msg.N("a list")
	case *ast.MappingNode, *ast.MappingValueNode:
		return msg.N("keys with values")
	}
	return msg.N("text")
}

// friendlyYAML says a syntax error the parser met in words an editor
// can act on.
func friendlyYAML(detail string) string {
	if strings.Contains(detail, "'\t'") {
		return msg.T("a tab indents this line; YAML needs spaces: replace the tab with spaces")
	}
	return msg.Sprintf("invalid YAML: %s", detail)
}

// places knows where each key of a YAML text is, from the YAML parser's
// own token positions: "cover.image" for a nested key, "articles.2" for the
// third entry of a list. A key with a value is placed at the value, which
// is what messages are about.
type places struct {
	path  string
	first int // the file's line on which the YAML starts
	at    map[string]diag.Pos
}

func placesOf(f *ast.File, path string, firstLine int) places {
	p := places{path: path, first: firstLine, at: map[string]diag.Pos{}}
	var walk func(prefix string, n ast.Node)
	walk = func(prefix string, n ast.Node) {
		join := func(k string) string {
			if prefix == "" {
				return k
			}
			return prefix + "." + k
		}
		switch n := n.(type) {
		case *ast.MappingNode:
			for _, v := range n.Values {
				walk(prefix, v)
			}
		case *ast.MappingValueNode:
			key := join(n.Key.GetToken().Value)
			switch n.Value.(type) {
			case *ast.MappingNode, *ast.SequenceNode, *ast.NullNode:
				p.add(key, n.Key.GetToken())
			default: // a value: messages are about it
				p.add(key, n.Value.GetToken())
			}
			walk(key, n.Value)
		case *ast.SequenceNode:
			for i, v := range n.Values {
				key := join(strconv.Itoa(i))
				p.add(key, v.GetToken())
				walk(key, v)
			}
		}
	}
	for _, d := range f.Docs {
		walk("", d.Body)
	}
	return p
}

func (p places) add(key string, tk *token.Token) {
	if tk == nil || tk.Position == nil {
		return
	}
	if _, seen := p.at[key]; !seen { // a repeated key is reported by the decoder
		p.at[key] = diag.Pos{Path: p.path, Line: p.first + tk.Position.Line - 1, Col: tk.Position.Column}
	}
}

// has tells whether key is written (with a value or not).
func (p places) has(key string) bool {
	_, ok := p.at[key]
	return ok
}

// pos returns where key is; a key not written (a required one missing) is
// placed on the nearest written parent, or the first line.
func (p places) pos(key string) diag.Pos {
	for {
		if at, ok := p.at[key]; ok {
			return at
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return diag.Pos{Path: p.path, Line: p.first}
		}
		key = key[:i]
	}
}
