package images

import (
	"context"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"magz/internal/cache"
	"magz/internal/jpeg"
	"magz/internal/msg"
)

// A focal point for every photo: when the editor wrote no `focus:`, magz
// looks at the photo and finds what stands out — the way smartcrop-style
// croppers do, with their measures adapted to what a magazine's photos
// hold. On a small copy of the photo (a JPEG read at an eighth of its size
// from its DC coefficients alone, then averaged down to analysisSide
// pixels) each pixel scores
//
//   - its contrast with its surroundings, in lightness and in colour, at
//     two scales (centre against surround), plus fine detail: an object
//     against its background, a sharp subject against a soft one;
//   - times the rarity of its colour in the whole photo (how far it lies
//     from the colours most of the photo has): the sun in a sky, a red
//     boat on a green sea, rather than the long ridge between land and sky;
//   - doubled for skin tones: people are what most photos are about;
//   - weighted slightly towards the centre, where photographers put what
//     matters when nothing else decides.
//
// The focal point is the centroid of the scores within the window of a
// quarter of the photo's width and height that holds the most of them;
// when no window stands out (grain, a smooth gradient, an even field) it
// is the centre.
// All of it is integer arithmetic: the same point on every machine.

// FocusVersion names the measure; it is part of the cache key of every
// look at a photo, so a change of the measure looks at every photo again.
const FocusVersion = "focus-2"

// analysisSide is the long side, in pixels, of the copy measured.
const analysisSide = 128

// Look is what magz sees in a photo: its focal point, and how light its
// parts are — the mean lightness (Y′, 0–255) of an 8×8 grid over it, rows
// from the top, in display orientation — so that the layout can set type
// over it in a colour that reads.
type Look struct {
	Focus [2]float64
	Luma  [8][8]uint8
}

// Look looks at the photo at path, from the cache when it was looked at
// before.
func (s *Store) Look(path string) (Look, error) {
	srcKey, data, err := s.sourceKey(path)
	if err != nil {
		return Look{Focus: centre}, err
	}
	key := cache.Key(FocusVersion, srcKey)
	if b, ok := s.cache.Get(key); ok {
		if l, ok := parseLook(string(b)); ok {
			return l, nil
		}
	}
	if data == nil {
		if data, err = os.ReadFile(path); err != nil {
			return Look{Focus: centre}, msg.Errorf("cannot be read: %v", err)
		}
	}
	sm, err := s.look(data)
	if err != nil {
		return Look{Focus: centre}, err
	}
	s.Looked.Add(1)
	fx, fy := focalPoint(sm, saliency(sm))
	l := Look{Focus: [2]float64{float64(fx) / 1000, float64(fy) / 1000}, Luma: lumaGrid(sm)}
	grid := make([]byte, 0, 64)
	for _, row := range l.Luma {
		grid = append(grid, row[:]...)
	}
	_ = s.cache.Put(key, []byte(fmt.Sprintf("%d,%d;%s", fx, fy, hex.EncodeToString(grid))))
	return l, nil
}

// Focus is the photo's focal point (0..1 across and down).
func (s *Store) Focus(path string) ([2]float64, error) {
	l, err := s.Look(path)
	return l.Focus, err
}

var centre = [2]float64{0.5, 0.5}

func parseLook(s string) (Look, bool) {
	f, grid, ok := strings.Cut(s, ";")
	a, b, ok2 := strings.Cut(f, ",")
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	raw, err3 := hex.DecodeString(grid)
	if !ok || !ok2 || err1 != nil || err2 != nil || err3 != nil || len(raw) != 64 || x < 0 || x > 1000 || y < 0 || y > 1000 {
		return Look{Focus: centre}, false
	}
	l := Look{Focus: [2]float64{float64(x) / 1000, float64(y) / 1000}}
	for i, v := range raw {
		l.Luma[i/8][i%8] = v
	}
	return l, true
}

// lumaGrid is the mean lightness of an 8×8 grid over the sample.
func lumaGrid(sm *sample) [8][8]uint8 {
	var g [8][8]uint8
	for r := 0; r < 8; r++ {
		y0, y1 := r*sm.h/8, max((r+1)*sm.h/8, r*sm.h/8+1)
		for c := 0; c < 8; c++ {
			x0, x1 := c*sm.w/8, max((c+1)*sm.w/8, c*sm.w/8+1)
			var sum, n int
			for y := y0; y < min(y1, sm.h); y++ {
				for x := x0; x < min(x1, sm.w); x++ {
					sum += int(sm.y[y*sm.w+x])
					n++
				}
			}
			if n > 0 {
				g[r][c] = uint8((sum + n/2) / n)
			}
		}
	}
	return g
}

