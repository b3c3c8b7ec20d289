package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"github.com/go-pdf/fpdf"
)

// Soft masks. A picture in the press's inks is a CMYK JPEG, which has no
// transparency; its alpha comes beside it as a greyscale PNG. fpdf draws
// each as an image of its own and cannot tie them, so the drawer
// registers the mask too and records the pair by their bytes (fpdf
// writes a JPEG as it is and a grey PNG's image data as it is), and the
// finishing step gives the picture its /SMask and takes the mask out of
// the page resources. A transparent logo then prints no white box.

// softMask pairs a picture's stream with its mask's, by their SHA-256.
type softMask struct{ image, mask [32]byte }

// registerMask registers the PNG mask of the picture whose bytes are data.
func (d *drawer) registerMask(data, mask []byte, key string) error {
	idat, err := pngData(mask)
	if err != nil {
		return fmt.Errorf("the mask: %w", err)
	}
	d.f.RegisterImageOptionsReader("mask"+key, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(mask))
	if err := d.f.Error(); err != nil {
		return fmt.Errorf("the mask: %w", err)
	}
	d.masks = append(d.masks, softMask{image: sha256.Sum256(data), mask: sha256.Sum256(idat)})
	return nil
}

// pngData returns a greyscale PNG's image data, its IDAT chunks joined,
// as fpdf embeds it.
func pngData(png []byte) ([]byte, error) {
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		return nil, fmt.Errorf("not a PNG")
	}
	var out []byte
	for at := 8; at+12 <= len(png); {
		n := int(binary.BigEndian.Uint32(png[at:]))
		kind := string(png[at+4 : at+8])
		if n < 0 || at+12+n > len(png) {
			return nil, fmt.Errorf("a PNG chunk cut short")
		}
		switch kind {
		case "IHDR":
			if n < 13 || png[at+8+9] != 0 || png[at+8+8] != 8 {
				return nil, fmt.Errorf("a mask must be 8-bit grey")
			}
		case "IDAT":
			out = append(out, png[at+8:at+8+n]...)
		}
		at += 12 + n
	}
	return out, nil
}

// linkMasks gives each masked picture its /SMask, and returns the masks
// (by object number) for the resources to leave out.
func linkMasks(r *rewrite, resources []int, masks []softMask) (map[int]bool, error) {
	isMask := map[int]bool{}
	if len(masks) == 0 {
		return isMask, nil
	}
	src := r.src
	byHash := map[[32]byte]int{}
	imageOf := map[int]*object{}
	for _, n := range resources {
		res, err := src.dict(n)
		if err != nil {
			return nil, err
		}
		xo := res.dict("XObject")
		if xo == nil {
			continue
		}
		for _, e := range xo.entries {
			x, ok := e.val.(ref)
			if !ok || imageOf[x.num] != nil {
				continue
			}
			o, err := src.object(x.num)
			if err != nil {
				return nil, err
			}
			if o.dict().name("Subtype") != "Image" {
				continue
			}
			imageOf[x.num] = o
			byHash[sha256.Sum256(o.stream)] = x.num
		}
	}
	for _, m := range masks {
		img, ok1 := byHash[m.image]
		mask, ok2 := byHash[m.mask]
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("finishing the PDF: a picture or its mask is missing")
		}
		o := imageOf[img]
		o.dict().set("SMask", ref{mask, 0})
		r.replace(img, o.bytes())
		isMask[mask] = true
	}
	return isMask, nil
}

// withoutMasks takes the masks out of a resource dictionary's XObjects.
func withoutMasks(res *dict, isMask map[int]bool) {
	xo := res.dict("XObject")
	if xo == nil || len(isMask) == 0 {
		return
	}
	kept := xo.entries[:0:0]
	for _, e := range xo.entries {
		if x, ok := e.val.(ref); ok && isMask[x.num] {
			continue
		}
		kept = append(kept, e)
	}
	xo.entries = kept
}
