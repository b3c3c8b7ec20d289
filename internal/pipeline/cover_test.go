package pipeline

import (
	"context"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// TestCoverPicture: a build with the screen edition draws the designed
// cover (page 1) as a picture CoverWidth wide in the trim's proportions;
// a build with nothing changed keeps it, and one whose cover picture has
// gone draws it again.
func TestCoverPicture(t *testing.T) {
	dir := writeIssue(t, "-- issue.yaml --\nmagazine: Warta\nnumber: 3\ndate: 2026-01-01\ntrim: 200x250mm\n"+
		"cover:\n  image: images/c.jpg\n  alt: Gunung\n-- images/c.jpg --\nsynth:jpeg 900x1200\n-- articles/a.md --\n# A\n\nTeks.\n")
	out := t.TempDir()
	opt := Options{Formats: []Format{Screen, EPUB}, OutDir: out}
	res, err := Run(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Cover != filepath.Join(out, CoverName("issue-x")) {
		t.Fatalf("the cover picture is %q", res.Cover)
	}
	f, err := os.Open(res.Cover)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(f)
	f.Close()
	if err != nil || cfg.Width != CoverWidth || cfg.Height != CoverWidth*250/200 {
		t.Errorf("the cover picture is %dx%d (%v), want %dx%d", cfg.Width, cfg.Height, err, CoverWidth, CoverWidth*250/200)
	}
	res, err = Run(context.Background(), dir, opt)
	if err != nil || !res.UpToDate || res.Cover == "" {
		t.Fatalf("nothing changed: %v, up to date %v, cover %q", err, res != nil && res.UpToDate, res.Cover)
	}
	os.Remove(res.Cover)
	if res, err = Run(context.Background(), dir, opt); err != nil || res.UpToDate || !fileExists(res.Cover) {
		t.Fatalf("without its cover picture the build is not up to date: %v %+v", err, res)
	}
	// an edition without the screen PDF has no cover picture
	res, err = Run(context.Background(), dir, Options{Formats: []Format{EPUB}, OutDir: t.TempDir()})
	if err != nil || res.Cover != "" {
		t.Errorf("an EPUB-only build: %v, cover %q", err, res.Cover)
	}
}