// Looks looks at the photos at paths, several at a time. A photo that
// cannot be read or decoded is left out: the stage that renders it
// reports why.
func (s *Store) Looks(ctx context.Context, paths []string) map[string]Look {
	paths = append([]string(nil), paths...)
	sort.Strings(paths)
	out := map[string]Look{}
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	// A JPEG is read at an eighth; other images are decoded whole, within
	// the memory budget of renditions.
	mem := semaphore.NewWeighted(memBudget)
	for _, p := range paths {
		g.Go(func() error {
			defer func() { _ = recover() }() // a decoder bug: the photo stays centred
			weight := int64(memBudget / 64)
			s.mu.Lock()
			if in := s.infos[p]; in != nil && in.Format != "jpeg" {
				weight = min(int64(in.Width)*int64(in.Height), memBudget)
			}
			s.mu.Unlock()
			if mem.Acquire(ctx, weight) != nil {
				return nil
			}
			defer mem.Release(weight)
			l, err := s.Look(p)
			if err == nil {
				mu.Lock()
				out[p] = l
				mu.Unlock()
			}
			return nil
		})
	}
	g.Wait()
	return out
}

// sample is a photo made small for measuring: lightness and colour
// (Y′CbCr) planes of one size, in display orientation.
type sample struct {
	w, h      int
	y, cb, cr []uint8
}

// look makes the small copy of a photo.
func (s *Store) look(data []byte) (*sample, error) {
	orient := 1
	if isJPEG := len(data) > 2 && data[0] == 0xFF && data[1] == 0xD8; isJPEG {
		orient = jpegOrientation(data)
		if m, ok := jpeg.DecodeEighth(data); ok {
			return fromYCbCr(m, orient), nil
		}
	}
	img, _, err := s.decode(data)
	if err != nil {
		return nil, err
	}
	if m, ok := img.(*image.YCbCr); ok {
		return fromYCbCr(m, orient), nil
	}
	n := toNRGBA(img)
	b := n.Bounds()
	w, h := b.Dx(), b.Dy()
	y, cb, cr := newPlane(w, h), newPlane(w, h), newPlane(w, h)
	for j := 0; j < h; j++ {
		row := n.Pix[j*n.Stride:]
		for i := 0; i < w; i++ {
			px := row[4*i : 4*i+4 : 4*i+4]
			// transparent parts are seen on white paper
			a := uint32(px[3])
			var c [3]uint8
			for k := range c {
				c[k] = uint8((uint32(px[k])*a + 255*(255-a) + 127) / 255)
			}
			y.pix[j*w+i], cb.pix[j*w+i], cr.pix[j*w+i] = color.RGBToYCbCr(c[0], c[1], c[2])
		}
	}
	return shrink(y, cb, cr, orient), nil
}

func newPlane(w, h int) plane { return plane{pix: make([]uint8, w*h), stride: w, w: w, h: h} }

// fromYCbCr takes the planes of a decoded JPEG, its colour repeated to
// the lightness's size.
func fromYCbCr(m *image.YCbCr, orient int) *sample {
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	y, cb, cr := newPlane(w, h), newPlane(w, h), newPlane(w, h)
	for j := 0; j < h; j++ {
		copy(y.pix[j*w:(j+1)*w], m.Y[m.YOffset(b.Min.X, b.Min.Y+j):])
		for i := 0; i < w; i++ {
			ci := m.COffset(b.Min.X+i, b.Min.Y+j)
			cb.pix[j*w+i], cr.pix[j*w+i] = m.Cb[ci], m.Cr[ci]
		}
	}
	return shrink(y, cb, cr, orient)
}

// shrink orients the planes and averages them down to analysisSide on the
// long side.
func shrink(y, cb, cr plane, orient int) *sample {
	y, cb, cr = orientPlane(y, orient), orientPlane(cb, orient), orientPlane(cr, orient)
	w, h := y.w, y.h
	if long := max(w, h); long > analysisSide {
		tw, th := max(1, w*analysisSide/long), max(1, h*analysisSide/long)
		fw, fh := float64(w), float64(h)
		y, cb, cr = resample(y, 0, 0, fw, fh, tw, th), resample(cb, 0, 0, fw, fh, tw, th), resample(cr, 0, 0, fw, fh, tw, th)
		w, h = tw, th
	}
	return &sample{w: w, h: h, y: y.pix, cb: cb.pix, cr: cr.pix}
}

