package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"image"
	stdjpeg "image/jpeg"
	"io"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"magz/fonts"
	"magz/internal/cache"
	"magz/internal/msg"
	"magz/layout/page"
	"magz/layout/preview"
)

// The designed cover as a picture: page 1 drawn from the page model as
// the previews are, written with the screen edition. The website, its
// feeds and the sharing kit show this cover (masthead, number, date,
// cover lines), never the bare photo.
const (
	// CoverWidth is the cover picture's width in pixels, whatever the
	// trim: enough for a 2× phone and for the sharing kit's cards.
	CoverWidth   = 1200
	coverQuality = 92 // a source for the site's renditions: little loss
	// coverVersion is part of the cover picture's cache key: change it
	// when layout/preview draws a page differently.
	coverVersion = "cover-1"
)

// CoverName is the file name of an issue's cover picture.
func CoverName(issueName string) string { return issueName + "-cover.jpg" }

// writeCover draws page 1 into a temporary file in outDir; the caller
// moves it into place with the editions. rendition gives the picture of
// an image item (the screen edition's). The picture is kept in c under
// what it is drawn from (coverKey): a build into a new folder with
// nothing changed on the cover takes it from there.
func writeCover(ctx context.Context, outDir string, model *page.Issue, iss string, rendition func(*page.Image) ([]byte, bool), c *cache.Cache) (written, error) {
	if len(model.Pages) == 0 || model.Width <= 0 {
		return written{}, msg.Errorf("no cover page to draw")
	}
	if err := ctx.Err(); err != nil {
		return written{}, err
	}
	key, named := coverKey(model, rendition)
	var data []byte
	hit := false
	if named {
		data, hit = c.Get(key)
	}
	if !hit {
		var err error
		if data, err = drawCover(model, rendition); err != nil {
			return written{}, err
		}
		if named {
			_ = c.Put(key, data) // a cache that cannot be written is only slower
		}
	}
	name := CoverName(iss)
	tmp, size, err := writeTemp(outDir, name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return written{}, err
	}
	return written{dst: filepath.Join(outDir, name), tmp: tmp, size: int64(size)}, nil
}

// drawCover draws page 1 as a JPEG.
func drawCover(model *page.Issue, rendition func(*page.Image) ([]byte, bool)) ([]byte, error) {
	r := &preview.Renderer{DPI: CoverWidth * 72 / model.Width.Points(), Image: func(it *page.Image) (image.Image, error) {
		data, ok := rendition(it)
		if !ok {
			return nil, msg.Errorf("no picture of %s", it.Name)
		}
		m, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", it.Name, err)
		}
		return m, nil
	}}
	img, err := r.Page(model, model.Pages[0])
	if err != nil {
		return nil, msg.Errorf("drawing the cover: %w", err)
	}
	var b bytes.Buffer
	if err := stdjpeg.Encode(&b, img, &stdjpeg.Options{Quality: coverQuality}); err != nil {
		return nil, msg.Errorf("drawing the cover: %w", err)
	}
	return b.Bytes(), nil
}

// coverKey names everything the cover picture is drawn from: the
// drawing's version, Go's and x/image's (the JPEG encoder, the
// rasteriser), the page's size and items, the bytes of its pictures and of
// its faces. It reports false for a page it cannot name so (an item of
// another kind, a picture missing): that cover is drawn every time.
func coverKey(model *page.Issue, rendition func(*page.Image) ([]byte, bool)) (string, bool) {
	parts := []string{coverVersion, runtime.Version(), moduleVersion("golang.org/x/image"),
		fmt.Sprintf("%d %d %d %d %d", CoverWidth, coverQuality, model.Width, model.Height, model.Bleed)}
	sum := func(b []byte) string { s := sha256.Sum256(b); return string(s[:]) }
	faces := map[string]bool{}
	for _, it := range model.Pages[0].Items {
		switch it := it.(type) {
		case *page.Image:
			data, ok := rendition(it)
			if !ok {
				return "", false
			}
			parts = append(parts, fmt.Sprintf("%+v", *it), sum(data))
		case *page.Text:
			parts = append(parts, fmt.Sprintf("%+v", *it))
			if !faces[it.Face] {
				faces[it.Face] = true
				data, err := fonts.Data(fonts.Face(it.Face))
				if err != nil {
					return "", false
				}
				parts = append(parts, sum(data))
			}
		case *page.Rect:
			parts = append(parts, fmt.Sprintf("%+v", *it))
		case *page.Rule:
			parts = append(parts, fmt.Sprintf("%+v", *it))
		case *page.Link: // not drawn
		default:
			return "", false
		}
	}
	return cache.Key(parts...), true
}

// moduleVersion is the version of module path built into magz ("" when
// unknown, as in a test binary).
func moduleVersion(path string) string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range bi.Deps {
		if m.Path == path {
			if m.Replace != nil {
				return m.Replace.Path + "@" + m.Replace.Version
			}
			return m.Version
		}
	}
	return ""
}
