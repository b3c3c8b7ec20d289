package main

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestRelease makes the archive for this machine, unpacks it and runs the
// program in it: it says the version it was stamped with.
func TestRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("builds magz")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the test unpacks a tar archive")
	}
	wd, _ := os.Getwd()
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	out := t.TempDir()
	target := runtime.GOOS + "/" + runtime.GOARCH
	if err := run("v9.9.9-test", out, []string{target}); err != nil {
		t.Fatal(err)
	}
	name := "magz-9.9.9-test-" + runtime.GOOS + "-" + runtime.GOARCH
	f, err := os.Open(filepath.Join(out, name+".tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var names []string
	bin := filepath.Join(t.TempDir(), "magz")
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if h.Name == name+"/magz" {
			b, _ := io.ReadAll(tr)
			if err := os.WriteFile(bin, b, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, want := range []string{name + "/magz", name + "/README.md", name + "/LICENSE-Lato.txt"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("archive lacks %s: %v", want, names)
		}
	}
	v, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(v), "magz v9.9.9-test\n") {
		t.Errorf("magz version says %q", v)
	}
	if sums, _ := os.ReadFile(filepath.Join(out, "SHA256SUMS")); !strings.Contains(string(sums), name+".tar.gz") {
		t.Errorf("SHA256SUMS: %s", sums)
	}
}
