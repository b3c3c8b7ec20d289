// Command magz-release makes the release archives of magz for the
// desktops editors use (Linux, macOS and Windows, on Intel and ARM), for
// people who do not have Go: one archive per system with the magz
// program, the README and the licences, and SHA256SUMS.
//
//	go run ./cmd/magz-release                  # version from git describe
//	go run ./cmd/magz-release -version v1.0.0 -out release
//
// The version, the commit and the commit's date are stamped into the
// program ("magz version" prints them). Archives of the same commit are
// the same bytes: file times are the commit's, and the build is -trimpath.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// targets are the systems released for.
var targets = []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64"}

// extras go into every archive beside the program.
var extras = []string{"README.md", "fonts/LICENSE-Caladea.txt", "fonts/LICENSE-Lato.txt", "fonts/LICENSE-DejaVu.txt", "assets/icc/LICENSE"}

func main() {
	version := flag.String("version", "", "version to stamp (default: git describe)")
	out := flag.String("out", "release", "folder for the archives")
	only := flag.String("targets", strings.Join(targets, ","), "comma list of GOOS/GOARCH")
	flag.Parse()
	if err := run(*version, *out, strings.Split(*only, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "magz-release:", err)
		os.Exit(1)
	}
}

func git(args ...string) string {
	b, err := exec.Command("git", args...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

func run(version, out string, only []string) error {
	if version == "" {
		version = git("describe", "--tags", "--always", "--dirty")
	}
	if version == "" {
		version = "dev"
	}
	commit := git("rev-parse", "--short=12", "HEAD")
	when := time.Now().UTC()
	if t, err := time.Parse(time.RFC3339, git("log", "-1", "--format=%cI")); err == nil {
		when = t.UTC()
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var sums strings.Builder
	for _, t := range only {
		goos, goarch, ok := strings.Cut(t, "/")
		if !ok {
			return fmt.Errorf("target %q is not GOOS/GOARCH", t)
		}
		exe := "magz"
		if goos == "windows" {
			exe += ".exe"
		}
		tmp, err := os.MkdirTemp("", "magz-release-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		ldflags := fmt.Sprintf("-s -w -X main.version=%s -X main.commit=%s -X main.date=%s", version, commit, when.Format("2006-01-02"))
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", filepath.Join(tmp, exe), "./cmd/magz")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building for %s: %w", t, err)
		}
		files := map[string]string{exe: filepath.Join(tmp, exe)}
		for _, e := range extras {
			files[filepath.Base(e)] = e
		}
		order := append([]string{exe}, baseNames(extras)...)
		base := fmt.Sprintf("magz-%s-%s-%s", strings.TrimPrefix(version, "v"), goos, goarch)
		var data []byte
		name := base + ".tar.gz"
		if goos == "windows" {
			name = base + ".zip"
			data, err = zipOf(base, order, files, when)
		} else {
			data, err = tarOf(base, order, files, when)
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(data), name)
		fmt.Println(filepath.Join(out, name))
	}
	return os.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(sums.String()), 0o644)
}

func baseNames(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return out
}

func mode(name string) int64 {
	if name == "magz" || name == "magz.exe" {
		return 0o755
	}
	return 0o644
}

func tarOf(dir string, order []string, files map[string]string, when time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	tw := tar.NewWriter(gz)
	for _, n := range order {
		b, err := os.ReadFile(files[n])
		if err != nil {
			return nil, err
		}
		h := &tar.Header{Name: dir + "/" + n, Mode: mode(n), Size: int64(len(b)), ModTime: when, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(b); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func zipOf(dir string, order []string, files map[string]string, when time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range order {
		f, err := os.Open(files[n])
		if err != nil {
			return nil, err
		}
		h := &zip.FileHeader{Name: dir + "/" + n, Method: zip.Deflate, Modified: when}
		h.SetMode(os.FileMode(mode(n)))
		w, err := zw.CreateHeader(h)
		if err == nil {
			_, err = io.Copy(w, f)
		}
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
