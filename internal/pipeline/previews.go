package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"magz/internal/msg"
	"magz/layout/page"
	"magz/layout/preview"
)

// previewDPI gives pages of about 580×770 pixels at the default trim.
const previewDPI = 70

// writePreviews draws every page and a contact sheet into a new temporary
// folder inside outDir and returns it; the caller moves it into place.
// tone, when set, changes the colours of each drawn page (a soft proof).
func writePreviews(ctx context.Context, outDir string, model *page.Issue, rendition func(*page.Image) ([]byte, bool), tone func(*image.RGBA)) (string, error) {
	tmp, err := os.MkdirTemp(outDir, ".previews-tmp-")
	if err != nil {
		return "", msg.Errorf("cannot write previews: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	var decoded sync.Map // *page.Image -> image.Image
	r := &preview.Renderer{DPI: previewDPI, Image: func(it *page.Image) (image.Image, error) {
		if m, ok := decoded.Load(it); ok {
			return m.(image.Image), nil
		}
		data, ok := rendition(it)
		if !ok {
			return nil, msg.Errorf("no picture of %s", it.Name)
		}
		m, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", it.Name, err)
		}
		decoded.Store(it, m)
		return m, nil
	}}
	pages := make([]*image.RGBA, len(model.Pages))
	errs := make([]error, len(model.Pages))
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for i, p := range model.Pages {
		g.Go(func() error {
			defer func() {
				if v := recover(); v != nil {
					errs[i] = msg.Errorf("internal error drawing page %d: %v", i+1, v)
				}
			}()
			if ctx.Err() != nil {
				errs[i] = ctx.Err()
				return nil
			}
			img, err := r.Page(model, p)
			if err == nil && tone != nil {
				tone(img)
			}
			if err == nil {
				err = savePNG(filepath.Join(tmp, preview.Name(i)), img)
			}
			pages[i], errs[i] = img, err
			return nil
		})
	}
	g.Wait()
	for _, err := range errs {
		if err != nil {
			os.RemoveAll(tmp)
			return "", msg.Errorf("drawing previews: %w", err)
		}
	}
	if err := savePNG(filepath.Join(tmp, "contact-sheet.png"), preview.ContactSheet(pages, 200)); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	return tmp, nil
}

func savePNG(path string, img image.Image) error {
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
