package layout

import (
	"magz/internal/locale"
	"math/rand"
	"strings"
	"testing"

	"magz/internal/doc"
	"magz/layout/hyph"
)

// para builds a node list by hand: words of the given widths (in points)
// separated by glue of width 3 that stretches 2 and shrinks 1.
func para(widths ...int) []node {
	var ns []node
	for i, w := range widths {
		if i > 0 {
			ns = append(ns, node{kind: nGlue, width: 3 * Pt, stretch: 2 * Pt, shrink: 1 * Pt})
		}
		ns = append(ns, node{kind: nBox, width: Length(w) * Pt})
	}
	return append(ns, node{kind: nGlue, stretch: fil}, node{kind: nPenalty, penalty: -infPenalty})
}

func lineCount(b []int) int { return len(b) }

func TestBreakFitsOneLine(t *testing.T) {
	b := breakLines(para(10, 10, 10), func(int) Length { return 100 * Pt }, NewBreakParams(100*Pt))
	if lineCount(b) != 1 {
		t.Fatalf("want 1 line, got breaks %v", b)
	}
}

func TestBreakExactFit(t *testing.T) {
	// Four words of 22 with three spaces of 3 fill 97; with width 97 every
	// line of two such groups is exact, so total fit finds two lines.
	b := breakLines(para(22, 22, 22, 22, 22, 22, 22, 22), func(int) Length { return 97 * Pt }, NewBreakParams(97*Pt))
	if lineCount(b) != 2 {
		t.Fatalf("want 2 lines, got %v", b)
	}
	if b[0] != 7 { // after the fourth box: boxes at 0,2,4,6; glue at 7
		t.Errorf("first break at node %d, want 7", b[0])
	}
}

func TestBreakTotalFitBeatsGreedy(t *testing.T) {
	// Greedy filling would put 3 words on line 1 and leave line 2 very
	// loose; total fit balances the lines.
	ns := para(30, 30, 30, 30, 30)
	w := 100 * Pt
	b := breakLines(ns, func(int) Length { return w }, NewBreakParams(w))
	if lineCount(b) != 2 {
		t.Fatalf("want 2 lines, got %v", b)
	}
}

func TestBreakNeverOverflowsWithoutNeed(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	st := &setter{m: m, hyph: hyph.For(locale.PUEBI)}
	ts := TextStyle{Regular: "Caladea-Regular.ttf", Italic: "Caladea-Italic.ttf", Bold: "Caladea-Bold.ttf", BoldItalic: "Caladea-BoldItalic.ttf",
		Size: 9600, Leading: 13 * Pt, Align: Justify, Hyphenate: true}
	rng := rand.New(rand.NewSource(1))
	vocab := strings.Fields("dan yang di ke dari untuk dengan pembangunan masyarakat kabupaten pendidikan kesehatan pemerintah " +
		"kampung distrik jalan pasar perahu danau nelayan anak sekolah guru puskesmas pertanggungjawaban https://contoh.go.id/halaman/yang/sangat/panjang/sekali " +
		"Supercalifragilisticexpialidociousnessofeverythingthatcannotbreak")
	for _, width := range []Length{80 * Pt, 150 * Pt, 240 * Pt} {
		for trial := 0; trial < 30; trial++ {
			var words []string
			for i := 0; i < 20+rng.Intn(80); i++ {
				words = append(words, vocab[rng.Intn(len(vocab))])
			}
			lines := st.setParagraph([]doc.Span{{Text: strings.Join(words, " ")}}, ts, width, 0, nil)
			run := 0
			for i, ln := range lines {
				if ln.width > width+Pt/2 {
					t.Errorf("width %v: line %d is %v wide: %q", width, i, ln.width, lineText(ln))
				}
				if i < len(lines)-1 && len(ln.frags) > 1 && ln.width < width-Pt/2 {
					t.Errorf("width %v: justified line %d ends at %v, not at the edge", width, i, ln.width)
				}
				long := "Supercalifragilisticexpialidociousnessofeverythingthatcannotbreak"
				fields := strings.Fields(strings.TrimSuffix(lineText(ln), "-"))
				emergency := len(fields) > 0 && len(fields[len(fields)-1]) > 4 && strings.Contains(long, fields[len(fields)-1])
				if strings.HasSuffix(lineText(ln), "-") && !emergency {
					run++
					if run > 2 && width > 100*Pt {
						t.Errorf("width %v: %d hyphenated lines in a row: %q", width, run, lineText(ln))
					}
				} else {
					run = 0
				}
			}
			squeeze := strings.NewReplacer(" ", "", "-", "", "\n", "")
			if got, want := squeeze.Replace(joinLines(lines)), squeeze.Replace(strings.Join(words, " ")); got != want {
				t.Errorf("text changed by setting:\n got %q\nwant %q", got, want)
			}
		}
	}
}

