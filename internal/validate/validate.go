// Package validate runs the external validators the tests and CI rely on:
// W3C epubcheck, qpdf and poppler's pdftotext/pdfinfo. A test that needs a
// validator skips when it is missing, unless MAGZ_REQUIRE_VALIDATORS=1,
// in which case it fails (CI sets it, so a missing validator never passes
// silently).
package validate

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Required reports whether missing validators fail tests.
func Required() bool { return os.Getenv("MAGZ_REQUIRE_VALIDATORS") == "1" }

func need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if Required() {
			t.Fatalf("%s is required (MAGZ_REQUIRE_VALIDATORS=1) but not installed: apt-get install -y epubcheck qpdf poppler-utils", name)
		}
		t.Skipf("%s not installed; skipping (apt-get install -y epubcheck qpdf poppler-utils)", name)
	}
	return p
}

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
	out, err := exec.Command("java", "-jar", jar, file).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("0 fatals / 0 errors / 0 warnings")) && !bytes.Contains(out, []byte("No errors or warnings detected")) {
		t.Errorf("epubcheck %s: %v\n%s", file, err, out)
	}
	return string(out)
}

// QPDFCheck runs qpdf --check; the test fails on any error.
func QPDFCheck(t testing.TB, file string) {
	t.Helper()
	need(t, "qpdf")
	out, err := exec.Command("qpdf", "--check", file).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors found")) {
		t.Errorf("qpdf --check %s: %v\n%s", file, err, out)
	}
}

// PDFText returns the text of a PDF as pdftotext extracts it.
func PDFText(t testing.TB, file string, args ...string) string {
	t.Helper()
	need(t, "pdftotext")
	out, err := exec.Command("pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), file, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return string(out)
}

// PDFInfo returns the output of pdfinfo with args (such as -box).
func PDFInfo(t testing.TB, file string, args ...string) string {
	t.Helper()
	need(t, "pdfinfo")
	out, err := exec.Command("pdfinfo", append(args, file)...).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", file, err)
	}
	return string(out)
}

// PDFFonts returns the lines of pdffonts' table (without its header).
func PDFFonts(t testing.TB, file string) []string {
	t.Helper()
	need(t, "pdffonts")
	out, err := exec.Command("pdffonts", file).Output()
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
	out, err := exec.Command("pdfimages", "-list", file).Output()
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
