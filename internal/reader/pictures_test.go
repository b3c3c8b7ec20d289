package reader

import (
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/testissue"
)

// TestFocusWritten: a figure tells whether the editor wrote its focal
// point (cover and article photos), so that the pipeline finds one only
// for those without.
func TestFocusWritten(t *testing.T) {
	dir := t.TempDir()
	err := testissue.Write(dir, txtar.Parse([]byte(`-- issue.yaml --
magazine: M
number: 1
date: 2026-01-01
cover: {image: images/c.jpg, alt: C, focus: "0.7,0.2"}
articles: [a, b]
-- images/c.jpg --
synth:jpeg 40x30
-- articles/a.md --
---
title: A
image: ../images/c.jpg
alt: A
focus: 0.1, 0.9
---
![In the text](../images/c.jpg)
-- articles/b.md --
---
title: B
image: ../images/c.jpg
alt: B
---
Text.
`)))
	if err != nil {
		t.Fatal(err)
	}
	diags := &diag.List{}
	iss := Read(dir, diags)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	inText := iss.Articles[0].Blocks[0].(*doc.Figure)
	for _, c := range []struct {
		what    string
		f       *doc.Figure
		focus   [2]float64
		written bool
	}{
		{"cover", iss.Cover, [2]float64{0.7, 0.2}, true},
		{"hero with focus:", iss.Articles[0].Hero, [2]float64{0.1, 0.9}, true},
		{"figure in the text", inText, [2]float64{0.5, 0.5}, false},
		{"hero without focus:", iss.Articles[1].Hero, [2]float64{0.5, 0.5}, false},
	} {
		if c.f.Focus != c.focus || c.f.FocusWritten != c.written {
			t.Errorf("%s: focus %v written %v, want %v %v", c.what, c.f.Focus, c.f.FocusWritten, c.focus, c.written)
		}
	}
}

// TestCropLimit: magazine.yaml's theme: pictures: crop_limit: sets how
// much of a photo a crop may take, from 0 to 50 percent.
func TestCropLimit(t *testing.T) {
	iss, problems := read(t, magazine(t, "magazine: M\ntheme:\n  pictures:\n    crop_limit: 10\n", "number: 1\ndate: 2026-05-01\n"))
	if problems != "" || iss.Theme.Pictures.CropLimit != 10 {
		t.Errorf("crop limit %d, problems %q", iss.Theme.Pictures.CropLimit, problems)
	}
	_, problems = read(t, magazine(t, "magazine: M\ntheme:\n  pictures:\n    crop_limit: 70\n", "number: 1\ndate: 2026-05-01\n"))
	if want := "magazine.yaml:4:17: theme.pictures.crop_limit must be from 0 to 50, got 70"; !strings.Contains(problems, want) {
		t.Errorf("problems %q, want %q", problems, want)
	}
}
