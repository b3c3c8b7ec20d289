package pipeline

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"magz/internal/validate"
	"magz/layout/pdf"
)

// sourcesArchive is an issue whose photos come in every colour a print
// shop meets (see its head).
//
//go:embed testdata/sources.txtar
var sourcesArchive string

var (
	// sourcesEditions is that issue's print edition.
	sourcesEditions = &fixture{name: "sources", archive: sourcesArchive, opt: Options{Formats: []Format{Print}, Version: "test"}}
	// telukPrint is the second example's print edition (uncoated paper).
	telukPrint = &fixture{name: "teluk-print", dir: "../../docs/examples/suara-teluk/issues/issue-1", opt: Options{Formats: []Format{Print}, Version: "test"}}
)

// pdfImageColours lists the colour space of each image pdfimages finds
// in a PDF (rgb, cmyk, gray, icc, …).
func pdfImageColours(t *testing.T, file string) []string {
	t.Helper()
	needTool(t, "pdfimages")
	out, err := exec.Command("pdfimages", "-list", file).Output()
	if err != nil {
		t.Fatalf("pdfimages %s: %v", file, err)
	}
	var cs []string
	for i, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if f := strings.Fields(l); i >= 2 && len(f) > 5 && f[2] == "image" {
			cs = append(cs, f[5])
		}
	}
	return cs
}

// needTool skips the test when a tool is missing, or fails it when the
// validators are required.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if validate.Required() {
			t.Fatalf("%s is required (MAGZ_REQUIRE_VALIDATORS=1) but not installed", name)
		}
		t.Skipf("%s not installed", name)
	}
}

// inkWays are the ways a RIP may separate a file: with the file's own
// output profile, with and without black point compensation, and with
// Ghostscript's own default profiles.
var inkWays = []struct {
	name    string
	profile bool
	args    []string
}{
	{"output profile, black point compensation", true, nil},
	{"output profile, no black point compensation", true, []string{"-dBlackPtComp=0"}},
	{"the RIP's default profiles", false, nil},
}

// maxTotalInk renders a print PDF within its bleed box with Ghostscript
// and returns the most ink (C+M+Y+K, percent) of any pixel.
func maxTotalInk(t *testing.T, file, profile string, args []string, dpi int) float64 {
	t.Helper()
	needTool(t, "gs")
	dir := t.TempDir()
	all := []string{"-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dUseBleedBox", "-sDEVICE=pamcmyk32", fmt.Sprintf("-r%d", dpi)}
	if profile != "" {
		all = append(all, "-sOutputICCProfile="+profile, "-sDefaultCMYKProfile="+profile)
	}
	all = append(append(all, args...), "-o", filepath.Join(dir, "p%03d.pam"), file)
	if out, err := exec.Command("gs", all...).CombinedOutput(); err != nil {
		t.Fatalf("gs %s: %v\n%s", file, err, out)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "p*.pam"))
	most := 0
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		end := bytes.Index(b, []byte("ENDHDR\n"))
		for i := end + 7; i+3 < len(b); i += 4 {
			most = max(most, int(b[i])+int(b[i+1])+int(b[i+2])+int(b[i+3]))
		}
	}
	return float64(most) * 100 / 255
}

// checkSeparated: the print edition holds only CMYK and grey images, and
// its total ink stays within the limit however the RIP separates it (the
// ways given: each is a Ghostscript run over every page).
func checkSeparated(t *testing.T, file string, profile []byte, limit int, ways []int) {
	t.Helper()
	for i, cs := range pdfImageColours(t, file) {
		if cs != "cmyk" && cs != "gray" {
			t.Errorf("%s: image %d is %s, not CMYK or grey", filepath.Base(file), i, cs)
		}
	}
	prof := filepath.Join(t.TempDir(), "output.icc")
	if err := os.WriteFile(prof, profile, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, i := range ways {
		way := inkWays[i]
		p := ""
		if way.profile {
			p = prof
		}
		ink := maxTotalInk(t, file, p, way.args, 40)
		if ink > float64(limit) {
			t.Errorf("%s, %s: %.1f %% of ink, over the limit of %d %%", filepath.Base(file), way.name, ink, limit)
		}
		t.Logf("%s, %s: at most %.1f %% of ink (limit %d %%)", filepath.Base(file), way.name, ink, limit)
	}
}

// TestPrintSeparated: photos of every kind (RGB, 16-bit, grey, CMYK within
// and over the limit, transparent), the sample issue and the second
// example (uncoated) are separated at build time. The sources issue is
// separated by Ghostscript all three ways; the others without black point
// compensation, the way that took the second example over its limit
// (with nothing but CMYK and grey in the files, the three give the same).
func TestPrintSeparated(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f    *fixture
		ways []int
	}{{sourcesEditions, []int{0, 1, 2}}, {sampleEditions, []int{1}}, {telukPrint, []int{1}}} {
		ed := tc.f.get(t)
		pr, err := pressFor(ed.res.Issue.Print)
		if err != nil {
			t.Fatal(err)
		}
		checkSeparated(t, ed.file(Print), pr.intent.Profile, pr.inkLimit, tc.ways)
	}
}

