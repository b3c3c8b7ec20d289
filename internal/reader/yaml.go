package reader

import (
	"bytes"
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
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

// decodeYAML decodes data strictly into v (unknown keys are errors).
// firstLine is the line of the file on which data starts, so that messages
// point into the file the editor has open.
func decodeYAML(data []byte, path string, firstLine int, v any, diags *diag.List) (ok bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		return true
	}
	defer func() {
		// The YAML library has crashed on some malformed input (found by
		// fuzzing): report it as what it is, a file it cannot read.
		if r := recover(); r != nil {
			diags.Errorf(diag.Pos{Path: path, Line: firstLine}, "invalid YAML: the settings cannot be read (check indentation, colons and quotes)")
			ok = false
		}
	}()
	err := yaml.UnmarshalWithOptions(data, v, yaml.DisallowUnknownField())
	if err == nil {
		return true
	}
	pos := diag.Pos{Path: path, Line: firstLine}
	detail := err.Error()
	var ye yamlError
	if errors.As(err, &ye) {
		detail = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			pos.Line = firstLine + tk.Position.Line - 1
			pos.Col = tk.Position.Column
		}
	}
	diags.Errorf(pos, "%s", friendlyYAML(detail, yamlKeys(v, true), yamlKeys(v, false)))
	return false
}

var unknownField = regexp.MustCompile(`unknown field "([^"]+)"`)

func friendlyYAML(detail string, all, top []string) string {
	if m := unknownField.FindStringSubmatch(detail); m != nil {
		if near := diag.Closest(strings.TrimPrefix(m[1], "\ufeff"), all); near != "" {
			return msg.Sprintf("unknown key %q; did you mean %q?", m[1], near)
		}
		return msg.Sprintf("unknown key %q; the keys are %s (see the format in README.md)", m[1], strings.Join(top, ", "))
	}
	if strings.Contains(detail, "cannot unmarshal") {
		if m := wrongType.FindStringSubmatch(detail); m != nil {
			return msg.Sprintf("%s must be %s, not %s", strings.ToLower(m[2]), msg.T(kinds[m[3]]), msg.T(kinds[m[1]]))
		}
		return msg.Sprintf("wrong kind of value: %s", detail)
	}
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

func yamlPlaces(data []byte, path string, firstLine int) places {
	p := places{path: path, first: firstLine, at: map[string]diag.Pos{}}
	defer func() { _ = recover() }() // unreadable YAML was reported by decodeYAML; positions fall back
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return p
	}
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

var wrongType = regexp.MustCompile(`cannot unmarshal (\w+) into Go struct field \w+\.(\w+) of type (\w+)`)

// kinds names Go's types as an editor knows values.
var kinds = map[string]string{"string": msg.N("text"), "int": msg.N("a whole number"), "float64": msg.N("a number"), "bool": msg.N("true or false")}

// yamlKeys lists the keys a settings struct takes, from its yaml tags, with
// those of the structs nested in it when nested.
func yamlKeys(v any, nested bool) []string {
	var keys []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name != "" && name != "-" {
				keys = append(keys, name)
			}
			if nested {
				walk(f.Type)
			}
		}
	}
	walk(reflect.TypeOf(v))
	return keys
}

// decodeLenient decodes data again, skipping unknown keys and values of
// the wrong kind, after decodeYAML reported them: reading then goes on, so
// that every problem of every file is reported at once. It reports false
// when the YAML cannot be read at all.
func decodeLenient(data []byte, v any) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return yaml.Unmarshal(data, v) == nil
}
