package locale

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestFor(t *testing.T) {
	for _, tc := range []struct {
		tag, want string
		rules     Hyphenation
	}{
		{"id", "id", PUEBI},
		{"id-ID", "id", PUEBI},
		{"ID_id", "id", PUEBI},
		{" id ", "id", PUEBI},
		{"ms-MY", "id", PUEBI},
		{"en", "en", ExplicitHyphens},
		{"en-GB", "en", ExplicitHyphens},
		{"fr", "en", ExplicitHyphens}, // no French words yet: English
		{"", "en", ExplicitHyphens},
		{"idx", "en", ExplicitHyphens}, // a prefix is not a match
	} {
		l := For(tc.tag)
		if l.Tag != tc.want || l.Hyphenation != tc.rules {
			t.Errorf("For(%q) = %s/%d, want %s/%d", tc.tag, l.Tag, l.Hyphenation, tc.want, tc.rules)
		}
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	if got := For("id").Labels.Date(d); got != "20 November 2026" {
		t.Errorf("id date %q", got)
	}
	if got := For("id").Labels.MonthYear(time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)); got != "Agustus 2026" {
		t.Errorf("id month %q", got)
	}
	if got := For("en").Labels.MonthYear(d); got != "November 2026" {
		t.Errorf("en month %q", got)
	}
}

// Every locale says every word: an empty label would print nothing.
func TestLabelsComplete(t *testing.T) {
	for _, l := range []Locale{indonesian, english} {
		lb := l.Labels
		for _, s := range append([]string{lb.Contents, lb.Notes, lb.NotesPage, lb.By, lb.Issue, lb.Photo, lb.Publisher, lb.Cover, lb.Landmarks, l.Magazine, l.Example}, lb.Months[:]...) {
			if s == "" {
				t.Errorf("locale %s has an empty label", l.Tag)
			}
		}
	}
}

func TestRuns(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []Run
	}{
		{"Pasar pagi.", []Run{{Text: "Pasar pagi."}}},
		{"Tulisan 你好，世界 di papan.", []Run{{Text: "Tulisan "}, {Text: "你好，世界", Lang: "zh"}, {Text: " di papan."}}},
		{"Salam السلام عليكم, kata mereka.", []Run{{Text: "Salam "}, {Text: "السلام عليكم", Lang: "ar", RTL: true}, {Text: ", kata mereka."}}},
		{"東京へ行く", []Run{{Text: "東京へ行く", Lang: "ja"}}},
		{"12 km", []Run{{Text: "12 km"}}},
	} {
		got := Runs(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("Runs(%q) = %+v, want %+v", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Runs(%q)[%d] = %+v, want %+v", tc.in, i, got[i], tc.want[i])
			}
		}
	}
}

// The example articles carry the placeholders Placeholder knows.
func TestPlaceholders(t *testing.T) {
	for _, l := range []Locale{indonesian, english} {
		if !strings.Contains(l.Example, "title: "+l.ExampleTitle+"\n") || !strings.Contains(l.Example, "credit: "+l.Credit+"\n") {
			t.Errorf("%s: the example article does not use its placeholders", l.Tag)
		}
		if !strings.Contains(l.Agenda, "title: "+l.AgendaTitle+"\n") {
			t.Errorf("%s: the example agenda does not use its placeholder title", l.Tag)
		}
		for _, p := range []string{l.Magazine, l.Credit, l.ExampleTitle, l.AgendaTitle, l.NoticeTitle} {
			if !Placeholder(p) {
				t.Errorf("%q is not known as a placeholder", p)
			}
		}
	}
	if !ExamplePage(indonesian.AgendaTitle) || !ExamplePage(english.AgendaTitle) || ExamplePage(indonesian.ExampleTitle) || ExamplePage("") {
		t.Error("ExamplePage does not know the example agenda page from the rest")
	}
	if Placeholder("Kabar Lembah") || Placeholder("") {
		t.Error("a real name taken for a placeholder")
	}
}

// TestScriptShortcuts: the ranges scriptOf answers without its tables
// are in none of the scripts, and Runs' one-run answer is the one the
// whole reading gives.
func TestScriptShortcuts(t *testing.T) {
	for r := rune(0); r < 0x2070; r++ {
		if r == 0x370 {
			r = 0x2000
		}
		for _, s := range scripts {
			if unicode.Is(s.table, r) {
				t.Errorf("%U is %s", r, s.lang)
			}
		}
	}
	for _, s := range []string{"Pasar pagi.", "“Kopi” — 25 °C → pasar", "café naïve Ωmega", "Ω", "12 km", " ", "Tulisan 你好 di papan", "Salam السلام"} {
		fast, slow := Runs(s), runs(s)
		if !slices.Equal(fast, slow) {
			t.Errorf("Runs(%q) = %+v, the whole reading %+v", s, fast, slow)
		}
	}
	if Runs("") != nil {
		t.Error("Runs of nothing is not nil")
	}
}
