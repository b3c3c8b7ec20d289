package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Every file of the site is written whole or not at all: into a
// temporary file beside it, then renamed over it. A run that is killed
// leaves the old file or the new one, never half of one, and at most a
// temporary file that the next run removes (tidy).

// tmpMark is in the name of every temporary file the site writes.
const tmpMark = ".tmp-"

// writeFile writes data to path atomically, making its folder; a file
// that already holds data is left alone (and keeps its time).
func writeFile(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return writeWith(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeWith writes a file atomically through write.
func writeWith(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+tmpMark+"*")
	if err != nil {
		return err
	}
	werr := write(f)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

// tidy removes the temporary files a killed run left in the site (those
// older than a minute: another run may be writing the young ones).
func tidy(root string) {
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasPrefix(d.Name(), ".") || !strings.Contains(d.Name(), tmpMark) {
			return nil
		}
		if info, err := d.Info(); err == nil && time.Since(info.ModTime()) > time.Minute {
			os.Remove(p)
		}
		return nil
	})
}

// copyFile copies src to dst atomically, unless dst is the same already,
// and returns its size and SHA-256.
func copyFile(src, dst string) (int64, string, error) {
	n, sum, err := sumOf(src)
	if err != nil {
		return 0, "", err
	}
	if m, old, err := sumOf(dst); err == nil && m == n && old == sum {
		return n, sum, nil // unchanged: not written again
	}
	in, err := os.Open(src)
	if err != nil {
		return 0, "", err
	}
	defer in.Close()
	err = writeWith(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
	return n, sum, err
}

func sumOf(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return n, hex.EncodeToString(h.Sum(nil)), err
}

// stamps records what each made file of a folder was made from (its
// key), so that a picture whose inputs did not change is not made again.
// The stamps of files about to be remade are dropped (and saved) before
// the files are written, and the new ones saved after: whatever moment a
// run is killed at, no stamp claims a file it did not finish.
type stamps struct {
	path string
	keys map[string]string // file name (from the folder) → key
}

const stampsName = ".made.json"

func readStamps(dir string) *stamps {
	s := &stamps{path: filepath.Join(dir, stampsName), keys: map[string]string{}}
	if data, err := os.ReadFile(s.path); err == nil {
		json.Unmarshal(data, &s.keys)
	}
	return s
}

// current tells whether name exists and was made from key.
func (s *stamps) current(name, key string) bool {
	if s.keys[name] != key {
		return false
	}
	_, err := os.Stat(filepath.Join(filepath.Dir(s.path), filepath.FromSlash(name)))
	return err == nil
}

func (s *stamps) save() error {
	data, err := json.MarshalIndent(s.keys, "", " ")
	if err != nil {
		return err
	}
	return writeFile(s.path, append(data, '\n'))
}