func lineText(ln line) string {
	var b strings.Builder
	var last Length = -1
	for _, f := range ln.frags {
		if last >= 0 && f.x > last+Pt/2 {
			b.WriteByte(' ')
		}
		b.WriteString(f.text)
		last = f.x + f.width
	}
	return b.String()
}

// joinLines puts set lines back together, undoing hyphenation.
func joinLines(lines []line) string {
	var parts []string
	for _, ln := range lines {
		parts = append(parts, lineText(ln))
	}
	s := strings.Join(parts, "\n")
	for _, r := range []string{"-\n"} {
		s = strings.ReplaceAll(s, r, "")
	}
	// a break after an explicit hyphen or inside a URL keeps its text
	return strings.ReplaceAll(s, "\n", " ")
}

// TestUnicodeBreaks: break opportunities inside words are UAX #14's. A
// column too narrow for a run of words joined by dashes breaks after a
// dash, and never inside a number range. (Ideographs break between each
// other the same way, but the bundled faces cannot draw them.)
func TestUnicodeBreaks(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	for _, hyphenate := range []bool{false, true} {
		st := &setter{m: m, hyph: hyph.For(locale.PUEBI)}
		ts := TextStyle{Regular: "Caladea-Regular.ttf", Italic: "Caladea-Italic.ttf", Bold: "Caladea-Bold.ttf", BoldItalic: "Caladea-BoldItalic.ttf",
			Size: 9600, Leading: 13 * Pt, Align: Left, Hyphenate: hyphenate}
		for _, tc := range []struct {
			text       string
			width      Length
			mayEndWith []string // every line but the last ends with one of these
		}{
			{"pagi—siang—sore—malam—pagi—siang", 60 * Pt, []string{"—", "pagi", "siang", "sore", "malam"}},
		} {
			lines := st.setParagraph([]doc.Span{{Text: tc.text}}, ts, tc.width, 0, nil)
			if len(lines) < 2 {
				t.Errorf("%q: one line in %v; the test needs a narrower column", tc.text, tc.width)
				continue
			}
			for _, ln := range lines[:len(lines)-1] {
				txt := lineText(ln)
				ok := false
				for _, e := range tc.mayEndWith {
					ok = ok || strings.HasSuffix(txt, e)
				}
				if !ok {
					t.Errorf("hyphenate=%v: %q: line %q ends where UAX #14 allows no break", hyphenate, tc.text, txt)
				}
			}
			if got := strings.ReplaceAll(joinLines(lines), " ", ""); got != tc.text {
				t.Errorf("text changed: %q", got)
			}
		}
		// "2020-2021" stays whole: UAX #14 allows no break before a digit
		lines := st.setParagraph([]doc.Span{{Text: "tahun 2020-2021 dan 2022-2023"}}, ts, 45*Pt, 0, nil)
		for _, ln := range lines {
			if strings.HasSuffix(lineText(ln), "-") {
				t.Errorf("hyphenate=%v: a number range was broken: %q", hyphenate, lineText(ln))
			}
		}
	}
}
