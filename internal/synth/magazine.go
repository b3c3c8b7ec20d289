package synth

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"magz/fonts"
)

// MagazineSpec describes a synthetic magazine of many issues, for the
// website's tests and checks: what a regency's office has after a few
// years — a transparent logo, articles with and without photos, a wide
// table, sections and authors that recur across issues.
type MagazineSpec struct {
	Issues int   // issues, one a month from January 2025
	Photo  int   // the photos' width in pixels (their height is 2/3 of it)
	Seed   int64 // the text's and photos' randomness
}

// The articles of every issue, in order: a section, whether it has a
// photo (and an opener photo), and what else it has.
var magazineArticles = []struct {
	section    string
	hero, figs bool
	table      bool
}{
	{"Tajuk", false, false, false},
	{"Laporan Utama", true, true, false},
	{"Wawancara", true, false, false},
	{"Data", false, false, true},
	{"Kesehatan", true, false, false},
	{"Kolom", false, false, false},
}

var magazineAuthors = []string{"Maria Wenda", "Yohanes Kogoya", "Ester Rumbiak", "Agustina Wakerkwa", "Daniel Asso", "Ruth Yikwa", "Samuel Yoman", "Paulina Mirin"}

// WriteMagazine writes a magazine folder: magazine.yaml (with a PNG
// logo whose background is transparent) and issues/issue-1 … issue-N.
// Photos already there are kept.
func WriteMagazine(dir string, spec MagazineSpec) error {
	if err := os.MkdirAll(filepath.Join(dir, "issues"), 0o755); err != nil {
		return err
	}
	logo, err := transparentLogo("Warta Lembah", 1200, 240)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), logo, 0o644); err != nil {
		return err
	}
	yaml := "magazine: Warta Lembah\npublisher: Dinas Komunikasi dan Informatika Kabupaten Lembah Hijau\nlanguage: id\n" +
		"trim: 210x280mm\ntheme:\n  masthead:\n    logo: logo.png\n    alt: Warta Lembah\n"
	if err := os.WriteFile(filepath.Join(dir, "magazine.yaml"), []byte(yaml), 0o644); err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(spec.Seed))
	for n := 1; n <= spec.Issues; n++ {
		if err := writeMagazineIssue(filepath.Join(dir, "issues", fmt.Sprintf("issue-%d", n)), n, spec, rng); err != nil {
			return err
		}
	}
	return nil
}

func writeMagazineIssue(dir string, n int, spec MagazineSpec, rng *rand.Rand) error {
	for _, sub := range []string{"articles", "images"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	date := fmt.Sprintf("%d-%02d-15", 2025+(n-1)/12, (n-1)%12+1)
	title := strings.TrimSuffix(Text(rng, 4), ".")
	yaml := fmt.Sprintf("number: %d\ndate: %s\ntitle: %s\ncover:\n  image: images/sampul.jpg\n  alt: %s\n  credit: Tim Foto\n  focus: 0.5,0.4\n",
		n, date, title, strings.TrimSuffix(Text(rng, 7), "."))
	if err := os.WriteFile(filepath.Join(dir, "issue.yaml"), []byte(yaml), 0o644); err != nil {
		return err
	}
	photo := func(name string, scene Scene, seed int64) error {
		p := filepath.Join(dir, "images", name)
		if _, err := os.Stat(p); err == nil {
			return nil
		}
		w := spec.Photo
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, Photo(scene, w, w*2/3, seed, 6), &jpeg.Options{Quality: 85}); err != nil {
			return err
		}
		return os.WriteFile(p, buf.Bytes(), 0o644)
	}
	if err := photo("sampul.jpg", Scene(n%5), spec.Seed*1000+int64(n)); err != nil {
		return err
	}
	for i, a := range magazineArticles {
		var b strings.Builder
		author := magazineAuthors[(n+i)%len(magazineAuthors)]
		if i == 1 {
			author += " dan " + magazineAuthors[(n+i+3)%len(magazineAuthors)]
		}
		fmt.Fprintf(&b, "---\ntitle: %s\nsection: %s\nauthor: %s\n", strings.TrimSuffix(Text(rng, 3+rng.Intn(6)), "."), a.section, author)
		if i != 0 {
			fmt.Fprintf(&b, "subtitle: %s\n", Text(rng, 14))
		}
		name := fmt.Sprintf("foto-%d.jpg", i)
		if a.hero {
			if err := photo(name, Scene((n+i)%5), spec.Seed*1000+int64(n*10+i)); err != nil {
				return err
			}
			fmt.Fprintf(&b, "image: ../images/%s\nalt: %s\ncaption: %s\ncredit: Tim Foto\n", name, Text(rng, 6), Text(rng, 9))
		}
		b.WriteString("---\n\n")
		for p := 0; p < 5; p++ {
			b.WriteString(Text(rng, 60+rng.Intn(40)) + "\n\n")
			if p == 2 {
				b.WriteString("## " + strings.TrimSuffix(Text(rng, 3), ".") + "\n\n")
			}
			if p == 1 && a.figs {
				fig := fmt.Sprintf("foto-%d-b.jpg", i)
				if err := photo(fig, Scene((n+i+2)%5), spec.Seed*1000+int64(n*10+i)+500); err != nil {
					return err
				}
				fmt.Fprintf(&b, "![%s](../images/%s \"%s | Tim Foto\")\n\n", Text(rng, 5), fig, Text(rng, 8))
			}
			if p == 1 && a.table {
				b.WriteString(wideTable(rng))
			}
		}
		file := fmt.Sprintf("%02d-%s.md", i+1, strings.ToLower(strings.ReplaceAll(a.section, " ", "-")))
		if err := os.WriteFile(filepath.Join(dir, "articles", file), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// wideTable is a table of six columns of figures by district: wider than
// a phone.
func wideTable(rng *rand.Rand) string {
	var b strings.Builder
	b.WriteString("| Distrik | Penduduk | Sekolah | Puskesmas | Jalan (km) | Anggaran (juta rupiah) |\n|---|---:|---:|---:|---:|---:|\n")
	for _, d := range []string{"Wamena Kota", "Asolokobal", "Kurulu", "Hubikosi", "Pelebaga", "Musatfak"} {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", d, 4000+rng.Intn(30000), 3+rng.Intn(20), 1+rng.Intn(3), 10+rng.Intn(90), 500+rng.Intn(9000))
	}
	return b.String() + "\n"
}

// transparentLogo draws a masthead logo: the name in the bundled black
// face, deep blue, with a rule under it, on a transparent background.
func transparentLogo(name string, w, h int) ([]byte, error) {
	data, err := fonts.Data(fonts.SansBlack)
	if err != nil {
		return nil, err
	}
	ot, err := opentype.Parse(data)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(ot, &opentype.FaceOptions{Size: float64(h) * 0.62, DPI: 72})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	ink := color.NRGBA{0x12, 0x3a, 0x5c, 255}
	d := &font.Drawer{Dst: img, Src: image.NewUniform(ink), Face: face, Dot: fixed.P(h/10, h*68/100)}
	d.DrawString(name)
	end := d.Dot.X.Ceil()
	draw.Draw(img, image.Rect(h/10, h*80/100, end, h*88/100), image.NewUniform(color.NRGBA{0xd9, 0x6c, 0x2c, 255}), image.Point{}, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