// integral is a summed-area table: the sum of any box in four look-ups.
type integral struct {
	w, h int
	s    []int64 // (w+1)×(h+1)
}

func newIntegral(v []uint8, w, h int) integral {
	in := integral{w: w, h: h, s: make([]int64, (w+1)*(h+1))}
	for j := 0; j < h; j++ {
		var row int64
		for i := 0; i < w; i++ {
			row += int64(v[j*w+i])
			in.s[(j+1)*(w+1)+i+1] = in.s[j*(w+1)+i+1] + row
		}
	}
	return in
}

// mean is the mean of the box of radius r about (x, y), cut to the image,
// in 256ths.
func (in integral) mean(x, y, r int) int64 {
	x0, y0 := max(0, x-r), max(0, y-r)
	x1, y1 := min(in.w, x+r+1), min(in.h, y+r+1)
	W := in.w + 1
	sum := in.s[y1*W+x1] - in.s[y0*W+x1] - in.s[y1*W+x0] + in.s[y0*W+x0]
	return sum * 256 / int64((x1-x0)*(y1-y0))
}

// colourWeight weighs differences of colour (Cb, Cr) against those of
// lightness: colour differences are smaller numbers in Y′CbCr for what
// the eye sees as the same difference.
const colourWeight = 2

// saliency scores every pixel of the sample (see the top of this file).
func saliency(sm *sample) []int64 {
	w, h := sm.w, sm.h
	long := max(w, h)
	iy, icb, icr := newIntegral(sm.y, w, h), newIntegral(sm.cb, w, h), newIntegral(sm.cr, w, h)
	rare := rarity(sm)
	// centre and surround radii, two scales
	scales := [][2]int{{max(1, long/64), max(3, long/10)}, {max(2, long/24), max(6, long/5)}}
	out := make([]int64, w*h)
	cx, cy := int64(w-1), int64(h-1) // twice the centre
	maxD := cx*cx + cy*cy
	for j := 0; j < h; j++ {
		for i := 0; i < w; i++ {
			var contrast int64
			for _, sc := range scales {
				contrast += abs64(iy.mean(i, j, sc[0])-iy.mean(i, j, sc[1])) +
					colourWeight*(abs64(icb.mean(i, j, sc[0])-icb.mean(i, j, sc[1]))+abs64(icr.mean(i, j, sc[0])-icr.mean(i, j, sc[1])))
			}
			contrast += 256 * detail(sm.y, w, h, i, j)
			k := j*w + i
			v := contrast * rare[k] / 256
			if skin(sm.y[k], sm.cb[k], sm.cr[k]) {
				v *= 2
			}
			// towards the centre: full weight there, 60 % in the corners
			dx, dy := 2*int64(i)-cx, 2*int64(j)-cy
			out[k] = v * (1000 - 400*(dx*dx+dy*dy)/max(maxD, 1)) / 1000
		}
	}
	return out
}

// detail is the fine lightness detail at (i, j): the difference from the
// mean of the four neighbours.
func detail(y []uint8, w, h, i, j int) int64 {
	at := func(x, z int) int64 { return int64(y[min(max(z, 0), h-1)*w+min(max(x, 0), w-1)]) }
	return abs64(4*at(i, j)-at(i-1, j)-at(i+1, j)-at(i, j-1)-at(i, j+1)) / 4
}

