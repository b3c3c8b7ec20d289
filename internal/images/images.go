// Package images is the image stage: it checks source photos and makes the
// rendition each edition needs (print, screen, EPUB), decoding each source
// once and deriving every rendition from that one decode.
package images

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"

	"github.com/disintegration/imaging"
	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"

	"magz/internal/diag"
	"magz/internal/doc"
)

// MaxPixels is the largest source accepted: 120 megapixels. Larger images
// are refused before decoding, so a tiny file claiming a huge size (a
// decompression bomb) cannot exhaust memory.
const MaxPixels = 120_000_000

// Info describes a source image.
type Info struct {
	Width, Height int    // as displayed, after EXIF orientation
	Format        string // jpeg, png, gif, webp, bmp, tiff
	Orientation   int    // EXIF orientation, 1 when none
	Model         string // colour model: rgb, gray, cmyk, ...
	Alpha         bool   // may have transparency
}

// Store checks sources and makes renditions. It is safe for concurrent use.
type Store struct {
	mu    sync.Mutex
	infos map[string]*Info
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{infos: map[string]*Info{}} }

// Probe reads an image's header. Problems are recorded at the place where
// the image is used.
func (s *Store) Probe(img *doc.Image, diags *diag.List) (*Info, bool) {
	s.mu.Lock()
	if in, ok := s.infos[img.Path]; ok {
		s.mu.Unlock()
		return in, in != nil
	}
	s.mu.Unlock()
	in, err := probe(img.Path)
	if err != nil {
		diags.Errorf(img.Pos, "image %s: %v", img.Rel, err)
	}
	s.mu.Lock()
	s.infos[img.Path] = in
	s.mu.Unlock()
	return in, in != nil
}

