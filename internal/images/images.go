// Package images is the image stage: it checks source photos and makes the
// rendition each edition needs (print, screen, EPUB), decoding each source
// once and deriving every rendition from that one decode.
package images

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/gif"
	stdjpeg "image/jpeg"
	"image/png"
	"io"
	"magz/internal/jpeg"
	"magz/internal/msg"
	"math"
	"os"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/disintegration/imaging"
	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"

	"magz/internal/cache"
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
	cache *cache.Cache
	codec jpeg.Codec
	// Decoded counts the sources decoded (cache misses), for summaries
	// and tests.
	Decoded atomic.Int64
	// Looked counts the photos looked at for their focal point and
	// lightness (cache misses; see focus.go).
	Looked atomic.Int64
	// OnSourceDone, when set, is called as each source is finished.
	OnSourceDone func()
}

// NewStore returns a store keeping renditions in c (which may be nil) and
// decoding and encoding JPEGs with codec.
func NewStore(c *cache.Cache, codec jpeg.Codec) *Store {
	return &Store{infos: map[string]*Info{}, cache: c, codec: codec}
}

// Probe reads an image's header. Problems are recorded at the place where
// the image is used.
func (s *Store) Probe(img *doc.Image, diags *diag.List) (*Info, bool) {
	s.mu.Lock()
	if in, ok := s.infos[img.Path]; ok {
		s.mu.Unlock()
		return in, in != nil
	}
	s.mu.Unlock()
	var in *Info
	var err error
	if img.Vector {
		in, err = probeVector(img.Path)
	} else {
		in, err = probe(img.Path)
	}
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
			return nil, msg.Errorf("cannot be read (permission denied)")
		}
		return nil, msg.Errorf("cannot be read: %v", err)
	}
	defer f.Close()
	head := make([]byte, 256*1024)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	cfg, format, err := image.DecodeConfig(bytes.NewReader(head))
	if err != nil {
		if kind := sniff(head); kind != "" {
			return nil, msg.Errorf("is a %s file, which magz cannot read; save it as JPEG, PNG or WebP", kind)
		}
		if len(head) == 0 {
			return nil, msg.Errorf("is empty")
		}
		return nil, msg.Errorf("is not a readable image (%v); save it as JPEG, PNG or WebP", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, msg.Errorf("has no pixels (%dx%d)", cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, msg.Errorf("is %dx%d pixels, over the limit of %d megapixels; make it smaller", cfg.Width, cfg.Height, MaxPixels/1_000_000)
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
	// Colour is the colour of the pixels; Inks needs Press, and makes a
	// JPEG (CMYK or grey) whatever the Encoding.
	Colour Colour
	Press  *Press
}

// Result is an encoded rendition.
type Result struct {
	Data []byte
	W, H int
	// Colour is what Data holds; for Inks, MaxInk is the most ink any
	// pixel of it puts down (tenths of a percent, as a decoder reconstructs
	// the file) and Mask, when the picture has transparency, a greyscale PNG
	// of its alpha (a PDF soft mask).
	Colour Colour
	MaxInk int
	Mask   []byte
}

// PipelineVersion is part of every cache key: change it when renditions
// would come out differently, and old cache entries are simply not found.
const PipelineVersion = "renditions-10"

// memBudget bounds the pixels decoded at the same time (4 bytes each and a
// few working copies): a 54-megapixel panorama runs alone rather than
// beside another photo.
const memBudget = 60_000_000

// Render makes every requested rendition, decoding each source once (and
// not at all when the cache holds all its renditions), several sources at
// a time within the CPU count and the memory budget.
func (s *Store) Render(ctx context.Context, reqs []Request, pos map[string]diag.Pos, diags *diag.List) map[Request]Result {
	bySrc := map[string][]Request{}
	for _, r := range reqs {
		if !slices.Contains(bySrc[r.Path], r) {
			bySrc[r.Path] = append(bySrc[r.Path], r)
		}
	}
	paths := make([]string, 0, len(bySrc))
	for p := range bySrc {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	out := map[Request]Result{}
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	mem := semaphore.NewWeighted(memBudget)
	for _, p := range paths {
		if ctx.Err() != nil {
			break
		}
		weight := int64(memBudget / 4)
		s.mu.Lock()
		if in := s.infos[p]; in != nil {
			weight = min(int64(in.Width)*int64(in.Height), memBudget)
		}
		s.mu.Unlock()
		g.Go(func() error {
			defer func() {
				// A decoder bug must not crash the build: report it as a
				// problem of this file.
				if v := recover(); v != nil {
					diags.Errorf(pos[p], "image %s: cannot be decoded (internal error: %v)", diag.DisplayPath(p), v)
				}
			}()
			if ctx.Err() != nil {
				return nil
			}
			res, err := s.renderSource(ctx, p, bySrc[p], mem, weight)
			if err != nil {
				if ctx.Err() == nil {
					diags.Errorf(pos[p], "image %s: %v", diag.DisplayPath(p), err)
				}
				return nil
			}
			mu.Lock()
			for k, v := range res {
				out[k] = v
			}
			mu.Unlock()
			if s.OnSourceDone != nil {
				s.OnSourceDone()
			}
			return nil
		})
	}
	g.Wait()
	return out
}

// recipeFormat writes a rendition's recipe into its cache key.
const recipeFormat = "crop=%v size=%dx%d enc=%d q=%d orig=%v colour=%d press=%s"

func (r Request) recipe() string {
	press := ""
	if r.Press != nil {
		press = r.Press.Key()
	}
	return fmt.Sprintf(recipeFormat, r.Crop, r.W, r.H, r.Encoding, r.Quality, r.Original, r.Colour, press)
}

// sourceKey returns the hash of a source file's bytes. The cache remembers
// it by the file's size, modification time and identity, so an unchanged
// photo is not even read again; data is the file when it had to be read.
func (s *Store) sourceKey(path string) (key string, data []byte, err error) {
	statKey := ""
	if st, err := os.Stat(path); err == nil {
		statKey = cache.Key("stat", path, fileIdentity(st))
		if b, ok := s.cache.Get(statKey); ok && len(b) == 64 {
			return string(b), nil, nil
		}
	}
	data, err = os.ReadFile(path)
	if err != nil {
		return "", nil, msg.Errorf("cannot be read: %v", err)
	}
	sum := sha256.Sum256(data)
	key = hex.EncodeToString(sum[:])
	if statKey != "" {
		_ = s.cache.Put(statKey, []byte(key))
	}
	return key, data, nil
}

func (s *Store) renderSource(ctx context.Context, path string, reqs []Request, mem *semaphore.Weighted, weight int64) (map[Request]Result, error) {
	srcKey, data, err := s.sourceKey(path)
	if err != nil {
		return nil, err
	}
	read := func() error {
		if data == nil {
			if data, err = os.ReadFile(path); err != nil {
				return msg.Errorf("cannot be read: %v", err)
			}
		}
		return nil
	}
	out := map[Request]Result{}
	var missing []Request
	for _, r := range reqs {
		if r.Original && r.Colour == RGB {
			if err := read(); err != nil {
				return nil, err
			}
			if completeJPEG(data) {
				out[r] = Result{Data: data, W: r.W, H: r.H}
				continue
			}
		}
		if b, ok := s.cache.Get(cache.Key(PipelineVersion, s.codec.String(), srcKey, r.recipe())); ok {
			if res, ok := unmarshalResult(b, r); ok {
				out[r] = res
				continue
			}
		}
		missing = append(missing, r)
	}
	if len(missing) == 0 {
		return out, nil
	}
	if err := read(); err != nil {
		return nil, err
	}
	if err := mem.Acquire(ctx, weight); err != nil {
		return nil, err
	}
	defer mem.Release(weight)
	s.Decoded.Add(1)
	img, isJPEG, err := s.decode(data)
	if err != nil {
		return nil, err
	}
	orient := 1
	if isJPEG {
		orient = jpegOrientation(data)
	}
	lv := newLevels(img, orient)
	var pl *planes
	if y, ok := img.(*image.YCbCr); ok {
		pl, _ = newPlanes(y)
	}
	// Largest renditions first: they make the halved levels the smaller
	// ones reuse.
	sort.SliceStable(missing, func(i, j int) bool { return missing[i].W*missing[i].H > missing[j].W*missing[j].H })
	for _, r := range missing {
		var res Result
		var err error
		var m *image.YCbCr
		ok := false
		if pl != nil && r.Encoding == JPEG && r.Colour == RGB {
			m, ok = pl.rendition(orient, r.Crop, r.W, r.H)
		}
		switch {
		case ok:
			res, err = s.encodeJPEG(m, r)
		case r.Colour == Inks:
			res, err = renderInks(ctx, img, orient, lv, pl, r)
		default:
			res, err = render(lv, r)
		}
		if err != nil {
			return nil, err
		}
		out[r] = res
		if err := s.cache.Put(cache.Key(PipelineVersion, s.codec.String(), srcKey, r.recipe()), res.marshal()); err != nil {
			// A cache that cannot be written only costs time.
			_ = err
		}
	}
	return out, nil
}

// frame crops and resamples the request's rendition from the levels.
func frame(lv *levels, r Request) (*image.NRGBA, int, int) {
	W, H := lv.orientedSize()
	cw := float64(float64(r.Crop[2]-r.Crop[0]) / 1e6 * float64(W))
	ch := float64(float64(r.Crop[3]-r.Crop[1]) / 1e6 * float64(H))
	w, h := r.W, r.H
	if w < 1 || h < 1 {
		w, h = int(cw+0.5), int(ch+0.5)
	}
	scale := math.Max(float64(w)/cw, float64(h)/ch)
	src := lv.at(scale)
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	rect := image.Rect(
		b.Min.X+int(int64(r.Crop[0])*int64(sw)/1e6), b.Min.Y+int(int64(r.Crop[1])*int64(sh)/1e6),
		b.Min.X+int(int64(r.Crop[2])*int64(sw)/1e6), b.Min.Y+int(int64(r.Crop[3])*int64(sh)/1e6))
	if rect.Dx() < 1 || rect.Dy() < 1 {
		rect = b
	}
	m := src
	switch {
	case w == rect.Dx() && h == rect.Dy():
		if rect != b {
			m = imaging.Crop(src, rect)
		}
	default:
		if avg, ok := resampleNRGBA(src, rect, w, h); ok {
			m = avg
		} else {
			// a real enlargement, which no plan asks for: a smooth filter
			m = imaging.Resize(imaging.Crop(src, rect), w, h, imaging.CatmullRom)
		}
	}
	return m, w, h
}

func render(lv *levels, r Request) (Result, error) {
	m, w, h := frame(lv, r)
	var buf bytes.Buffer
	switch r.Encoding {
	case PNG:
		// zlib's default level: the best level takes nine times as long
		// (15 s against 1.7 s for a full-page ad of 2551×3378) for files
		// 7 % smaller
		if err := (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, m); err != nil {
			return Result{}, err
		}
	default:
		q := r.Quality
		if q == 0 {
			q = 85
		}
		if err := stdjpeg.Encode(&buf, opaque(m), &stdjpeg.Options{Quality: q}); err != nil {
			return Result{}, err
		}
	}
	return Result{Data: buf.Bytes(), W: w, H: h}, nil
}

// encodeJPEG encodes a rendition made by planes.rendition (4:2:0, at the
// origin) from its planes.
func (s *Store) encodeJPEG(m *image.YCbCr, r Request) (Result, error) {
	q := r.Quality
	if q == 0 {
		q = 85
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	cw, ch := (w+1)/2, (h+1)/2
	data, err := s.codec.Encode420(
		jpeg.Plane{Pix: m.Y, Stride: m.YStride, W: w, H: h},
		jpeg.Plane{Pix: m.Cb, Stride: m.CStride, W: cw, H: ch},
		jpeg.Plane{Pix: m.Cr, Stride: m.CStride, W: cw, H: ch}, q)
	return Result{Data: data, W: w, H: h}, err
}

// opaque gives an 8-bit RGBA image without transparency, composited on
// white when it had any (JPEG has no alpha). An opaque NRGBA image is
// reinterpreted in place: for alpha 255 the two layouts are the same, and
// image/jpeg encodes *image.RGBA fast.
func opaque(m image.Image) image.Image {
	if n, ok := m.(*image.NRGBA); ok {
		solid := true
		for i := 3; i < len(n.Pix); i += 4 {
			if n.Pix[i] != 0xff {
				solid = false
				break
			}
		}
		if solid {
			return &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
		}
	}
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

// decode decodes a whole source file, as a build does.
func (s *Store) decode(data []byte) (img image.Image, isJPEG bool, err error) {
	if isVector(data) {
		img, err = rasterize(data)
		return img, false, err
	}
	isJPEG = bytes.HasPrefix(data, []byte{0xFF, 0xD8})
	if isJPEG {
		img, err = s.codec.Decode(data)
	} else {
		img, _, err = image.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, isJPEG, msg.Errorf("cannot be decoded (%v); the file may be damaged or truncated", err)
	}
	return img, isJPEG, nil
}

// Verify decodes every source whole, as a build would, and reports those
// that cannot be (a truncated JPEG passes a look at its header): what
// "magz check" does so that a build then finds no new problem.
func (s *Store) Verify(ctx context.Context, paths []string, pos map[string]diag.Pos, diags *diag.List) {
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	mem := semaphore.NewWeighted(memBudget)
	for _, p := range paths {
		g.Go(func() error {
			defer func() {
				if v := recover(); v != nil {
					diags.Errorf(pos[p], "image %s: cannot be decoded (internal error: %v)", diag.DisplayPath(p), v)
				}
			}()
			weight := int64(memBudget / 4)
			s.mu.Lock()
			if in := s.infos[p]; in != nil {
				weight = min(int64(in.Width)*int64(in.Height), memBudget)
			}
			s.mu.Unlock()
			if mem.Acquire(ctx, weight) != nil {
				return nil
			}
			defer mem.Release(weight)
			data, err := os.ReadFile(p)
			if err == nil {
				_, _, err = s.decode(data)
			}
			if err != nil {
				diags.Errorf(pos[p], "image %s: %v", diag.DisplayPath(p), err)
			}
			return nil
		})
	}
	g.Wait()
}
