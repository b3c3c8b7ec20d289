package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// notMessages are the parts of magz whose texts are not messages to
// editors: developer tools (the profile recipe's capink too), test fixtures and dumps, the PDF finisher's,
// the JPEG codec's and the ICC reader's internal errors (a bug report, or
// the detail of a damaged profile, in English), and
// what the build writes: the EPUB's markup, the previews' file names and
// the printer's hand-off sheet, the same whatever the editor's locale
// (the editions speak the language, from internal/locale).
var notMessages = []string{
	"cmd/magz-bench/", "cmd/magz-release/", "assets/icc/capink.go", "internal/synth/", "internal/validate/",
	"internal/testissue/", "internal/doc/dump.go", "layout/page/page.go", "layout/pdf/",
	"internal/jpeg/", "internal/icc/", "internal/epub/", "layout/preview/", "internal/pipeline/handoff.go", "internal/msg/",
}

// translators are the calls that take a message, and which argument it is.
func messageArg(call *ast.CallExpr) (int, bool) {
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		switch fun.Name {
		case "fail": // cmd/magz: an error with an exit status
			return 1, true
		case "logf": // the build's progress lines
			return 0, true
		}
	case *ast.SelectorExpr:
		if x, ok := fun.X.(*ast.Ident); ok && x.Name == "msg" {
			switch fun.Sel.Name {
			case "T", "N", "Sprintf", "Errorf", "New":
				return 0, true
			case "Fprintf", "Count":
				return 1, true
			}
			return 0, false
		}
		switch fun.Sel.Name {
		case "Errorf", "Warnf", "Warn": // diag.List and layout's Warn: (pos, format, ...)
			if len(call.Args) >= 2 && !isFmt(fun) {
				return 1, true
			}
		}
	}
	return 0, false
}

func isFmt(sel *ast.SelectorExpr) bool {
	x, ok := sel.X.(*ast.Ident)
	return ok && (x.Name == "fmt" || x.Name == "errors")
}

// literal evaluates a string literal, or a sum of them.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, ok1 := literal(e.X)
			b, ok2 := literal(e.Y)
			return a + b, ok1 && ok2
		}
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

var (
	verb  = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)
	words = regexp.MustCompile(`[A-Za-z]{3,}|\b[a-z]{2}\b`) // "in", "of" are words; "KB" is a unit
)

// verbs lists a format's %-verbs in order (%% aside).
func verbs(format string) []string {
	var out []string
	for _, v := range verb.FindAllString(format, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// hasWords tells whether a text says something in a language (magz's
// own name aside).
func hasWords(s string) bool {
	return words.MatchString(strings.ReplaceAll(verb.ReplaceAllString(s, ""), "magz", ""))
}

type use struct {
	text string
	at   string
}

// sourceTexts reads magz's Go source: the texts given to translators, and
// the texts with words formatted or shown without one.
func sourceTexts(t *testing.T) (messages, bare []use) {
	root := "../.."
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, root+"/"))
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			slices.ContainsFunc(notMessages, func(p string) bool { return strings.HasPrefix(rel, p) }) {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if i, ok := messageArg(n); ok && i < len(n.Args) {
					if s, ok := literal(n.Args[i]); ok {
						messages = append(messages, use{s, fset.Position(n.Args[i].Pos()).String()})
					}
					return true
				}
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && isFmt(sel) {
					for _, a := range n.Args {
						if s, ok := literal(a); ok && hasWords(s) {
							bare = append(bare, use{s, fset.Position(a.Pos()).String()})
						}
					}
				}
			case *ast.KeyValueExpr: // urfave/cli's help texts
				if k, ok := n.Key.(*ast.Ident); ok && (k.Name == "Usage" || k.Name == "Description" || k.Name == "ArgsUsage") {
					if s, ok := literal(n.Value); ok && hasWords(s) {
						bare = append(bare, use{s, fset.Position(n.Value.Pos()).String()})
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(messages) < 150 {
		t.Fatalf("found only %d messages in the source: is the walk looking in the right place?", len(messages))
	}
	return messages, bare
}

func TestEveryMessageTranslated(t *testing.T) {
	messages, bare := sourceTexts(t)
	for _, b := range bare {
		t.Errorf("%s: %q is shown to editors without msg (use msg.Sprintf, msg.Errorf, msg.T)", b.at, b.text)
	}
	used := map[string]bool{}
	for _, m := range messages {
		used[m.text] = true
		if !hasWords(m.text) {
			continue
		}
		id, ok := indonesianOf(m.text)
		if !ok {
			t.Errorf("%s: no Indonesian for %q", m.at, m.text)
			continue
		}
		if got, want := verbs(id), verbs(m.text); !slices.Equal(got, want) {
			t.Errorf("%s: the Indonesian of %q has verbs %v, want %v", m.at, m.text, got, want)
		}
	}
	seen := map[string]bool{}
	for _, c := range catalogues {
		for en := range c {
			if !used[en] {
				t.Errorf("catalogue entry %q is not used in the source any more", en)
			}
			if seen[en] {
				t.Errorf("catalogue entry %q is in two of the catalogue's files", en)
			}
			seen[en] = true
		}
	}
}

func TestParse(t *testing.T) {
	for locale, want := range map[string]Lang{
		"id_ID.UTF-8": Indonesian, "id": Indonesian, "id-ID": Indonesian, "in_ID": Indonesian,
		"en_US.UTF-8": English, "C": English, "C.UTF-8": English, "POSIX": English, "": English, "ind": English,
	} {
		if got := Parse(locale); got != want {
			t.Errorf("Parse(%q) = %s, want %s", locale, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	defer Use(Use(English))
	if got := Count(1, "article") + ", " + Count(3, "article"); got != "1 article, 3 articles" {
		t.Errorf("English: %q", got)
	}
	Use(Indonesian)
	if got := Count(1, "article") + ", " + Count(3, "article"); got != "1 artikel, 3 artikel" {
		t.Errorf("Indonesian: %q", got)
	}
}

// TestFallback: a text missing from the catalogue is shown in English,
// never as nothing.
func TestFallback(t *testing.T) {
	defer Use(Use(Indonesian))
	if got := Sprintf("no such message %d", 3); got != "no such message 3" {
		t.Errorf("got %q", got)
	}
}
