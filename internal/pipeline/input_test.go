package pipeline

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"image/jpeg"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"magz/internal/synth"
	"magz/internal/validate"
)

// copyTree copies the folder src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNoAbsolutePaths builds a magazine with typefaces of its own and a
// warning to remember, and finds the folder it was built in nowhere in
// what the build wrote: not in the hand-off sheet (which names the
// typefaces), the editions (the EPUB's files read one by one) or the
// build record beside them.
func TestNoAbsolutePaths(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "docs", "examples", "suara-teluk"), root)
	dir := filepath.Join(root, "issues", "issue-1")
	art := filepath.Join(dir, "articles", "02-dermaga.md")
	data, err := os.ReadFile(art)
	if err != nil {
		t.Fatal(err)
	}
	// a photo without alt text: a warning the build record keeps
	os.WriteFile(art, append(data, "\n![](../images/dermaga.jpg)\n"...), 0o644)
	out := filepath.Join(root, "dist")
	res, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out, Version: "test", CacheDir: photoCache(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) == 0 {
		t.Fatal("no warning for the build record to keep")
	}
	sheet, err := os.ReadFile(res.Handoff)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sheet), "DejaVuSerifCondensed-Bold") {
		t.Errorf("the hand-off sheet does not name the magazine's own typeface:\n%s", sheet)
	}
	// the folder as the build saw it, and as symbolic links may resolve it
	roots := []string{root}
	if real, err := filepath.EvalSymlinks(root); err == nil && real != root {
		roots = append(roots, real)
	}
	check := func(name string, data []byte) {
		for _, r := range roots {
			if bytes.Contains(data, []byte(r)) {
				t.Errorf("%s carries the absolute path %s", name, r)
			}
		}
	}
	files := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		check(p, data)
		if strings.HasSuffix(p, ".epub") {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				check(p+":"+f.Name, b)
			}
		}
		return nil
	})
	if files < 5 { // print, screen, EPUB, hand-off sheet, build record
		t.Errorf("only %d files written", files)
	}
	// the build record's warnings come back where they were
	again, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out, Version: "test", CacheDir: photoCache(t)})
	if err != nil {
		t.Fatal(err)
	}
	if !again.UpToDate || len(again.Warnings) == 0 || again.Warnings[0].Pos.Path != res.Warnings[0].Pos.Path {
		t.Errorf("up to date %v, warnings %v, want %v", again.UpToDate, again.Warnings, res.Warnings)
	}
}

