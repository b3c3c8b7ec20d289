package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"image"
	stdjpeg "image/jpeg"
	"io"
	"path/filepath"

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
)

// CoverName is the file name of an issue's cover picture.
func CoverName(issueName string) string { return issueName + "-cover.jpg" }

// writeCover draws page 1 into a temporary file in outDir; the caller
// moves it into place with the editions. rendition gives the picture of
// an image item (the screen edition's).
func writeCover(ctx context.Context, outDir string, model *page.Issue, iss string, rendition func(*page.Image) ([]byte, bool)) (written, error) {
	if len(model.Pages) == 0 || model.Width <= 0 {
		return written{}, msg.Errorf("no cover page to draw")
	}
	if err := ctx.Err(); err != nil {
		return written{}, err
	}
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
		return written{}, msg.Errorf("drawing the cover: %w", err)
	}
	name := CoverName(iss)
	tmp, size, sum, err := writeTemp(outDir, name, func(w io.Writer) error {
		return stdjpeg.Encode(w, img, &stdjpeg.Options{Quality: coverQuality})
	})
	if err != nil {
		return written{}, err
	}
	return written{dst: filepath.Join(outDir, name), tmp: tmp, size: int64(size), sum: sum}, nil
}
