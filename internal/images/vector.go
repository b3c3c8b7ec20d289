package images

import (
	"bytes"
	"image"
	"os"

	"magz/internal/msg"
	"magz/internal/svg"
)

// Drawings. A logo may be an SVG drawing: the PDF editions draw its
// vectors (layout/pdf), and every rendition that needs pixels (the EPUB,
// the website, the page previews) is made from a picture of it drawn at
// vectorSide pixels on its long side, as if it were a photo that large:
// no resolution limit applies to it.
const vectorSide = 4000

// vectorSize is the size in pixels a drawing is treated as.
func vectorSize(a *svg.Art) (int, int) {
	w, h := a.ViewBox[2], a.ViewBox[3]
	if w >= h {
		return vectorSide, max(1, int((h*vectorSide+w/2)/w))
	}
	return max(1, int((w*vectorSide+h/2)/h)), vectorSide
}

// probeVector reads a drawing's size.
func probeVector(path string) (*Info, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, msg.Errorf("cannot be read: %v", err)
	}
	a, err := svg.Parse(data)
	if err != nil {
		return nil, msg.Errorf("is not a drawing magz can print: %v", err)
	}
	w, h := vectorSize(a)
	return &Info{Width: w, Height: h, Format: "svg", Orientation: 1, Model: "rgb", Alpha: true}, nil
}

// isVector tells whether a file is an SVG drawing: markup (not a JPEG's
// or a PNG's bytes) with an svg element near its start.
func isVector(data []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 1024)], []byte("\xef\xbb\xbf")), " \t\r\n")
	return bytes.HasPrefix(head, []byte("<")) && bytes.Contains(head, []byte("<svg"))
}

// rasterize draws an SVG drawing at its full size in pixels.
func rasterize(data []byte) (image.Image, error) {
	a, err := svg.Parse(data)
	if err != nil {
		return nil, msg.Errorf("is not a drawing magz can print: %v", err)
	}
	w, h := vectorSize(a)
	return a.Rasterize(w, h), nil
}
