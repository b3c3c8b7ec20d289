// Package validate runs the external validators the tests and CI rely on:
// W3C epubcheck, qpdf, poppler's pdftotext/pdfinfo and Ghostscript. A test that needs a
// validator skips when it is missing, unless MAGZ_REQUIRE_VALIDATORS=1,
// in which case it fails (CI sets it, so a missing validator never passes
// silently).
package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const installHint = "apt-get install -y epubcheck qpdf poppler-utils ghostscript chromium; npm install -g @daisy/ace vnu-jar"

// Required reports whether missing validators fail tests.
func Required() bool { return os.Getenv("MAGZ_REQUIRE_VALIDATORS") == "1" }

func need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if Required() {
			t.Fatalf("%s is required (MAGZ_REQUIRE_VALIDATORS=1) but not installed: %s", name, installHint)
		}
		t.Skipf("%s not installed; skipping (%s)", name, installHint)
	}
	return p
}

// javaFlags start the validators written in Java (epubcheck, the Nu Html
// Checker) with the quick compiler only: they run for seconds, not long
// enough for the optimising compiler to pay for itself, and take half the
// CPU time without it. Its frames are larger: the Nu Html Checker's schema
// needs a deeper stack than the default then.
var javaFlags = []string{"-XX:TieredStopAtLevel=1", "-Xss16m"}

// EPUBCheck runs W3C epubcheck on file and returns its report; the test
// fails unless it reports no errors and no warnings.
func EPUBCheck(t testing.TB, file string) string {
	t.Helper()
	need(t, "java")
	jar := "/usr/bin/epubcheck"
	if _, err := os.Stat(jar); err != nil {
		if p, err := exec.LookPath("epubcheck"); err == nil {
			jar = p
		} else {
			need(t, "epubcheck")
		}
	}
	out, err := combined(file, "java", slices.Concat(javaFlags, []string{"-jar", jar, file})...)
	if err != nil || !bytes.Contains(out, []byte("0 fatals / 0 errors / 0 warnings")) && !bytes.Contains(out, []byte("No errors or warnings detected")) {
		t.Errorf("epubcheck %s: %v\n%s", file, err, out)
	}
	return string(out)
}

// QPDFCheck runs qpdf --check; the test fails on any error.
func QPDFCheck(t testing.TB, file string) {
	t.Helper()
	need(t, "qpdf")
	out, err := combined(file, "qpdf", "--check", file)
	if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors found")) {
		t.Errorf("qpdf --check %s: %v\n%s", file, err, out)
	}
}

// PDFText returns the text of a PDF as pdftotext extracts it.
func PDFText(t testing.TB, file string, args ...string) string {
	t.Helper()
	need(t, "pdftotext")
	out, err := output(file, "pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), file, "-")...)
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return string(out)
}

// PDFInfo returns the output of pdfinfo with args (such as -box).
func PDFInfo(t testing.TB, file string, args ...string) string {
	t.Helper()
	need(t, "pdfinfo")
	out, err := output(file, "pdfinfo", append(args, file)...)
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", file, err)
	}
	return string(out)
}

// PDFFonts returns the lines of pdffonts' table (without its header).
func PDFFonts(t testing.TB, file string) []string {
	t.Helper()
	need(t, "pdffonts")
	out, err := output(file, "pdffonts", file)
	if err != nil {
		t.Fatalf("pdffonts %s: %v", file, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 2 {
		return nil
	}
	return lines[2:]
}

// PDFImages lists the pixel sizes (width, height) of the images in a PDF,
// as poppler's pdfimages reports them.
func PDFImages(t testing.TB, file string) [][2]int {
	t.Helper()
	need(t, "pdfimages")
	out, err := output(file, "pdfimages", "-list", file)
	if err != nil {
		t.Fatalf("pdfimages %s: %v", file, err)
	}
	var sizes [][2]int
	for i, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(l)
		if i < 2 || len(f) < 5 {
			continue // header lines
		}
		var w, h int
		fmt.Sscan(f[3], &w)
		fmt.Sscan(f[4], &h)
		sizes = append(sizes, [2]int{w, h})
	}
	return sizes
}

// PDFImagePPI lists, for each image placed in a PDF, its page and the
// lesser of its horizontal and vertical resolution where it is placed, as
// poppler's pdfimages -list reports them.
func PDFImagePPI(t testing.TB, file string) [][2]int {
	t.Helper()
	need(t, "pdfimages")
	out, err := output(file, "pdfimages", "-list", file)
	if err != nil {
		t.Fatalf("pdfimages %s: %v", file, err)
	}
	var res [][2]int
	for i, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(l)
		if i < 2 || len(f) < 14 || f[2] == "smask" {
			continue // header lines, and masks (their image has the same size)
		}
		var pg, x, y int
		fmt.Sscan(f[0], &pg)
		fmt.Sscan(f[12], &x)
		fmt.Sscan(f[13], &y)
		res = append(res, [2]int{pg, min(x, y)})
	}
	return res
}

