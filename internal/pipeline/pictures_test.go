package pipeline

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"magz/internal/cache"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
	magzjpeg "magz/internal/jpeg"
	"magz/internal/synth"
	"magz/internal/testissue"
	"magz/internal/validate"
	"magz/layout/page"
)

// boatPhoto is a sea under a sky with a red boat where the test puts it.
func boatPhoto(t *testing.T, w, h int, boat image.Rectangle) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(m, image.Rect(0, 0, w, h*45/100), image.NewUniform(color.RGBA{0x8c, 0xc0, 0xe8, 255}), image.Point{}, draw.Src)
	draw.Draw(m, image.Rect(0, h*45/100, w, h), image.NewUniform(color.RGBA{0x1f, 0x5a, 0x8a, 255}), image.Point{}, draw.Src)
	draw.Draw(m, boat, image.NewUniform(color.RGBA{0xc8, 0x2a, 0x1e, 255}), image.Point{}, draw.Src)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFocusBeforeLayout: before layout, every photo without a written
// focus: gets the focal point found in it — the cover, an opener and a
// figure in the text — and the crops on the pages keep the subject; a
// written focus: is kept as written.
func TestFocusBeforeLayout(t *testing.T) {
	dir := t.TempDir()
	err := testissue.Write(dir, txtar.Parse([]byte(`-- issue.yaml --
magazine: Uji Fokus
number: 1
date: 2026-01-01
cover: {image: images/boat.jpg, alt: Perahu merah}
articles: [a, b]
-- articles/a.md --
---
title: Perahu di Teluk
image: ../images/boat.jpg
alt: Perahu merah di laut
---
Perahu itu berlabuh di ujung teluk.

![Perahu merah di laut](../images/boat.jpg "Perahu di teluk")

Nelayan pulang sore hari.
-- articles/b.md --
---
title: Laut Biru
image: ../images/sea.jpg
alt: Laut
focus: 0.2,0.3
---
Laut tenang pagi ini.
`)))
	if err != nil {
		t.Fatal(err)
	}
	// a wide photo, the boat low on the right: a centred crop to the
	// page's shape, or to a square, loses it
	W, H := 1800, 900
	boat := image.Rect(W*80/100, H*60/100, W*90/100, H*70/100)
	photo := boatPhoto(t, W, H, boat)
	os.MkdirAll(filepath.Join(dir, "images"), 0o755)
	for _, name := range []string{"boat.jpg", "sea.jpg"} {
		if err := os.WriteFile(filepath.Join(dir, "images", name), photo, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	diags := &diag.List{}
	c, _ := cache.Open("")
	iss, infos := prepare(t.Context(), dir, images.NewStore(c, magzjpeg.Fast), diags)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	onBoat := func(f [2]float64) bool {
		return image.Pt(int(f[0]*float64(W)), int(f[1]*float64(H))).In(boat.Inset(-W / 100))
	}
	for what, f := range map[string][2]float64{"cover": iss.Cover.Focus, "opener": iss.Articles[0].Hero.Focus} {
		if !onBoat(f) {
			t.Errorf("%s: focus %v is not on the boat %v", what, f, boat)
		}
	}
	if got := iss.Articles[1].Hero.Focus; got != [2]float64{0.2, 0.3} || !iss.Articles[1].Hero.FocusWritten {
		t.Errorf("written focus became %v", got)
	}
	model, err := compose(iss, infos, diags)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for pi, pg := range model.Pages {
		for _, it := range pg.Items {
			img, ok := it.(*page.Image)
			if !ok {
				continue
			}
			if img.Name == "images/sea.jpg" {
				continue // its written focus is kept (above); images.Crop's tests crop about it
			}
			n++
			keeps := int64(img.Crop[0])*int64(W) <= int64(boat.Min.X)*images.Whole && int64(img.Crop[2])*int64(W) >= int64(boat.Max.X)*images.Whole &&
				int64(img.Crop[1])*int64(H) <= int64(boat.Min.Y)*images.Whole && int64(img.Crop[3])*int64(H) >= int64(boat.Max.Y)*images.Whole
			if !keeps {
				t.Errorf("page %d: crop %v loses the boat %v", pi+1, img.Crop, boat)
			}
		}
	}
	if n < 3 {
		t.Errorf("the photo is placed %d times, want the cover, an opener and a figure", n)
	}
}

var picturesIssueDir = flag.String("pictures-issue", "", "also write the pictures test issue (testdata/pictures.txtar) into this folder, to build and look at")

// writePicturesIssue writes the pictures test issue and returns the
// issue's folder.
func writePicturesIssue(t *testing.T) string {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", "pictures.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if *picturesIssueDir != "" {
		root = *picturesIssueDir
	}
	if err := testissue.Write(root, a); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(root, "issues", "edisi-7")
}

func TestPicturesIssueWritten(t *testing.T) {
	if *picturesIssueDir == "" {
		t.Skip("-pictures-issue not given")
	}
	writePicturesIssue(t)
}

// boats reads where the pictures issue's synthetic photos have their
// boat: the images made by "synth:boat WxH X,Y", painted again here.
func boats(t *testing.T) map[string]image.Rectangle {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", "pictures.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]image.Rectangle{}
	for _, f := range a.Files {
		var w, h int
		var at [2]float64
		if _, err := fmt.Sscanf(strings.TrimSpace(string(f.Data)), "synth:boat %dx%d %g,%g", &w, &h, &at[0], &at[1]); err != nil {
			continue
		}
		_, r := synth.Boat(w, h, at, 0.12, int64(w*h))
		out[path.Base(f.Name)] = r
	}
	return out
}

// TestPicturesIssue builds the pictures test issue: no picture prints
// under doc.MinPPI (pdfimages -list on the print edition), the transparent
// logo keeps a soft mask (screen edition; the print edition's is the
// print plan's), no crop loses its boat, the tall screenshots are shown
// whole, the tiny photo is a thumbnail, and the photo used twice is a
// warning naming both places.
func TestPicturesIssue(t *testing.T) {
	dir := writePicturesIssue(t)
	out := t.TempDir()
	res, err := Run(t.Context(), dir, Options{Formats: AllFormats, OutDir: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	// what the website and the sharing kit crop with: the issue the build
	// returns carries the focal points found
	where := boats(t)
	f := res.Issue.Cover.Focus
	if b := where["sampul.jpg"]; !image.Pt(int(f[0]*2100), int(f[1]*2800)).In(b.Inset(-30)) {
		t.Errorf("the built issue's cover focus %v is not on the boat %v", f, b)
	}
	twice := false
	for _, w := range res.Warnings {
		if strings.Contains(w.Msg, "perahu-kiri.jpg is used twice") && strings.HasSuffix(w.Pos.Path, "05-galeri.md") &&
			strings.Contains(w.Msg, "01-laporan.md:6") {
			twice = true
		}
	}
	if !twice {
		t.Errorf("no warning of the photo used twice naming both places: %v", res.Warnings)
	}
	if validate.Required() || hasTool("pdfimages") {
		for _, im := range validate.PDFImagePPI(t, filepath.Join(out, FileName("edisi-7", Print))) {
			if im[1] < doc.MinPPI {
				t.Errorf("page %d: a picture prints at %d ppi", im[0], im[1])
			}
		}
		// the transparent logo keeps its transparency (a soft mask) on the
		// cover and the back cover of the screen edition
		masks := map[int]bool{}
		for _, im := range validate.PDFSoftMasks(t, filepath.Join(out, FileName("edisi-7", Screen))) {
			masks[im] = true
		}
		if !masks[1] || len(masks) < 2 {
			t.Errorf("the logo's soft masks are on pages %v, want the cover and the back cover", masks)
		}
	}
	// the page model: crops and sizes
	diags := &diag.List{}
	c, _ := cache.Open("")
	iss, infos := prepare(t.Context(), dir, images.NewStore(c, magzjpeg.Fast), diags)
	model, err := compose(iss, infos, diags)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for pi, pg := range model.Pages {
		for _, it := range pg.Items {
			img, ok := it.(*page.Image)
			if !ok {
				continue
			}
			name := path.Base(img.Name)
			seen[name]++
			in := infos[img.Source]
			if eff := int64(img.Crop[2]-img.Crop[0]) * int64(in.Width) * 72 * int64(page.Pt) / (images.Whole * int64(img.W)); eff < doc.MinPPI {
				t.Errorf("page %d: %s placed at %d ppi", pi+1, name, eff)
			}
			if b, ok := where[name]; ok && !cropHolds(img.Crop, in.Width, in.Height, b) {
				t.Errorf("page %d: %s cropped %v loses its boat %v", pi+1, name, img.Crop, b)
			}
			if strings.HasPrefix(name, "layar-") && (img.Crop[1] > 2000 || img.Crop[3] < images.Whole-2000) {
				t.Errorf("page %d: screenshot %s cropped %v: its title or its foot is lost", pi+1, name, img.Crop)
			}
			if name == "kecil.jpg" && img.W > 120*72*page.Pt/doc.MinPPI {
				t.Errorf("page %d: the 120-pixel photo is %v wide", pi+1, img.W)
			}
		}
	}
	for _, name := range []string{"sampul.jpg", "layar-1.png", "layar-2.png", "kecil.jpg", "perahu-kanan.jpg", "logo.png"} {
		if seen[name] == 0 {
			t.Errorf("%s is not placed", name)
		}
	}
}

// cropHolds tells whether a crop (millionths) of a w×h photo holds all of r.
func cropHolds(c [4]int, w, h int, r image.Rectangle) bool {
	return int64(c[0])*int64(w) <= int64(r.Min.X)*images.Whole && int64(c[2])*int64(w) >= int64(r.Max.X)*images.Whole &&
		int64(c[1])*int64(h) <= int64(r.Min.Y)*images.Whole && int64(c[3])*int64(h) >= int64(r.Max.Y)*images.Whole
}

func hasTool(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}
