package site

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"

	"github.com/disintegration/imaging"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"magz/fonts"
	"magz/internal/doc"
)

// The sharing kit: pictures to post where readers are (WhatsApp status,
// Instagram, Facebook): the cover at 1080×1350, and a 1080×1080 card per
// article, its headline over its photo with the masthead.
const (
	kitW, kitCoverH = 1080, 1350
	kitCard         = 1080
	kitMargin       = 64
)

// shareItem is a picture of the kit, from the issue's folder.
type shareItem struct{ Href, Label string }

// writeKit makes an issue's sharing kit (unless it is there from the last
// time with the same editions) and returns its pictures.
func writeKit(dir string, p *issuePage, key string, ph *photos) ([]shareItem, error) {
	kit := filepath.Join(dir, "share")
	var items []shareItem
	if p.Issue.Cover != nil {
		items = append(items, shareItem{Href: "share/cover.jpg", Label: p.Issue.Magazine + " " + p.Date})
	}
	for _, ap := range p.Pages {
		if figureOf(ap.Article) != nil {
			items = append(items, shareItem{Href: "share/" + ap.Article.Slug + ".jpg", Label: ap.Article.Title})
			ap.Image = p.Name + "/share/" + ap.Article.Slug + "-link.jpg" // its shared link's picture
		}
	}
	stamp := filepath.Join(kit, ".key")
	if old, err := os.ReadFile(stamp); err == nil && string(old) == key {
		return items, nil
	}
	if err := os.MkdirAll(kit, 0o755); err != nil {
		return nil, err
	}
	th := p.Issue.Theme.Or()
	face := func(size float64) (font.Face, error) {
		data, err := fonts.Data(th.Type.DisplayBlack)
		if err != nil {
			return nil, err
		}
		f, err := opentype.Parse(data)
		if err != nil {
			return nil, err
		}
		return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	}
	big, err := face(72)
	if err != nil {
		return nil, err
	}
	small, err := face(36)
	if err != nil {
		return nil, err
	}
	if cv := p.Issue.Cover; cv != nil {
		img, err := ph.open(cv.Image.Path)
		if err != nil {
			return nil, err
		}
		if err := saveJPEG(filepath.Join(kit, "cover.jpg"), imaging.Fill(img, kitW, kitCoverH, imaging.Center, imaging.Lanczos), kitQuality); err != nil {
			return nil, err
		}
	}
	for _, ap := range p.Pages {
		f := figureOf(ap.Article)
		if f == nil {
			continue
		}
		img, err := ph.open(f.Image.Path)
		if err != nil {
			return nil, err
		}
		if err := saveJPEG(filepath.Join(kit, ap.Article.Slug+"-link.jpg"), imaging.Fill(img, shareW, shareH, imaging.Center, imaging.Lanczos), coverQuality); err != nil {
			return nil, err
		}
		card := image.NewRGBA(image.Rect(0, 0, kitCard, kitCard))
		draw.Draw(card, card.Bounds(), imaging.Fill(img, kitCard, kitCard, imaging.Center, imaging.Lanczos), image.Point{}, draw.Src)
		// a band darkening towards the foot keeps the headline readable
		for y := kitCard / 2; y < kitCard; y++ {
			a := uint8(200 * (y - kitCard/2) / (kitCard / 2))
			draw.Draw(card, image.Rect(0, y, kitCard, y+1), image.NewUniform(color.RGBA{0, 0, 0, a}), image.Point{}, draw.Over)
		}
		draw.Draw(card, image.Rect(0, 0, kitCard, 96), image.NewUniform(color.RGBA{0, 0, 0, 150}), image.Point{}, draw.Over)
		write := func(s string, f font.Face, x, y int) {
			d := &font.Drawer{Dst: card, Src: image.NewUniform(color.White), Face: f, Dot: fixed.P(x, y)}
			d.DrawString(s)
		}
		write(p.Issue.Magazine, small, kitMargin, 62)
		lines := wrap(ap.Article.Title, big, kitCard-2*kitMargin)
		if len(lines) > 5 {
			lines = append(lines[:4], lines[4]+"…")
		}
		y := kitCard - kitMargin - (len(lines)-1)*84
		for _, l := range lines {
			write(l, big, kitMargin, y)
			y += 84
		}
		if err := saveJPEG(filepath.Join(kit, ap.Article.Slug+".jpg"), card, kitQuality); err != nil {
			return nil, err
		}
	}
	return items, os.WriteFile(stamp, []byte(key), 0o644)
}

// figureOf is an article's photo for its card: the opener photo, else its
// first figure.
func figureOf(a *doc.Article) *doc.Figure {
	if a.Hero != nil {
		return a.Hero
	}
	var first *doc.Figure
	doc.Walk(a.Blocks, func(b doc.Block) {
		if f, ok := b.(*doc.Figure); ok && first == nil {
			first = f
		}
	})
	return first
}

// wrap breaks s into lines no wider than w in face f.
func wrap(s string, f font.Face, w int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := strings.TrimSpace(line + " " + word)
		if line != "" && font.MeasureString(f, try).Ceil() > w {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	return append(lines, line)
}

// The JPEG qualities of the site's pictures: photos in articles (mobile
// data is dear), covers and link pictures, and the sharing kit (posted,
// and compressed again by the social sites).
const (
	photoQuality = 75
	coverQuality = 80
	kitQuality   = 85
)

// saveJPEG writes a picture as a JPEG of the given quality, making its
// folder when needed.
func saveJPEG(path string, img image.Image, quality int) error {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