// PDFSoftMasks lists the pages on which a PDF draws an image with a soft
// mask (its transparency), as poppler's pdfimages -list reports them.
func PDFSoftMasks(t testing.TB, file string) []int {
	t.Helper()
	need(t, "pdfimages")
	out, err := output(file, "pdfimages", "-list", file)
	if err != nil {
		t.Fatalf("pdfimages %s: %v", file, err)
	}
	var pages []int
	for i, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(l)
		if i < 2 || len(f) < 3 || f[2] != "smask" {
			continue
		}
		var pg int
		fmt.Sscan(f[0], &pg)
		pages = append(pages, pg)
	}
	return pages
}

// PDFObjects returns the objects of a PDF as qpdf --json shows them, by
// reference ("12 0 R", and "trailer"): dictionaries as maps, arrays as
// slices, names as "/Name", references as "N 0 R".
func PDFObjects(t testing.TB, file string) map[string]any {
	t.Helper()
	need(t, "qpdf")
	out, err := output(file, "qpdf", "--json", "--json-key=qpdf", file)
	if err != nil {
		t.Fatalf("qpdf --json %s: %v", file, err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json %s: %v", file, err)
	}
	var raw map[string]struct {
		Value  any `json:"value"`
		Stream struct {
			Dict any `json:"dict"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &raw); err != nil {
		t.Fatal(err)
	}
	objs := map[string]any{}
	for k, v := range raw {
		k = strings.TrimPrefix(k, "obj:")
		if v.Value != nil {
			objs[k] = v.Value
		} else {
			objs[k] = v.Stream.Dict
		}
	}
	return objs
}

// PDFContent returns a PDF's page content streams, uncompressed, page by
// page (qpdf --qdf).
func PDFContent(t testing.TB, file string) []string {
	t.Helper()
	need(t, "qpdf")
	b, err := ask(file, func() ([]byte, error) {
		dir, err := os.MkdirTemp("", "magz-qdf-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		tmp := filepath.Join(dir, "qdf.pdf")
		if out, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", file, tmp).CombinedOutput(); err != nil {
			return nil, fmt.Errorf("%w\n%s", err, out)
		}
		return os.ReadFile(tmp)
	}, "qpdf", "--qdf", file)
	if err != nil {
		t.Fatalf("qpdf --qdf %s: %v", file, err)
	}
	// qdf marks each page's contents with a comment
	parts := strings.Split(string(b), "%% Contents for page ")
	var pages []string
	for _, p := range parts[1:] {
		start := strings.Index(p, "stream\n")
		end := strings.Index(p, "endstream")
		if start < 0 || end < start {
			t.Fatalf("qdf page contents not found")
		}
		pages = append(pages, p[start+len("stream\n"):end])
	}
	return pages
}

// CMYKPage is a page rendered in process colours: 4 bytes a pixel, C M Y K.
type CMYKPage struct {
	W, H int
	Pix  []byte
}

// RenderCMYK renders every page of a PDF within its bleed box with
// Ghostscript, separated by the ICC output profile, as a printer's RIP
// would: process colours that are already CMYK pass unchanged, RGB is
// separated by the profile.
func RenderCMYK(t testing.TB, file, profile string, dpi int) []CMYKPage {
	t.Helper()
	need(t, "gs")
	dir := t.TempDir()
	cmd := exec.Command("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dUseBleedBox", "-sDEVICE=pamcmyk32",
		"-sDefaultCMYKProfile="+profile, "-sOutputICCProfile="+profile, fmt.Sprintf("-r%d", dpi),
		"-o", filepath.Join(dir, "p%03d.pam"), file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gs %s: %v\n%s", file, err, out)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "p*.pam"))
	var pages []CMYKPage
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		end := bytes.Index(b, []byte("ENDHDR\n"))
		if end < 0 {
			t.Fatalf("%s: not a PAM file", n)
		}
		var p CMYKPage
		for _, l := range strings.Split(string(b[:end]), "\n") {
			f := strings.Fields(l)
			if len(f) == 2 && f[0] == "WIDTH" {
				p.W, _ = strconv.Atoi(f[1])
			}
			if len(f) == 2 && f[0] == "HEIGHT" {
				p.H, _ = strconv.Atoi(f[1])
			}
		}
		p.Pix = b[end+len("ENDHDR\n"):]
		if len(p.Pix) != 4*p.W*p.H {
			t.Fatalf("%s: %d bytes for %dx%d", n, len(p.Pix), p.W, p.H)
		}
		pages = append(pages, p)
	}
	return pages
}

// MaxInk returns the most ink on any pixel of the page, in percent.
func (p CMYKPage) MaxInk() int {
	most := 0
	for i := 0; i < len(p.Pix); i += 4 {
		most = max(most, int(p.Pix[i])+int(p.Pix[i+1])+int(p.Pix[i+2])+int(p.Pix[i+3]))
	}
	return (most*100 + 127) / 255
}

// PDFStructure returns the structure tree of a tagged PDF with its text,
// as pdfinfo -struct-text prints it.
func PDFStructure(t testing.TB, file string) string {
	t.Helper()
	need(t, "pdfinfo")
	out, err := output(file, "pdfinfo", "-struct-text", file)
	if err != nil {
		t.Fatalf("pdfinfo -struct-text %s: %v", file, err)
	}
	return string(out)
}

// Ace runs Ace by DAISY (ace-puppeteer, with Debian's chromium) on an EPUB
// and fails the test on every violation it reports; it returns the
// package metadata Ace read.
func Ace(t testing.TB, file string) map[string]any {
	t.Helper()
	ace := need(t, "ace-puppeteer")
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		need(t, "chromium")
	}
	data, err := ask(file, func() ([]byte, error) {
		out, err := os.MkdirTemp("", "magz-ace-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(out)
		cmd := exec.Command(ace, "-f", "-s", "-o", out, file)
		cmd.Env = append(os.Environ(), "PUPPETEER_EXECUTABLE_PATH="+browser)
		if msg, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("%w\n%s", err, msg)
		}
		return os.ReadFile(filepath.Join(out, "report.json"))
	}, ace, file)
	if err != nil {
		t.Fatalf("ace %s: %v", file, err)
	}
	var report struct {
		Subject struct {
			Metadata map[string]any `json:"metadata"`
		} `json:"earl:testSubject"`
		Assertions []struct {
			Subject struct {
				URL string `json:"url"`
			} `json:"earl:testSubject"`
			Assertions []struct {
				Test struct {
					Title  string `json:"dct:title"`
					Impact string `json:"earl:impact"`
				} `json:"earl:test"`
				Result struct {
					Outcome     string `json:"earl:outcome"`
					Description string `json:"dct:description"`
				} `json:"earl:result"`
			} `json:"assertions"`
		} `json:"assertions"`
	}
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatal(err)
	}
	for _, a := range report.Assertions {
		for _, v := range a.Assertions {
			if v.Result.Outcome == "fail" {
				t.Errorf("Ace: %s: %s (%s): %s", a.Subject.URL, v.Test.Title, v.Test.Impact, v.Result.Description)
			}
		}
	}
	return report.Subject.Metadata
}
