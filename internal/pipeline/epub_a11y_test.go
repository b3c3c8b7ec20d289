package pipeline

import (
	"archive/zip"
	"io"
	"strings"
	"testing"

	"magz/internal/validate"
)

// scripts is an article with runs in Chinese and Arabic, and a photo
// without alternative text.
const scripts = `-- articles/three.md --
---
title: Tulisan dari Jauh
---

Papan di pelabuhan menulis 欢迎光临 untuk para pedagang, dan di sebelahnya
السلام عليكم untuk tamu dari seberang.

![](../images/gray.jpg "Papan nama di pelabuhan")

## Bagian kedua

Teks penutup.
`

// TestEPUBAccessible: Ace by DAISY finds no violation in the EPUBs of
// issue-12 and of an issue with tables, footnotes, a pull quote, photos
// without alternative text and runs in Chinese and Arabic; the EPUB claims
// conformance only when every photo is described, lists the print pages,
// nests its navigation and marks other scripts with their language.
func TestEPUBAccessible(t *testing.T) {
	t.Parallel()
	sampleEPUB := sampleEditions.get(t).file(EPUB)
	meta := validate.Ace(t, sampleEPUB)
	if meta["dcterms:conformsTo"] != "EPUB Accessibility 1.1 - WCAG 2.2 Level AA" {
		t.Errorf("issue-12 does not claim EPUB Accessibility 1.1: %v", meta["dcterms:conformsTo"])
	}
	files := epubFiles(t, sampleEPUB)
	nav := files["OEBPS/nav.xhtml"]
	for _, want := range []string{`epub:type="page-list"`, `<a href="02-laporan-utama.xhtml#h-1">`, "<main>"} {
		if !strings.Contains(nav, want) {
			t.Errorf("nav.xhtml lacks %s", want)
		}
	}
	breaks := 0
	for name, f := range files {
		if strings.HasSuffix(name, ".xhtml") {
			breaks += strings.Count(f, `epub:type="pagebreak"`)
		}
	}
	if pages := strings.Count(nav, "#page-"); breaks == 0 || breaks != pages {
		t.Errorf("%d page-break markers, %d pages listed", breaks, pages)
	}

	file := scriptsEditions.get(t).file(EPUB)
	validate.EPUBCheck(t, file)
	meta = validate.Ace(t, file)
	if meta["dcterms:conformsTo"] != nil {
		t.Error("an EPUB with undescribed photos claims WCAG conformance")
	}
	if s, _ := meta["schema:accessibilitySummary"].(string); !strings.Contains(s, "photos have a text description") {
		t.Errorf("the summary does not say which photos lack a description: %q", s)
	}
	three := epubFiles(t, file)["OEBPS/three.xhtml"]
	for _, want := range []string{`<span lang="zh" xml:lang="zh">欢迎光临</span>`, `<span lang="ar" xml:lang="ar" dir="rtl">السلام عليكم</span>`, `alt="" role="presentation"`} {
		if !strings.Contains(three, want) {
			t.Errorf("three.xhtml lacks %s:\n%s", want, three)
		}
	}
}

func epubFiles(t *testing.T, file string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}