// repeatedPhotosIssue writes an issue that uses one photo on the cover,
// as an opener and twice in the text, photos of one pixel size but
// different pictures, and many photos.
func repeatedPhotosIssue(t *testing.T, dir string) {
	t.Helper()
	photo := func(name string, seed int64, w, h int) {
		var b bytes.Buffer
		if err := jpeg.Encode(&b, synth.Photo(synth.Scene(seed%3), w, h, seed, 4), &jpeg.Options{Quality: 80}); err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, "images"), 0o755)
		if err := os.WriteFile(filepath.Join(dir, "images", name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	photo("a.jpg", 1, 900, 600)
	var many strings.Builder
	for i := range 14 {
		name := fmt.Sprintf("p%02d.jpg", i)
		photo(name, int64(10+i), 640, 480) // one size, different pictures
		fmt.Fprintf(&many, "Paragraf %d tentang pasar.\n\n![Foto %d](../images/%s \"Keterangan %d | Tim\")\n\n", i, i, name, i)
		if i%2 == 1 {
			// the same picture again, of a width made distinct from the others'
			fmt.Fprintf(&many, "![Lagi %d](../images/%s \"Foto yang sama | Tim\")\n\n", i, name)
		}
	}
	files := map[string]string{
		// the cover is a small photo (53 ppi): allowed on purpose
		"issue.yaml": "magazine: Sama\nnumber: 1\ndate: 2026-01-01\nprint:\n  min_ppi: 50\ncover:\n  image: images/a.jpg\n  alt: Sampul\n  credit: Tim\n",
		"articles/01-a.md": "---\ntitle: Satu foto di mana-mana\nimage: ../images/a.jpg\nalt: Pantai\ncredit: Tim\n---\nTeks pertama.\n\n" +
			"![Pantai lagi](../images/a.jpg \"Pantai | Tim\")\n\nTeks kedua.\n\n![Pantai sekali lagi](../images/a.jpg \"Pantai lagi | Tim\")\n",
		"articles/02-b.md": "# Banyak foto\n\n" + many.String(),
	}
	for name, content := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSameBytesEveryBuild builds an issue of repeated photos, photos of
// equal size and many photos ten times, the first with an empty photo
// cache and the others from it, as an editor's builds are, and compares
// the editions byte for byte: the same issue always gives the same files.
func TestSameBytesEveryBuild(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	dir := filepath.Join(root, "issue-d")
	repeatedPhotosIssue(t, dir)
	sums := map[string]map[[32]byte]int{}
	cache := filepath.Join(root, "cache")
	for i := range 10 {
		out := filepath.Join(root, fmt.Sprintf("out-%d", i))
		res, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out, Version: "test", CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range res.Outputs {
			data, err := os.ReadFile(o.Path)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(o.Path)
			if sums[name] == nil {
				sums[name] = map[[32]byte]int{}
			}
			sums[name][sha256.Sum256(data)]++
		}
	}
	if len(sums) != len(AllFormats) {
		t.Fatalf("editions %v", sums)
	}
	for name, s := range sums {
		if len(s) != 1 {
			t.Errorf("%s: %d different files in 10 builds", name, len(s))
		}
	}
}

// TestArabicReadsInOrder: the Arabic of the scripts issue is shaped and
// laid out right to left, so that text extraction gives its words in the
// order written, as letters (not presentation forms), its Chinese is set
// in the CJK face, and no Arabic or Chinese character is among the
// reasons the screen PDF falls short of PDF/UA-1.
func TestArabicReadsInOrder(t *testing.T) {
	t.Parallel()
	ed := scriptsEditions.get(t)
	text := validate.PDFText(t, ed.file(Screen))
	if !strings.Contains(text, "السلام عليكم") {
		t.Errorf("the Arabic greeting does not read in order:\n%s", text)
	}
	if !strings.Contains(text, "欢迎光临") {
		t.Errorf("the Chinese sign is not in the PDF:\n%s", text)
	}
	for _, r := range text {
		if r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF {
			t.Errorf("extracted text holds the presentation form %U, not a letter", r)
			break
		}
	}
	for _, s := range ed.res.NotUA {
		for _, r := range s.Reason {
			if r >= 0x0600 && r <= 0x06FF || r >= 0x4E00 && r <= 0x9FFF {
				t.Errorf("an Arabic or Chinese character falls short: %s", s.Reason)
			}
		}
	}
}

// world is an issue whose text mixes Indonesian with Chinese, Korean,
// Arabic (a phrase with a number in it, a paragraph of its own) and emoji (one with a skin tone, a family joined by U+200D, one of the BMP),
// its photo described.
const world = `-- issue.yaml --
magazine: Suara Dunia
number: 3
date: 2026-05-01
language: id
-- images/papan.jpg --
synth:jpeg 1600x1200
-- articles/salam.md --
---
title: Salam dari Tiga Penjuru
author: Redaksi
---

Di pelabuhan, papan menyapa tamu dengan 欢迎光临, 안녕하세요 dan السلام عليكم setiap pagi.

![Papan nama kayu di dermaga dengan salam dalam tiga bahasa](../images/papan.jpg "Papan di pelabuhan | Redaksi")

Anak-anak membalas pesan dengan 😀 dan 👍🏽, mengirim 👨‍👩‍👧 untuk keluarga, dan ⭐ untuk pemenang. Pesta 🎉 meriah!

Papan kedua menulis (مرحبا 2026 بكم) di bawahnya.

السلام عليكم ورحمة الله وبركاته، مرحبا بكم في السوق الكبير كل صباح مع الأصدقاء والجيران من القرية.
`

// worldEditions is that issue on screen.
var worldEditions = &fixture{name: "world", archive: world, opt: Options{Formats: []Format{Screen}, Version: "test"}}

// TestScriptsAndEmojiAccessible: a screen PDF of Arabic, Chinese, Korean and emoji
// falls short of PDF/UA-1 in nothing (no character left out), claims it,
// and reads right in poppler and pdf.js: the Arabic in order, as letters,
// with its spaces (in pdf.js a number in it too; poppler reads such a
// number's words by where they sit), the emoji as the emoji written.
func TestScriptsAndEmojiAccessible(t *testing.T) {
	t.Parallel()
	ed := worldEditions.get(t)
	if len(ed.res.NotUA) > 0 {
		t.Errorf("falls short of PDF/UA-1: %v", ed.res.NotUA)
	}
	for _, w := range ed.res.Warnings {
		t.Errorf("warning: %s", w)
	}
	file := ed.file(Screen)
	checkUA(t, file, true)
	want := []string{"欢迎光临", "السلام عليكم", "안녕하세요", "😀", "👍🏽", "👨\u200d👩\u200d👧", "⭐", "🎉"}
	text := validate.PDFText(t, file)
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("poppler does not read %q:\n%s", w, text)
		}
	}
	var js strings.Builder
	for _, p := range validate.PDFJS(t, file) {
		js.WriteString(p.Text())
	}
	// pdf.js leaves the joiners out; it reads the Arabic with the spaces
	// between its words and a number in its place (it joined the words
	// when they were drawn word by word right to left)
	want = append(want, "(مرحبا 2026 بكم)", "السلام عليكم ورحمة الله وبركاته، مرحبا بكم في السوق الكبير")
	for _, w := range want {
		w = strings.ReplaceAll(w, "\u200d", "")
		if !strings.Contains(js.String(), w) {
			t.Errorf("pdf.js does not read %q:\n%s", w, js.String())
		}
	}
}
