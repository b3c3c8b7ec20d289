package reader

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/testissue"
)

var update = flag.Bool("update", false, "rewrite the want sections of golden files")

// TestGolden reads each testdata/*.txtar as an issue folder and compares the
// document model dump and the diagnostics with its "want" section.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var want []byte
			in := &txtar.Archive{}
			for _, f := range a.Files {
				if f.Name == "want" {
					want = f.Data
					continue
				}
				in.Files = append(in.Files, f)
			}
			dir := filepath.Join(t.TempDir(), "issue")
			if err := testissue.Write(dir, in); err != nil {
				t.Fatal(err)
			}
			got := readDump(dir)
			if *update {
				for i := range a.Files {
					if a.Files[i].Name == "want" {
						a.Files[i].Data = got
					}
				}
				if want == nil {
					a.Files = append(a.Files, txtar.File{Name: "want", Data: got})
				}
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Errorf("dump differs (run go test ./internal/reader -update to accept)\n--- got\n%s\n--- want\n%s", got, want)
			}
		})
	}
}

// readDump reads the issue at dir and returns its dump and diagnostics,
// with paths relative to the issue folder.
func readDump(dir string) []byte {
	var buf bytes.Buffer
	diags := &diag.List{}
	iss := Read(dir, diags)
	for _, d := range diags.All() {
		d.Pos.Path = rel(dir, d.Pos.Path)
		buf.WriteString(d.String() + "\n")
	}
	if iss != nil && !diags.HasErrors() {
		doc.Dump(&buf, iss)
	}
	return buf.Bytes()
}

func rel(dir, p string) string {
	if r, err := filepath.Rel(dir, p); err == nil {
		return filepath.ToSlash(r)
	}
	return p
}

func TestSymlinkOutside(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "secret.jpg")
	data, _ := testissue.Synth("jpeg 40x30")
	os.WriteFile(outside, data, 0o644)
	dir := filepath.Join(root, "issue")
	err := testissue.Write(dir, txtar.Parse([]byte(`-- issue.yaml --
magazine: M
number: 1
date: 2026-01-01
-- articles/a.md --
---
title: A
---
![x](link.jpg)
`)))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "articles", "link.jpg")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	got := string(readDump(dir))
	want := `articles/a.md:4:1: image "link.jpg" points outside the issue folder (through a symbolic link); copy the file into the folder`
	if !strings.Contains(got, want) {
		t.Errorf("got %q, want it to contain %q", got, want)
	}
}

func TestUnreadableArticle(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read any file")
	}
	dir := filepath.Join(t.TempDir(), "issue")
	testissue.Write(dir, txtar.Parse([]byte("-- issue.yaml --\nmagazine: M\nnumber: 1\ndate: 2026-01-01\n-- articles/a.md --\n# A\n")))
	os.Chmod(filepath.Join(dir, "articles", "a.md"), 0)
	got := string(readDump(dir))
	if !strings.Contains(got, "articles/a.md: cannot read article: permission denied") {
		t.Errorf("got %q", got)
	}
}

func TestResolve(t *testing.T) {
	root := t.TempDir()
	issues := filepath.Join(root, "issues")
	testissue.Write(filepath.Join(issues, "issue-1"), txtar.Parse([]byte("-- issue.yaml --\nmagazine: M\n")))
	testissue.Write(filepath.Join(issues, "issue-2"), txtar.Parse([]byte("-- issue.yaml --\nmagazine: M\n")))
	os.MkdirAll(filepath.Join(issues, "drafts"), 0o755)
	if d, err := Resolve("issue-2", issues); err != nil || filepath.Base(d) != "issue-2" {
		t.Errorf("Resolve(issue-2) = %q, %v", d, err)
	}
	if d, err := Resolve(filepath.Join(issues, "issue-1"), issues); err != nil || filepath.Base(d) != "issue-1" {
		t.Errorf("Resolve(path) = %q, %v", d, err)
	}
	_, err := Resolve("issue-9", issues)
	if err == nil || !strings.Contains(err.Error(), `issue "issue-9" not found`) || !strings.Contains(err.Error(), "issue-1, issue-2") {
		t.Errorf("Resolve(issue-9) error = %v", err)
	}
	_, err = Resolve(filepath.Join(issues, "drafts"), issues)
	if err == nil || !strings.Contains(err.Error(), "missing issue.yaml") {
		t.Errorf("Resolve(drafts) error = %v", err)
	}
}

func TestBrokenSymlinkArticle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "issue")
	testissue.Write(dir, txtar.Parse([]byte("-- issue.yaml --\nmagazine: M\nnumber: 1\ndate: 2026-01-01\n-- articles/a.md --\n# A\n")))
	if err := os.Symlink(filepath.Join(dir, "gone.md"), filepath.Join(dir, "articles", "b.md")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	got := string(readDump(dir))
	if !strings.Contains(got, "articles/b.md: cannot read article: no such file or directory") {
		t.Errorf("got %q", got)
	}
}
