package site

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/draw"
	"image/png"
	"strings"
	"unicode"

	"github.com/disintegration/imaging"

	"magz/internal/images"
)

// The magazine's marks on the site: its logo in the pages' header, and
// the icons browsers and phones show for the site (the tab, a bookmark,
// a home-screen shortcut), made from the logo when it is nearly square,
// else from the masthead's initials in the magazine's colours.

// logoHeight is the header logo's height in CSS pixels; its picture has
// twice as many, for 2× screens.
const logoHeight = 48

// icons are the site's icon files, from its root.
type icons struct {
	Favicon, Small, Touch, Large, Huge string
}

var iconSizes = []int{32, 180, 192, 512}

// siteMarks asks for the header logo and the icons, into the site's root.
func (s *siteData) siteMarks(root *pictures, ts *typeset) (*picture, icons) {
	latest := s.latest
	var logo *picture
	var logoReq images.Request
	var square bool
	if l := latest.Logo; l != nil {
		if in := root.info(l.Image); in != nil {
			w, h := fitBox(in.Width, in.Height, 8*2*logoHeight, 2*logoHeight)
			logoReq = images.Request{Path: l.Image.Path, Crop: whole, W: w, H: h, Encoding: images.PNG}
			name := "logo.png"
			root.add(&pictureJob{names: []string{name}, key: hash(sourceID(l.Image.Path), logoReq), reqs: []images.Request{logoReq},
				make: func(got map[images.Request]images.Result) ([][]byte, error) { return [][]byte{got[logoReq].Data}, nil }})
			alt := l.Alt
			if alt == "" {
				alt = s.Magazine
			}
			logo = &picture{Src: name, W: (w + 1) / 2, H: (h + 1) / 2, Alt: alt}
			square = in.Width*10 <= in.Height*14
			if square {
				logoReq = images.Request{Path: l.Image.Path, Crop: whole, Encoding: images.PNG}
				logoReq.W, logoReq.H = fitBox(in.Width, in.Height, 420, 420)
			}
		}
	}
	ic := icons{Favicon: "favicon.ico", Small: "icon-32.png", Touch: "icon-180.png", Large: "icon-192.png", Huge: "icon-512.png"}
	names := []string{ic.Favicon, ic.Small, ic.Touch, ic.Large, ic.Huge}
	th := s.Theme
	job := &pictureJob{names: names, key: hash("icons", s.Magazine, th.Deep, th.Paper, th.Type.DisplayBlack)}
	if square {
		job.reqs = []images.Request{logoReq}
		job.key = hash("icons", sourceID(latest.Logo.Image.Path), logoReq, th.Paper)
	}
	job.make = func(got map[images.Request]images.Result) ([][]byte, error) {
		var mark image.Image
		if square {
			m, _, err := image.Decode(bytes.NewReader(got[logoReq].Data))
			if err != nil {
				return nil, err
			}
			mark = m
		}
		big, err := s.drawIcon(ts, mark)
		if err != nil {
			return nil, err
		}
		var out [][]byte
		for _, n := range iconSizes {
			out = append(out, encodePNG(imaging.Resize(big, n, n, imaging.Lanczos)))
		}
		return append([][]byte{ico(out[0], 32)}, out...), nil
	}
	root.add(job)
	return logo, ic
}

// drawIcon draws the 512-pixel icon: the logo on the paper with a margin,
// or the initials in paper on the deep colour.
func (s *siteData) drawIcon(ts *typeset, logo image.Image) (*image.NRGBA, error) {
	const n = 512
	th := s.Theme
	icon := image.NewNRGBA(image.Rect(0, 0, n, n))
	if logo != nil {
		draw.Draw(icon, icon.Bounds(), image.NewUniform(rgb(th.Paper)), image.Point{}, draw.Src)
		b := logo.Bounds()
		at := image.Pt((n-b.Dx())/2, (n-b.Dy())/2)
		draw.Draw(icon, image.Rectangle{at, at.Add(b.Size())}, logo, b.Min, draw.Over)
		return icon, nil
	}
	draw.Draw(icon, icon.Bounds(), image.NewUniform(rgb(th.Deep)), image.Point{}, draw.Src)
	text := initials(s.Magazine)
	px := 300
	if len([]rune(text)) > 1 {
		px = 240
	}
	f, err := ts.face(th.Type.DisplayBlack, px)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	canvas := image.NewRGBA(icon.Bounds())
	draw.Draw(canvas, canvas.Bounds(), icon, image.Point{}, draw.Src)
	w := measurer(f)(text)
	m := f.Metrics()
	if err := f.draw(canvas, rgb(th.Paper), (n-w)/2, (n+w)/2, (n+m.CapHeight.Ceil())/2, text); err != nil {
		return nil, err
	}
	draw.Draw(icon, icon.Bounds(), canvas, image.Point{}, draw.Src)
	return icon, nil
}

// initials are the first letters of a masthead's first two words.
func initials(name string) string {
	var out []rune
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if len(r) > 0 && (unicode.IsLetter(r[0]) || unicode.IsDigit(r[0])) {
			out = append(out, unicode.ToUpper(r[0]))
		}
		if len(out) == 2 {
			break
		}
	}
	if len(out) == 0 {
		return "M"
	}
	return string(out)
}

func encodePNG(m image.Image) []byte {
	var buf bytes.Buffer
	(&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, m) // into memory: cannot fail
	return buf.Bytes()
}

// ico wraps a PNG of n×n pixels in an ICO file, which browsers ask for
// at /favicon.ico whatever the page says.
func ico(pngData []byte, n int) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, [3]uint16{0, 1, 1})
	b.Write([]byte{byte(n), byte(n), 0, 0})
	binary.Write(&b, binary.LittleEndian, [2]uint16{1, 32})
	binary.Write(&b, binary.LittleEndian, [2]uint32{uint32(len(pngData)), 22})
	b.Write(pngData)
	return b.Bytes()
}
