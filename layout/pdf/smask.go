package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// Soft masks. A picture in the press's inks is a CMYK JPEG, which has no
// transparency; its alpha comes beside it as a greyscale PNG. fpdf
// cannot tie the two, so the drawer records the mask with the picture's
// bytes (fpdf writes a JPEG as it is), and the finishing step adds the
// mask as an image of its own (the PNG's image data as it is, with its
// predictor) and gives the picture its /SMask. A transparent logo then
// prints no white box.

// softMask is a picture (its bytes) and its mask: the PNG's image data,
// and its size.
type softMask struct {
	image []byte
	data  []byte
	w, h  int
}

// registerMask records the PNG mask of the picture whose bytes are data.
func (d *drawer) registerMask(data, mask []byte) error {
	idat, w, h, err := pngData(mask)
	if err != nil {
		return fmt.Errorf("the mask: %w", err)
	}
	d.masks = append(d.masks, softMask{image: data, data: idat, w: w, h: h})
	return nil
}

// pngData returns an 8-bit greyscale PNG's image data, its IDAT chunks
// joined, and its size.
func pngData(png []byte) ([]byte, int, int, error) {
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		return nil, 0, 0, fmt.Errorf("not a PNG")
	}
	var out []byte
	w, h := 0, 0
	for at := 8; at+12 <= len(png); {
		n := int(binary.BigEndian.Uint32(png[at:]))
		kind := string(png[at+4 : at+8])
		if n < 0 || at+12+n > len(png) {
			return nil, 0, 0, fmt.Errorf("a PNG chunk cut short")
		}
		body := png[at+8 : at+8+n]
		switch kind {
		case "IHDR":
			if n < 13 || body[8] != 8 || body[9] != 0 || body[12] != 0 {
				return nil, 0, 0, fmt.Errorf("a mask must be 8-bit grey, not interlaced")
			}
			w, h = int(binary.BigEndian.Uint32(body)), int(binary.BigEndian.Uint32(body[4:]))
		case "IDAT":
			out = append(out, body...)
		}
		at += 12 + n
	}
	if w == 0 || h == 0 || len(out) == 0 {
		return nil, 0, 0, fmt.Errorf("a PNG without its image")
	}
	return out, w, h, nil
}

// linkMasks adds each mask and gives its picture the /SMask.
func linkMasks(r *rewrite, resources []int, masks []softMask) error {
	if len(masks) == 0 {
		return nil
	}
	src := r.src
	// the pictures on the pages, each with the bytes it is written with
	type shown struct {
		o    *object
		data []byte
	}
	var pictures []shown
	seen := map[int]bool{}
	for _, n := range resources {
		res, err := src.dict(n)
		if err != nil {
			return err
		}
		xo := res.dict("XObject")
		if xo == nil {
			continue
		}
		for _, e := range xo.entries {
			x, ok := e.val.(ref)
			if !ok || seen[x.num] {
				continue
			}
			seen[x.num] = true
			if p := src.pictures[x.num]; p != nil {
				// its dictionary is written from there
				pictures = append(pictures, shown{p.o, p.data})
				continue
			}
			o, err := src.object(x.num)
			if err != nil {
				return err
			}
			if o.dict().name("Subtype") == "Image" {
				pictures = append(pictures, shown{o, o.stream})
			}
		}
	}
	done := map[int]bool{}
	for _, m := range masks {
		var o *object
		for _, p := range pictures {
			if bytes.Equal(p.data, m.image) {
				o = p.o
				break
			}
		}
		if o == nil {
			return fmt.Errorf("finishing the PDF: a masked picture is missing")
		}
		if done[o.num] {
			continue
		}
		done[o.num] = true
		mask := r.add(stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms <</Predictor 15 /Colors 1 /BitsPerComponent 8 /Columns %d>>",
			m.w, m.h, m.w), m.data))
		o.dict().set("SMask", ref{mask, 0})
		if src.pictures[o.num] == nil {
			r.replace(o.num, o.bytes())
		}
	}
	return nil
}