// rarity scores each pixel's colour by how far it lies from the colours
// of the whole photo (a histogram contrast: each colour, in bins of 32
// levels of Y′, Cb and Cr, against every other weighted by how much of the
// photo has it), and by how closely its pixels keep together: a colour
// spread across the photo (sea, sand, a ridge, the sky) is background,
// one gathered in a place (the sun, a boat, a face) is a subject.
func rarity(sm *sample) []int64 {
	const bins = 8
	bin := func(k int) int { return int(sm.y[k]>>5)*bins*bins + int(sm.cb[k]>>5)*bins + int(sm.cr[k]>>5) }
	type stats struct{ n, sx, sy, sxx, syy int64 }
	var st [bins * bins * bins]stats
	w, h := sm.w, sm.h
	for j := 0; j < h; j++ {
		y := int64((2*j + 1) * 500 / h) // thousandths of the height
		for i := 0; i < w; i++ {
			x := int64((2*i + 1) * 500 / w)
			s := &st[bin(j*w+i)]
			s.n++
			s.sx, s.sy, s.sxx, s.syy = s.sx+x, s.sy+y, s.sxx+x*x, s.syy+y*y
		}
	}
	var used []int
	for b := range st {
		if st[b].n > 0 {
			used = append(used, b)
		}
	}
	n := int64(w * h)
	var score [bins * bins * bins]int64
	for _, a := range used {
		var far int64
		for _, b := range used {
			d := abs64(int64(a/(bins*bins)-b/(bins*bins))) +
				colourWeight*(abs64(int64(a/bins%bins-b/bins%bins))+abs64(int64(a%bins-b%bins)))
			far += st[b].n * d * 32
		}
		s := st[a]
		// the spread of the colour's pixels about their mean, in
		// thousandths squared (a band across the photo: about 83,000)
		spread := s.sxx/s.n - (s.sx/s.n)*(s.sx/s.n) + s.syy/s.n - (s.sy/s.n)*(s.sy/s.n)
		score[a] = far / n * gathered / (gathered + max(spread, 0))
	}
	out := make([]int64, n)
	for k := range out {
		out[k] = score[bin(k)]
	}
	return out
}

// gathered is the spread of a colour's pixels (in thousandths of the
// photo, squared) at which its rarity counts half: a tenth of the photo
// about its mean.
const gathered = 10_000

// skin tells a skin tone (of any people: the Y′CbCr range of Chai and
// Ngan), not too dark to be one.
func skin(y, cb, cr uint8) bool {
	return y > 60 && cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// focalPoint finds the window of a quarter of the sample's width and
// height with the most saliency and returns the centroid of the saliency
// in it, in thousandths of the width and height. A photo with nothing
// standing out has its focal point in the centre.
func focalPoint(sm *sample, sal []int64) (int64, int64) {
	w, h := sm.w, sm.h
	ww, wh := max(1, w/4), max(1, h/4)
	// Scores squared (once scaled to 16 bits): a few pixels that stand
	// out strongly outweigh many that stand out a little.
	var top int64
	for _, v := range sal {
		top = max(top, v)
	}
	if top <= 0 {
		return 500, 500
	}
	sq := make([]int64, len(sal))
	for k, v := range sal {
		v = v * 65535 / top
		sq[k] = v * v
	}
	sal = sq
	W := w + 1
	s := make([]int64, W*(h+1))
	for j := 0; j < h; j++ {
		var row int64
		for i := 0; i < w; i++ {
			row += sal[j*w+i]
			s[(j+1)*W+i+1] = s[j*W+i+1] + row
		}
	}
	best, bx, by := int64(-1), 0, 0
	for j := 0; j+wh <= h; j++ {
		for i := 0; i+ww <= w; i++ {
			v := s[(j+wh)*W+i+ww] - s[j*W+i+ww] - s[(j+wh)*W+i] + s[j*W+i]
			if v > best {
				best, bx, by = v, i, j
			}
		}
	}
	var sum, sx, sy int64
	for j := by; j < by+wh; j++ {
		for i := bx; i < bx+ww; i++ {
			v := sal[j*w+i]
			sum += v
			sx += v * int64(2*i+1)
			sy += v * int64(2*j+1)
		}
	}
	if sum <= 0 {
		return 500, 500
	}
	fx := (sx*1000 + sum*int64(w)) / (2 * sum * int64(w))
	fy := (sy*1000 + sum*int64(h)) / (2 * sum * int64(h))
	// How much more the window holds than a sixteenth of the photo would
	// on average (in hundredths): a subject standing out gives 8 to 16
	// times, grain or a smooth gradient under 3. Between the two the
	// point is drawn towards the centre.
	total := s[h*W+w]
	stands := best * int64(w*h) * 100 / max(total*int64(ww*wh), 1)
	t := min(max(stands-plainBelow, 0), plainBelow) // of plainBelow
	return 500 + (fx-500)*t/plainBelow, 500 + (fy-500)*t/plainBelow
}

// plainBelow is how much more than its share (in hundredths) the best
// window must hold for the photo to have a subject at all; twice as much
// and the subject's place is taken as it is.
const plainBelow = 300
