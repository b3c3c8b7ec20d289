package pipeline

// Shared fixtures: editions built once per test binary and read by every
// test that only looks at them. Building an issue takes seconds (most of
// it its photos) and validating an edition takes seconds more, so a test
// that only reads editions asks for them here instead of building its own:
//
//	ed := sampleEditions.get(t)              // issue-12: print, screen, EPUB, previews
//	validate.QPDFCheck(t, ed.file(Print))    // the validators answer once per file too
//	for _, a := range ed.res.Issue.Articles { … }
//
// The first test to ask builds the fixture; the others wait for it and
// read the same files. Such tests may call t.Parallel(). Never write into
// ed.dir or ed.src, nor change ed.res: other tests read them. A test that
// needs other options builds its own issue (writeIssue, Run) and may pass
// photoCache(t) as CacheDir so that photos other tests made are not made
// again (not where the test is about the cache or a cold build). A new
// fixture is one more variable, here or beside the tests that read it:
// an issue folder (dir), a txtar archive (archive) or a function that
// writes the issue (write, e.g. synth.WriteIssue), and the build options.

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"magz/internal/msg"
	"magz/internal/testissue"
)

var (
	// sampleEditions is issue-12 in every edition, with the page previews.
	sampleEditions = &fixture{name: "sample", dir: sample, opt: Options{Formats: AllFormats, Previews: true, Version: "test"}}
	// awkwardEditions is the awkward issue (tables, notes, pasted HTML,
	// CMYK, 16-bit, transparent, grey, rotated and WebP photos) in every
	// edition.
	awkwardEditions = &fixture{name: "awkward", archive: awkward, opt: Options{Formats: AllFormats, Version: "test"}}
	// scriptsEditions is the awkward issue with an article in Chinese and
	// Arabic and an undescribed photo, on screen and as an EPUB.
	scriptsEditions = &fixture{name: "scripts", archive: awkward + scripts, opt: Options{Formats: []Format{Screen, EPUB}, Version: "test"}}
)

// fixture is an issue built once, when a test first asks for it.
type fixture struct {
	name    string
	dir     string                 // the issue folder, or
	archive string                 // an issue as a txtar archive, written out first, or
	write   func(dir string) error // what writes the issue into dir (synth)
	opt     Options

	once sync.Once
	ed   *built
	err  error
}

// built is a fixture's editions.
type built struct {
	src string  // the issue folder
	dir string  // the output folder
	res *Result // what Run returned
}

// file is the path of one edition.
func (b *built) file(f Format) string { return filepath.Join(b.dir, FileName(b.res.Issue.Name, f)) }

// get returns the fixture's editions, building them the first time.
func (f *fixture) get(t *testing.T) *built {
	t.Helper()
	f.once.Do(func() { f.ed, f.err = f.build() })
	if f.err != nil {
		t.Fatalf("fixture %s: %v", f.name, f.err)
	}
	return f.ed
}

func (f *fixture) build() (*built, error) {
	root, err := fixtures.root()
	if err != nil {
		return nil, err
	}
	b := &built{src: f.dir, dir: filepath.Join(root, f.name+"-out")}
	switch {
	case f.archive != "":
		b.src = filepath.Join(root, f.name, "issue-x")
		if err := testissue.Write(b.src, txtar.Parse([]byte(f.archive))); err != nil {
			return nil, err
		}
	case f.write != nil:
		b.src = filepath.Join(root, f.name, "issue-"+f.name)
		if err := f.write(b.src); err != nil {
			return nil, err
		}
	}
	opt := f.opt
	opt.OutDir, opt.CacheDir = b.dir, filepath.Join(root, "cache")
	b.res, err = Run(context.Background(), b.src, opt)
	return b, err
}

// fixtures is the folder every fixture is built in, made when the first
// is asked for and removed when the tests end.
var fixtures fixtureRoot

type fixtureRoot struct {
	mu  sync.Mutex
	dir string
}

func (r *fixtureRoot) root() (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dir == "" {
		dir, err := os.MkdirTemp("", "magz-pipeline-test-")
		if err != nil {
			return "", err
		}
		r.dir = dir
	}
	return r.dir, nil
}

// photoCache is a photo cache shared by the tests of the package.
func photoCache(t *testing.T) string {
	t.Helper()
	root, err := fixtures.root()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(root, "cache")
}

func TestMain(m *testing.M) {
	msg.Use(msg.English) // the tests read the messages in English, whatever the machine's locale
	code := m.Run()
	if fixtures.dir != "" {
		os.RemoveAll(fixtures.dir)
	}
	os.Exit(code)
}