func probe(path string) (*Info, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return nil, fmt.Errorf("cannot be read (permission denied)")
		}
		return nil, fmt.Errorf("cannot be read: %v", err)
	}
	defer f.Close()
	head := make([]byte, 256*1024)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	cfg, format, err := image.DecodeConfig(bytes.NewReader(head))
	if err != nil {
		if kind := sniff(head); kind != "" {
			return nil, fmt.Errorf("is a %s file, which magz cannot read; save it as JPEG, PNG or WebP", kind)
		}
		if len(head) == 0 {
			return nil, fmt.Errorf("is empty")
		}
		return nil, fmt.Errorf("is not a readable image (%v); save it as JPEG, PNG or WebP", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("has no pixels (%dx%d)", cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fmt.Errorf("is %dx%d pixels, over the limit of %d megapixels; make it smaller", cfg.Width, cfg.Height, MaxPixels/1_000_000)
	}
	in := &Info{Width: cfg.Width, Height: cfg.Height, Format: format, Orientation: 1}
	if format == "jpeg" {
		in.Orientation = jpegOrientation(head)
		if in.Orientation >= 5 {
			in.Width, in.Height = in.Height, in.Width
		}
	}
	switch cfg.ColorModel {
	case color.CMYKModel:
		in.Model = "cmyk"
	case color.GrayModel, color.Gray16Model:
		in.Model = "gray"
	case color.NRGBAModel, color.NRGBA64Model, color.RGBAModel, color.RGBA64Model:
		in.Model = "rgb"
		in.Alpha = format != "jpeg"
	default:
		in.Model = "rgb"
		if _, ok := cfg.ColorModel.(color.Palette); ok {
			in.Alpha = true
		}
	}
	return in, nil
}

// sniff names common formats Go cannot decode, for a clearer message.
func sniff(b []byte) string {
	switch {
	case len(b) >= 12 && string(b[4:8]) == "ftyp" && (string(b[8:12]) == "heic" || string(b[8:12]) == "heix" || string(b[8:12]) == "mif1" || string(b[8:12]) == "heim" || string(b[8:12]) == "hevc"):
		return "HEIC"
	case len(b) >= 12 && string(b[4:8]) == "ftyp" && string(b[8:12]) == "avif":
		return "AVIF"
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "PDF"
	case bytes.HasPrefix(b, []byte("<svg")) || bytes.Contains(b[:min(len(b), 512)], []byte("<svg")):
		return "SVG"
	case bytes.HasPrefix(b, []byte("8BPS")):
		return "Photoshop (PSD)"
	}
	return ""
}

// Encoding of a rendition.
type Encoding int

const (
	JPEG Encoding = iota
	PNG
)

// Request asks for one rendition: the Crop of the source (millionths of
// the oriented image: left, top, right, bottom) at W×H pixels.
type Request struct {
	Path     string
	Crop     [4]int
	W, H     int
	Encoding Encoding
	Quality  int
	// Original allows embedding the source file's own bytes when it is a
	// JPEG that needs no rotation, crop or resampling (no generational loss).
	Original bool
}

// Result is an encoded rendition.
type Result struct {
	Data []byte
	W, H int
}

// Render makes every requested rendition, decoding each source once, with
// at most one decode per CPU at a time.
func (s *Store) Render(ctx context.Context, reqs []Request, pos map[string]diag.Pos, diags *diag.List) map[Request]Result {
	bySrc := map[string][]Request{}
	for _, r := range reqs {
		bySrc[r.Path] = append(bySrc[r.Path], r)
	}
	paths := make([]string, 0, len(bySrc))
	for p := range bySrc {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := map[Request]Result{}
	var mu sync.Mutex
	sem := make(chan struct{}, runtime.NumCPU())
	var wg sync.WaitGroup
	for _, p := range paths {
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(p string) {
			defer wg.Done()
			defer func() { <-sem }()
			defer func() {
				// A decoder bug must not crash the build: report it as a
				// problem of this file.
				if v := recover(); v != nil {
					diags.Errorf(pos[p], "image %s: cannot be decoded (internal error: %v)", diag.DisplayPath(p), v)
				}
			}()
			if ctx.Err() != nil {
				return
			}
			res, err := renderSource(p, bySrc[p])
			if err != nil {
				diags.Errorf(pos[p], "image %s: %v", diag.DisplayPath(p), err)
				return
			}
			mu.Lock()
			for k, v := range res {
				out[k] = v
			}
			mu.Unlock()
		}(p)
	}
	wg.Wait()
	return out
}

func renderSource(path string, reqs []Request) (map[Request]Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %v", err)
	}
	out := map[Request]Result{}
	var img image.Image
	for _, r := range reqs {
		if r.Original && completeJPEG(data) {
			out[r] = Result{Data: data, W: r.W, H: r.H}
			continue
		}
		if img == nil {
			img, err = imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
			if err != nil {
				return nil, fmt.Errorf("cannot be decoded (%v); the file may be damaged or truncated", err)
			}
		}
		res, err := render(img, r)
		if err != nil {
			return nil, err
		}
		out[r] = res
	}
	return out, nil
}

func render(img image.Image, r Request) (Result, error) {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	rect := image.Rect(
		b.Min.X+r.Crop[0]*sw/1e6, b.Min.Y+r.Crop[1]*sh/1e6,
		b.Min.X+r.Crop[2]*sw/1e6, b.Min.Y+r.Crop[3]*sh/1e6)
	if rect.Dx() < 1 || rect.Dy() < 1 {
		rect = b
	}
	var m image.Image = img
	if rect != b {
		m = imaging.Crop(img, rect)
	}
	w, h := r.W, r.H
	if w < 1 || h < 1 {
		w, h = rect.Dx(), rect.Dy()
	}
	if w != rect.Dx() || h != rect.Dy() {
		m = imaging.Resize(m, w, h, imaging.Lanczos)
	}
	var buf bytes.Buffer
	switch r.Encoding {
	case PNG:
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, m); err != nil {
			return Result{}, err
		}
	default:
		q := r.Quality
		if q == 0 {
			q = 85
		}
		if err := jpeg.Encode(&buf, flatten(m), &jpeg.Options{Quality: q}); err != nil {
			return Result{}, err
		}
	}
	return Result{Data: buf.Bytes(), W: w, H: h}, nil
}

// flatten composites transparent images on white (JPEG has no alpha) and
// gives an 8-bit RGB image.
func flatten(m image.Image) image.Image {
	b := m.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), m, b.Min, draw.Over)
	return dst
}

// completeJPEG reports whether a JPEG ends with its end-of-image marker; a
// truncated file is decoded (and so reported) rather than passed through.
func completeJPEG(data []byte) bool {
	d := bytes.TrimRight(data, "\x00\r\n ")
	return len(d) > 4 && d[len(d)-2] == 0xFF && d[len(d)-1] == 0xD9
}
