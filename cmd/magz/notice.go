package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"magz/fonts"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/msg"
	"magz/internal/reader"
	"magz/layout"
)

// The example notice magz new paints: a full-page public-service notice,
// made to the shape of the full-page slot (its trim and bleed, at
// 210 ppi, read back from the issue just written, so a magazine's own trim
// and bleed are honoured), that says what it is and how to make a real one.
// It shows editors the planned material that fills a magazine's pages.

// noticeFile is the example notice's file in the images folder.
const noticeFile = "contoh-iklan.png"

// noticeWords are the example notice's title and text, by language.
var noticeWords = map[string][2]string{
	"id": {"Ruang untuk Iklan Layanan Masyarakat",
		"Ini contoh iklan satu halaman penuh. Buat iklan Anda berukuran %d × %d piksel (300 ppi), termasuk %d mm bleed di setiap sisi, simpan di folder images, lalu tulis namanya di planned: pada issue.yaml."},
	"en": {"Room for a Public Service Notice",
		"This is an example of a full-page notice. Make yours %d × %d pixels (300 ppi), with %d mm of bleed on every side, save it in the images folder, and name it under planned: in issue.yaml."},
}

// writeNotice paints the example notice of the issue in dir.
func writeNotice(dir, lang string) error {
	iss := reader.Read(dir, &diag.List{})
	if iss == nil {
		return msg.Errorf("the new issue could not be read back")
	}
	slot := layout.AdSlot(iss, doc.AdFull)
	px := func(l layout.Length, ppi int64) int { return int((int64(l)*ppi + 36000) / 72000) }
	// painted at 210 ppi, a little over the least a picture prints at without a
	// warning (quick to paint and to separate); the text asks for 300
	w, h := px(slot.W, 210), px(slot.H, 210)
	words, ok := noticeWords[lang]
	if !ok {
		words = noticeWords["id"]
	}
	bleedMM := int((int64(slot.Bleed)*254 + 360000) / 720000)
	img, err := paintNotice(w, h, px(slot.Bleed, 210), words[0], fmt.Sprintf(words[1], px(slot.W, 300), px(slot.H, 300), bleedMM))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "images", noticeFile), buf.Bytes(), 0o644)
}

// paintNotice draws a w×h notice: a deep field, a bar of colour, the
// title large and the text below it, kept inside the bleed and a margin.
func paintNotice(w, h, bleed int, title, text string) (*image.Paletted, error) {
	deep := color.RGBA{0x0f, 0x4c, 0x5c, 255}
	accent := color.RGBA{0xf2, 0xb1, 0x34, 255}
	paper := color.RGBA{0xff, 0xff, 0xff, 255}
	img := image.NewPaletted(image.Rect(0, 0, w, h), notePalette(deep, accent, paper))
	draw.Draw(img, img.Bounds(), image.NewUniform(deep), image.Point{}, draw.Src)
	margin := bleed + w/10
	y := bleed + h/6
	draw.Draw(img, image.Rect(margin, y, margin+w/6, y+h/90), image.NewUniform(accent), image.Point{}, draw.Src)
	y += h / 18
	for _, part := range []struct {
		face    fonts.Face
		size    int
		leading int
		text    string
	}{
		{fonts.SansBlack, w / 11, w * 12 / 100, title},
		{fonts.Sans, w / 28, w * 47 / 1000, text},
	} {
		f, err := noticeFace(part.face, part.size)
		if err != nil {
			return nil, err
		}
		d := &font.Drawer{Dst: img, Src: image.NewUniform(paper), Face: f}
		for _, line := range wrap(d, part.text, w-2*margin) {
			y += part.leading
			d.Dot = fixed.P(margin, y)
			d.DrawString(line)
		}
		f.Close()
		y += part.leading
	}
	return img, nil
}

// notePalette is the notice's palette: its three colours and the steps
// between the text's colour and the field's, for the edges of letters.
func notePalette(deep, accent, paper color.RGBA) color.Palette {
	p := color.Palette{deep, accent}
	for i := 1; i <= 32; i++ {
		mix := func(a, b uint8) uint8 { return uint8((int(a)*(32-i) + int(b)*i) / 32) }
		p = append(p, color.RGBA{mix(deep.R, paper.R), mix(deep.G, paper.G), mix(deep.B, paper.B), 255})
	}
	return p
}

// noticeFace opens a bundled face at px pixels.
func noticeFace(f fonts.Face, px int) (font.Face, error) {
	data, err := fonts.Data(f)
	if err != nil {
		return nil, err
	}
	ot, err := opentype.Parse(data)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(ot, &opentype.FaceOptions{Size: float64(px), DPI: 72, Hinting: font.HintingNone})
}

// wrap breaks text into lines no wider than width.
func wrap(d *font.Drawer, text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		try := strings.TrimSpace(line + " " + word)
		if line != "" && d.MeasureString(try).Ceil() > width {
			lines = append(lines, line)
			try = word
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