// TestHandoffMeasured: the hand-off sheet says what the file holds — the
// photos' inks as pdfimages counts them.
func TestHandoffMeasured(t *testing.T) {
	t.Parallel()
	ed := sourcesEditions.get(t)
	sheet, err := os.ReadFile(ed.res.Handoff)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	seen := map[string]bool{}
	out, _ := exec.Command("pdfimages", "-list", ed.file(Print)).Output()
	for _, l := range strings.Split(string(out), "\n")[2:] {
		// one count per image object, however often it is placed
		if f := strings.Fields(l); len(f) > 11 && !seen[f[2]+f[10]] {
			seen[f[2]+f[10]] = true
			counts[f[5]]++
			if f[2] == "smask" {
				counts["smask"]++
				counts[f[5]]--
			}
		}
	}
	if len(pdfImageColours(t, ed.file(Print))) == 0 {
		t.Fatal("no images in the print edition")
	}
	want := fmt.Sprintf("%d pictures in CMYK, %d greyscale in black ink alone, %d with a soft mask", counts["cmyk"], counts["gray"], counts["smask"])
	if !strings.Contains(string(sheet), want) {
		t.Errorf("the sheet does not say %q:\n%s", want, sheet)
	}
	// what pdfimages and the content streams say, the sheet says
	texts, rules := checkSmallInks(t, ed.file(Print))
	for _, want := range []string{
		"under 12 pt, each in black ink alone or in one process ink with black",
		fmt.Sprintf("Rules               %d under 0.5 pt, in black ink alone", rules),
	} {
		if !strings.Contains(string(sheet), want) {
			t.Errorf("the sheet does not say %q:\n%s", want, sheet)
		}
	}
	if m := regexp.MustCompile(`(\d+) under 12 pt`).FindSubmatch(sheet); m == nil || string(m[1]) != strconv.Itoa(texts) {
		t.Errorf("the sheet counts other small text than the content streams hold (%d):\n%s", texts, sheet)
	}
	m := regexp.MustCompile(`at most ([0-9.]+) % in the pictures`).FindSubmatch(sheet)
	if m == nil {
		t.Fatalf("the sheet gives no photo ink:\n%s", sheet)
	}
	if ink, _ := strconv.ParseFloat(string(m[1]), 64); ink > 300 || ink < 150 {
		t.Errorf("the sheet says the photos put down at most %.1f %%", ink)
	}
}

