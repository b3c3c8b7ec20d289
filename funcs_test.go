package magz_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// maxLines is the longest a function may be, from its func line to its
// closing brace: one that needs more does more than one thing, and is
// split into functions named for those things.
const maxLines = 150

// TestFunctionsShort: no function in magz (tests included, function
// literals too) is longer than maxLines.
func TestFunctionsShort(t *testing.T) {
	var long []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// testdata, and folders Go ignores (.bench, .git, _old)
			if path != "." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		found, err := longFunctions(path, nil, maxLines)
		long = append(long, found...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range long {
		t.Errorf("%s: split it into functions of at most %d lines", f, maxLines)
	}
}

// longFunctions lists the functions of a Go file (read from src, or
// from path when src is nil) longer than limit lines, as
// "path:line: name is N lines".
func longFunctions(path string, src any, limit int) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var long []string
	ast.Inspect(f, func(n ast.Node) bool {
		var name string
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			name, body = n.Name.Name, n.Body
			if n.Recv != nil && len(n.Recv.List) == 1 {
				name = recvName(n.Recv.List[0].Type) + "." + name
			}
		case *ast.FuncLit:
			name, body = "a function literal", n.Body
		}
		if body == nil {
			return true
		}
		start := fset.Position(n.Pos())
		if lines := fset.Position(body.End()).Line - start.Line + 1; lines > limit {
			long = append(long, fmt.Sprintf("%s:%d: %s is %d lines", filepath.ToSlash(path), start.Line, name, lines))
		}
		return true
	})
	return long, nil
}

// recvName names a method's receiver type: (*composer) → composer.
func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr: // a generic type
		return recvName(e.X)
	case *ast.IndexListExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}

// TestLongFunctionsFound: the check finds a function, a method and a
// function literal one line over the limit, and passes one at it.
func TestLongFunctionsFound(t *testing.T) {
	body := func(n int) string { return strings.Repeat("\tx++\n", n-2) }
	src := "package p\n\n" +
		"func atLimit() {\n" + body(10) + "}\n\n" +
		"func over() {\n" + body(11) + "}\n\n" +
		"type T struct{}\n\nfunc (t *T) over() {\n" + body(11) + "}\n\n" +
		"var f = func() {\n" + body(11) + "}\n"
	got, err := longFunctions("p.go", src, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"p.go:14: over is 11 lines", "p.go:28: T.over is 11 lines", "p.go:40: a function literal is 11 lines"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
