package pipeline

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyTree copies the folder src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNoAbsolutePaths builds a magazine with typefaces of its own and a
// warning to remember, and finds the folder it was built in nowhere in
// what the build wrote: not in the hand-off sheet (which names the
// typefaces), the editions (the EPUB's files read one by one) or the
// build record beside them.
func TestNoAbsolutePaths(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "docs", "examples", "suara-teluk"), root)
	dir := filepath.Join(root, "issues", "issue-1")
	art := filepath.Join(dir, "articles", "02-dermaga.md")
	data, err := os.ReadFile(art)
	if err != nil {
		t.Fatal(err)
	}
	// a photo without alt text: a warning the build record keeps
	os.WriteFile(art, append(data, "\n![](../images/dermaga.jpg)\n"...), 0o644)
	out := filepath.Join(root, "dist")
	res, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out, Version: "test", CacheDir: photoCache(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) == 0 {
		t.Fatal("no warning for the build record to keep")
	}
	sheet, err := os.ReadFile(res.Handoff)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sheet), "DejaVuSerifCondensed-Bold") {
		t.Errorf("the hand-off sheet does not name the magazine's own typeface:\n%s", sheet)
	}
	// the folder as the build saw it, and as symbolic links may resolve it
	roots := []string{root}
	if real, err := filepath.EvalSymlinks(root); err == nil && real != root {
		roots = append(roots, real)
	}
	check := func(name string, data []byte) {
		for _, r := range roots {
			if bytes.Contains(data, []byte(r)) {
				t.Errorf("%s carries the absolute path %s", name, r)
			}
		}
	}
	files := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		check(p, data)
		if strings.HasSuffix(p, ".epub") {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				check(p+":"+f.Name, b)
			}
		}
		return nil
	})
	if files < 5 { // print, screen, EPUB, hand-off sheet, build record
		t.Errorf("only %d files written", files)
	}
	// the build record's warnings come back where they were
	again, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out, Version: "test", CacheDir: photoCache(t)})
	if err != nil {
		t.Fatal(err)
	}
	if !again.UpToDate || len(again.Warnings) == 0 || again.Warnings[0].Pos.Path != res.Warnings[0].Pos.Path {
		t.Errorf("up to date %v, warnings %v, want %v", again.UpToDate, again.Warnings, res.Warnings)
	}
}