// TestLowResolutionFails: a photo under 150 ppi where it is placed fails
// the print build, naming the photo and its resolution; print: min_ppi:
// lowers the bar on purpose (a warning remains). The layout places a
// small figure small enough; a cover takes the whole page whatever its
// pixels, so a cover of 210 × 280 pixels is about 24 ppi.
func TestLowResolutionFails(t *testing.T) {
	t.Parallel()
	const archive = `-- issue.yaml --
magazine: Kabar Kecil
title: Foto Kecil
number: 1
date: 2026-05-01
language: id
cover:
  image: images/kecil.jpg
  alt: Foto sampul yang terlalu kecil
  credit: Tim Uji
-- images/kecil.jpg --
synth:jpeg 210x280
-- articles/satu.md --
---
title: Foto yang terlalu kecil
author: Tim Uji
---

Sebuah paragraf tanpa foto.
`
	dir := writeIssue(t, archive)
	_, err := Run(context.Background(), dir, Options{Formats: []Format{Print}, OutDir: t.TempDir(), CacheDir: photoCache(t)})
	if err == nil {
		t.Fatal("a 24 ppi photo built")
	}
	m := regexp.MustCompile(`photo images/kecil\.jpg is (\d+) ppi where it is placed in the print edition`).FindStringSubmatch(err.Error())
	if m == nil {
		t.Fatalf("the error does not name the photo and its resolution: %v", err)
	}
	if ppi, _ := strconv.Atoi(m[1]); ppi < 20 || ppi > 30 {
		t.Fatalf("the photo is said to be %d ppi", ppi)
	}
	// the screen edition has no such bar
	if _, err := Run(context.Background(), dir, Options{Formats: []Format{Screen}, OutDir: t.TempDir(), CacheDir: photoCache(t)}); err != nil {
		t.Errorf("the screen edition failed: %v", err)
	}
	low := writeIssue(t, strings.Replace(archive, "language: id\n", "language: id\nprint:\n  min_ppi: "+m[1]+"\n", 1))
	res, err := Run(context.Background(), low, Options{Formats: []Format{Print}, OutDir: t.TempDir(), CacheDir: photoCache(t)})
	if err != nil {
		t.Fatalf("with min_ppi: %s the build failed: %v", m[1], err)
	}
	warned := false
	for _, w := range res.Warnings {
		warned = warned || strings.Contains(w.Msg, "low resolution for print")
	}
	if !warned {
		t.Error("a photo let through by min_ppi is not warned of")
	}
}

// TestColourRGB: print: colour: rgb keeps photos sRGB for a RIP that
// separates them.
func TestColourRGB(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, withPrint(awkward, "  colour: rgb\n"))
	out := t.TempDir()
	res, err := Run(context.Background(), dir, Options{Formats: []Format{Print}, OutDir: out, CacheDir: photoCache(t)})
	if err != nil {
		t.Fatal(err)
	}
	rgb := 0
	for _, cs := range pdfImageColours(t, filepath.Join(out, FileName(res.Issue.Name, Print))) {
		if cs == "icc" || cs == "rgb" {
			rgb++
		}
	}
	if rgb == 0 {
		t.Error("colour: rgb left no photo in RGB")
	}
	sheet, _ := os.ReadFile(res.Handoff)
	if !strings.Contains(string(sheet), "print: colour: rgb") {
		t.Errorf("the sheet does not say the photos are sRGB:\n%s", sheet)
	}
}

var (
	fontSize   = regexp.MustCompile(`/\S+ ([0-9.]+) Tf`)
	lineWidth  = regexp.MustCompile(`^([0-9.]+) w$`)
	strokeCMYK = regexp.MustCompile(`^([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+) K$`)
	strokeLine = regexp.MustCompile(` (l|re) S$|^S$`)
)

// chromaticInks counts the inks other than black among parsed c, m, y.
func chromaticInks(m []string) int {
	n := 0
	for _, v := range m[1:4] {
		if f, _ := strconv.ParseFloat(v, 64); f > 0 {
			n++
		}
	}
	return n
}

// checkSmallInks: no text under 12 pt and no rule under 0.5 pt of a
// print edition uses more than one ink besides black; returns how many
// small text runs and thin rules it saw.
func checkSmallInks(t *testing.T, file string) (texts, rules int) {
	t.Helper()
	for pi, content := range validate.PDFContent(t, file) {
		size, width := 0.0, 0.0
		var fill, stroke []string
		for _, line := range strings.Split(content, "\n") {
			switch {
			case fontSize.MatchString(line):
				size, _ = strconv.ParseFloat(fontSize.FindStringSubmatch(line)[1], 64)
			case fillCMYK.MatchString(line):
				fill = fillCMYK.FindStringSubmatch(line)
			case strokeCMYK.MatchString(line):
				stroke = strokeCMYK.FindStringSubmatch(line)
			case strings.HasSuffix(line, " SCN") || strings.HasSuffix(line, " CS"):
				stroke = nil // a spot colour (registration)
			case lineWidth.MatchString(line):
				width, _ = strconv.ParseFloat(lineWidth.FindStringSubmatch(line)[1], 64)
			case showText.MatchString(line) && size < 12:
				texts++
				if fill == nil || chromaticInks(fill) > 1 {
					t.Errorf("%s page %d: %.1f pt text in %v: %q", filepath.Base(file), pi+1, size, fill, line)
				}
			case strokeLine.MatchString(line) && width < 0.5 && stroke != nil:
				rules++
				if chromaticInks(stroke) > 1 {
					t.Errorf("%s page %d: %.2f pt rule in %v", filepath.Base(file), pi+1, width, stroke)
				}
			}
		}
	}
	return texts, rules
}

