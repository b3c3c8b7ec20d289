package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"magz/fonts"
	"magz/internal/cache"
	"magz/layout/page"
)

// odd is an item coverKey does not know.
type odd struct{ page.Rect }

// TestCoverKey: the cover picture's cache key changes with anything that
// changes the drawing — an item moved, a text, a picture's bytes, the
// page's size — and not otherwise; a page with an item of another kind
// or a missing picture is not named (drawn every time).
func TestCoverKey(t *testing.T) {
	photo := []byte("photo bytes")
	model := func() *page.Issue {
		return &page.Issue{Width: 200 * page.MM, Height: 250 * page.MM, Bleed: 3 * page.MM, Pages: []*page.Page{{Items: []page.Item{
			&page.Image{X: 0, Y: 0, W: 200 * page.MM, H: 250 * page.MM, Source: "/x/c.jpg", Name: "c.jpg", Crop: [4]int{0, 0, 1e6, 1e6}},
			&page.Rect{X: 10 * page.MM, Y: 10 * page.MM, W: 50 * page.MM, H: 5 * page.MM, Fill: page.Color{R: 200}},
			&page.Rule{X1: 0, Y1: 20 * page.MM, X2: 100 * page.MM, Y2: 20 * page.MM, Width: page.Pt},
			&page.Text{X: 20 * page.MM, Y: 40 * page.MM, Face: string(fonts.SansBold), Size: 40 * page.Pt, Text: "Warta"},
			&page.Link{X: 0, Y: 0, W: 10, H: 10, Page: 2},
		}}}}
	}
	rendition := func(data []byte) func(*page.Image) ([]byte, bool) {
		return func(*page.Image) ([]byte, bool) { return data, true }
	}
	base, ok := coverKey(model(), rendition(photo))
	if !ok {
		t.Fatal("the cover is not named")
	}
	if again, _ := coverKey(model(), rendition(bytes.Clone(photo))); again != base {
		t.Error("the same cover named twice differently")
	}
	for _, tc := range []struct {
		name   string
		change func(m *page.Issue)
		photo  []byte
	}{
		{"text", func(m *page.Issue) { m.Pages[0].Items[3].(*page.Text).Text = "Warta!" }, photo},
		{"face", func(m *page.Issue) { m.Pages[0].Items[3].(*page.Text).Face = string(fonts.Serif) }, photo},
		{"moved", func(m *page.Issue) { m.Pages[0].Items[1] = m.Pages[0].Items[1].Moved(page.Pt, 0) }, photo},
		{"rule", func(m *page.Issue) { m.Pages[0].Items[2].(*page.Rule).Width = 2 * page.Pt }, photo},
		{"crop", func(m *page.Issue) { m.Pages[0].Items[0].(*page.Image).Crop[0] = 1 }, photo},
		{"picture", func(*page.Issue) {}, []byte("photo bytez")},
		{"trim", func(m *page.Issue) { m.Height = 260 * page.MM }, photo},
		{"bleed", func(m *page.Issue) { m.Bleed = 5 * page.MM }, photo},
	} {
		m := model()
		tc.change(m)
		if k, ok := coverKey(m, rendition(tc.photo)); !ok || k == base {
			t.Errorf("%s changed: the key %v the same", tc.name, ok)
		}
	}
	m := model()
	m.Pages[0].Items = append(m.Pages[0].Items, &odd{})
	if _, ok := coverKey(m, rendition(photo)); ok {
		t.Error("an item of another kind is named")
	}
	if _, ok := coverKey(model(), func(*page.Image) ([]byte, bool) { return nil, false }); ok {
		t.Error("a cover whose picture is missing is named")
	}
}

// TestCoverFromCache: a build into a new folder takes the cover picture
// from the cache, the same bytes as one drawn afresh without a cache.
func TestCoverFromCache(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, "-- issue.yaml --\nmagazine: Warta\nnumber: 3\ndate: 2026-01-01\ntrim: 200x250mm\n"+
		"cover:\n  image: images/c.jpg\n  alt: Gunung\n-- images/c.jpg --\nsynth:jpeg 900x1200\n-- articles/a.md --\n# A\n\nTeks.\n")
	cacheDir := t.TempDir()
	cover := func(cacheDir string) []byte {
		t.Helper()
		res, err := Run(context.Background(), dir, Options{Formats: []Format{Screen}, OutDir: t.TempDir(), CacheDir: cacheDir})
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(res.Cover)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := cover(cacheDir)
	entries := func() int {
		n := 0
		filepath.WalkDir(cacheDir, func(_ string, d os.DirEntry, _ error) error {
			if d != nil && !d.IsDir() {
				n++
			}
			return nil
		})
		return n
	}
	kept := entries()
	// the cover's entry is replaced by another picture: the next build
	// must take it from the cache, not draw it
	var key string
	filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, _ error) error {
		if b, err := os.ReadFile(p); err == nil && len(b) == len(first)+12 && bytes.Equal(b[:len(first)], first) {
			key = filepath.Base(filepath.Dir(p)) + d.Name()
		}
		return nil
	})
	if key == "" {
		t.Fatal("the cover picture is not in the cache")
	}
	marked := append([]byte{0xFF, 0xD8, 0xFF, 0xFE, 0, 6, 'm', 'a', 'r', 'k'}, first[2:]...)
	c, err := cache.Open(cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put(key, marked); err != nil {
		t.Fatal(err)
	}
	if got := cover(cacheDir); !bytes.Equal(got, marked) {
		t.Error("a build into a new folder drew the cover again")
	}
	if entries() != kept {
		t.Errorf("%d cache entries, then %d", kept, entries())
	}
	if fresh := cover(""); !bytes.Equal(fresh, first) {
		t.Error("the cover drawn without a cache differs from the first")
	}
}