// TestSmallTypeInks: small text and thin rules in black ink alone or in
// one process ink with black, in the sample issue, the second example
// (whose theme has four-colour accents and a blue-grey for captions) and
// the sources issue.
func TestSmallTypeInks(t *testing.T) {
	t.Parallel()
	for _, f := range []*fixture{sampleEditions, telukPrint, sourcesEditions} {
		ed := f.get(t)
		texts, rules := checkSmallInks(t, ed.file(Print))
		if texts == 0 {
			t.Errorf("%s: no small text found: the check saw nothing", f.name)
		}
		t.Logf("%s: %d small text runs, %d thin rules", f.name, texts, rules)
	}
}

// TestPrintShopFormats: --format booklet, spreads and softproof of the
// sources issue (8 pages): four SRA3 sheet sides in PDF/X-4 with only
// CMYK and grey images, five reader spreads, and a picture of every page
// as the press prints it. (Where each page goes, and the creep, are
// measured on a 20-page booklet in layout/pdf's TestBookletSheets.)
func TestPrintShopFormats(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	res, err := Run(context.Background(), sourcesEditions.get(t).src, Options{Formats: []Format{Booklet, Spreads, SoftProof}, OutDir: out, CacheDir: photoCache(t), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	booklet := filepath.Join(out, FileName(res.Issue.Name, Booklet))
	info := validate.PDFInfo(t, booklet)
	if !regexp.MustCompile(`Pages:\s+4\n`).MatchString(info) || !strings.Contains(info, "1275.59 x 907.09 pts") || !strings.Contains(info, "PDF/X-4") {
		t.Errorf("the booklet is not four SRA3 sheet sides in PDF/X-4:\n%s", info)
	}
	for _, cs := range pdfImageColours(t, booklet) {
		if cs != "cmyk" && cs != "gray" {
			t.Errorf("the booklet holds a %s image", cs)
		}
	}
	// the first sheet's front: the back cover and the cover
	text := validate.PDFText(t, booklet, "-f", "1", "-l", "1")
	if !strings.Contains(text, res.Issue.Magazine) {
		t.Errorf("the first sheet does not carry the cover:\n%.300s", text)
	}
	spreads := filepath.Join(out, FileName(res.Issue.Name, Spreads))
	if info := validate.PDFInfo(t, spreads); !regexp.MustCompile(`Pages:\s+5\n`).MatchString(info) {
		t.Errorf("not five spreads:\n%s", info)
	}
	pics, _ := filepath.Glob(filepath.Join(res.SoftProof, "page-*.png"))
	if res.SoftProof == "" || len(pics) != res.Pages {
		t.Fatalf("soft proof: %q with %d pages", res.SoftProof, len(pics))
	}
	// the margin shows the paper as it is, not the screen's white
	f, err := os.Open(pics[1])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if r, g, b, _ := m.At(3, 3).RGBA(); r>>8 == 255 && g>>8 == 255 && b>>8 == 255 || r>>8 < 200 {
		t.Errorf("the soft proof's paper is %d %d %d", r>>8, g>>8, b>>8)
	}
}

// TestReversedType: light type set on four-colour areas (photos, fills of
// several inks) is 9 pt or more, or bold, in every print edition, as the
// file's own inspection finds it.
func TestReversedType(t *testing.T) {
	t.Parallel()
	for _, f := range []*fixture{sampleEditions, telukPrint, sourcesEditions} {
		data, err := os.ReadFile(f.get(t).file(Print))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := pdf.Inspect(data)
		if err != nil {
			t.Fatal(err)
		}
		if rep.ReversedSmall > 0 {
			t.Errorf("%s: %d of %d reversed text runs under 9 pt and not bold", f.name, rep.ReversedSmall, rep.Reversed)
		}
		if rep.SmallMulti > 0 || rep.ThinMulti > 0 || rep.Overprinted != rep.SolidBlack {
			t.Errorf("%s: %+v", f.name, rep)
		}
		t.Logf("%s: %d reversed text runs, %d small texts, %d solid black runs and rules, all overprinting", f.name, rep.Reversed, rep.SmallTexts, rep.SolidBlack)
	}
}

// TestVectorLogo: an SVG logo prints as vectors in its own colours (no
// picture of it in the PDFs: its green colorimetrically in CMYK, its
// black in black ink alone), and the EPUB gets a picture of it.
func TestVectorLogo(t *testing.T) {
	t.Parallel()
	archive := strings.Replace(sourcesArchive, "    logo: images/logo.png", "    logo: images/logo.svg", 1) + "-- images/logo.svg --\nsynth:svg-logo\n"
	if archive == sourcesArchive+"-- images/logo.svg --\nsynth:svg-logo\n" {
		t.Fatal("the sources issue has no logo to replace")
	}
	dir := writeIssue(t, archive)
	out := t.TempDir()
	res, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out, CacheDir: photoCache(t), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Issue.Logo == nil || !res.Issue.Logo.Image.Vector {
		t.Fatal("the logo is not read as a drawing")
	}
	for _, f := range []Format{Print, Screen} {
		file := filepath.Join(out, FileName(res.Issue.Name, f))
		cover := validate.PDFContent(t, file)[0]
		// the mark's shapes, filled; the even-odd letter
		if !strings.Contains(cover, " f\n") && !strings.Contains(cover, "\nf\n") || !strings.Contains(cover, "f*") {
			t.Errorf("%s: the cover draws no filled paths", f)
		}
		if f == Print {
			if !strings.Contains(cover, "0 0 0 1 k") {
				t.Errorf("the logo's black is not black ink alone")
			}
			if !regexp.MustCompile(`(?m)^0\.[0-9]+ 0(\.[0-9]+)? 0\.[0-9]+ 0\.[0-9]+ k$`).MatchString(cover) {
				t.Errorf("the logo's green is not in CMYK:\n%.2000s", cover)
			}
		}
		// one picture fewer than with a PNG logo: the cover photo, no logo
		for _, img := range validate.PDFImages(t, file) {
			if img[0]*60 == img[1]*300 {
				t.Errorf("%s: a picture of the logo (%dx%d)", f, img[0], img[1])
			}
		}
	}
	epub := epubFiles(t, filepath.Join(out, FileName(res.Issue.Name, EPUB)))
	png := 0
	for name := range epub {
		if strings.HasSuffix(name, ".png") {
			png++
		}
	}
	if png == 0 {
		t.Error("the EPUB has no picture of the logo")
	}
}

// TestVectorLogoRefused: a drawing magz cannot print is an error where the
// logo is named.
func TestVectorLogoRefused(t *testing.T) {
	t.Parallel()
	archive := strings.Replace(sourcesArchive, "    logo: images/logo.png", "    logo: images/logo.svg", 1) +
		"-- images/logo.svg --\n<svg viewBox=\"0 0 10 10\"><path d=\"M0 0 L10 10\" stroke=\"black\"/></svg>\n"
	dir := writeIssue(t, archive)
	_, err := Run(context.Background(), dir, Options{Formats: []Format{Print}, OutDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "issue.yaml:") || !strings.Contains(err.Error(), "logo images/logo.svg") || !strings.Contains(err.Error(), "outlines") {
		t.Errorf("want an error naming the logo and what to do, got %v", err)
	}
}

// TestTaggedSubsets: pdffonts finds every font of the print and screen
// editions embedded as a subset with its six-letter tag.
func TestTaggedSubsets(t *testing.T) {
	t.Parallel()
	ed := sampleEditions.get(t)
	tag := regexp.MustCompile(`^[A-Z]{6}\+\S+`)
	for _, f := range []Format{Print, Screen} {
		fonts := validate.PDFFonts(t, ed.file(f))
		if len(fonts) == 0 {
			t.Fatalf("%s: pdffonts lists no font", f)
		}
		for _, line := range fonts {
			// name type encoding emb sub uni object
			fields := strings.Fields(line)
			if len(fields) < 7 || !tag.MatchString(fields[0]) {
				t.Errorf("%s: %q is not a tagged subset", f, line)
				continue
			}
			if n := len(fields); fields[n-5] != "yes" || fields[n-4] != "yes" {
				t.Errorf("%s: %q is not an embedded subset", f, line)
			}
		}
	}
}
