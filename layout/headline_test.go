package layout

import (
	"strings"
	"testing"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/locale"
	"magz/layout/hyph"
	"magz/layout/page"
)

func headlineComposer(t *testing.T) *composer {
	t.Helper()
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return &composer{th: DefaultTheme(), opt: Options{Metrics: m}, st: &setter{m: m, hyph: hyph.For(locale.PUEBI)}, out: &page.Issue{}}
}

// texts returns each line's words.
func texts(ls []line) []string {
	var out []string
	for _, ln := range ls {
		var ws []string
		for _, f := range ln.frags {
			ws = append(ws, f.text)
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

func words(n int, w string) []doc.Block {
	return []doc.Block{&doc.Paragraph{Spans: []doc.Span{{Text: strings.Repeat(w+" ", n)}}}}
}

// TestRanksByDefault: without rank: in the headers, the first article
// with an opener photo that the cover does not skip leads, articles with
// photos are features, very short pieces and collections of briefs are
// briefs, the rest (the editorial too) short items; a rank named in a
// header wins, and a named lead leaves no other lead.
func TestRanksByDefault(t *testing.T) {
	hero := &doc.Figure{}
	heads := func(n int) []doc.Block {
		var out []doc.Block
		for range n {
			out = append(out, &doc.Heading{Level: 3}, words(40, "kata")[0])
		}
		return out
	}
	tajuk := &doc.Article{Title: "Tajuk", Section: "Tajuk", Hero: hero, Blocks: words(80, "kata")}
	lead := &doc.Article{Title: "Laporan", Hero: hero, Blocks: words(600, "kata")}
	feature := &doc.Article{Title: "Wawancara", Hero: hero, Blocks: words(300, "kata")}
	photos := &doc.Article{Title: "Guru", Blocks: append(words(250, "kata"), &doc.Figure{})}
	short := &doc.Article{Title: "Kolom", Blocks: words(170, "kata")}
	brief := &doc.Article{Title: "Singkat", Blocks: words(90, "kata")}
	briefs := &doc.Article{Title: "Berita Singkat", Blocks: heads(5)}
	editorial := &doc.Article{Title: "Tajuk", Section: "tajuk", Blocks: words(80, "kata")}
	iss := &doc.Issue{Articles: []*doc.Article{tajuk, lead, feature, photos, short, brief, briefs, editorial}}
	skip := DefaultTheme().Cover.SkipSections
	got := articleRanks(iss.Articles, skip)
	want := map[*doc.Article]doc.Rank{tajuk: doc.RankFeature, lead: doc.RankLead, feature: doc.RankFeature, photos: doc.RankFeature,
		short: doc.RankShort, brief: doc.RankBrief, briefs: doc.RankBrief, editorial: doc.RankShort}
	for a, r := range want {
		if got[a] != r {
			t.Errorf("%s: rank %s, want %s", a.Title, got[a], r)
		}
	}
	short.Rank = doc.RankLead
	brief.Rank = doc.RankFeature
	got = articleRanks(iss.Articles, skip)
	if got[short] != doc.RankLead || got[lead] != doc.RankFeature || got[brief] != doc.RankFeature {
		t.Errorf("named ranks: kolom %s, laporan %s, singkat %s; want lead, feature, feature", got[short], got[lead], got[brief])
	}
}

// TestHeadlineScale: a headline is set at its rank's size from the
// theme's scale, whatever its length; a long one is not made smaller.
func TestHeadlineScale(t *testing.T) {
	c := headlineComposer(t)
	c.th.Headlines.Feature = 30 * Pt // a magazine's own scale
	for _, tc := range []struct {
		rank  doc.Rank
		title string
		want  Length
	}{
		{doc.RankLead, "Jalan Baru ke Lembah", 40 * Pt},
		{doc.RankFeature, "Guru di Bawah Atap Honai", 30 * Pt},
		{doc.RankShort, "Belajar Menunggu di Zaman Serba Cepat", 24 * Pt},
		{doc.RankBrief, "Berita Singkat", 18 * Pt},
		{doc.RankShort, "Jalan Baru ke Lembah, Pasar Baru di Kampung, dan Harapan Warga yang Tinggal di Lereng Gunung", 24 * Pt},
	} {
		a := &doc.Article{Title: tc.title, Rank: tc.rank}
		c.ranks = nil
		c.iss = &doc.Issue{Articles: []*doc.Article{a}}
		_, ts := c.titleLines(a, 150*MM, 5)
		if ts.Size != tc.want || c.titlePct != 100 {
			t.Errorf("%s %q: %s pt (%d %%), want %s pt", tc.rank, tc.title, ts.Size, c.titlePct, tc.want)
		}
	}
	// the lead is the largest, briefs the smallest
	s := DefaultTheme().Headlines.Sizes()
	for i := 1; i < len(s); i++ {
		if s[i] >= s[i-1] {
			t.Errorf("the default scale %v does not fall by rank", s)
		}
	}
}

// TestHeadlineBreaks: headlines break by sense, at each rank's size and
// at widths a designer uses.
func TestHeadlineBreaks(t *testing.T) {
	c := headlineComposer(t)
	for _, tc := range []struct {
		text  string
		size  Length
		width Length
		want  string // lines joined by " / "
	}{
		// no one-word last line ("Kampung" alone)
		{"Jalan Baru ke Lembah, Pasar Baru di Kampung", 28 * Pt, 160 * MM, "Jalan Baru ke Lembah, / Pasar Baru di Kampung"},
		// no line ending on "di": the phrase stays whole
		{"Guru di Bawah Atap Honai", 40 * Pt, 120 * MM, "Guru di Bawah / Atap Honai"},
		// at a pause: after the colon
		{"Dokter Paulina Mirin: “Kesehatan Dimulai dari Dapur”", 32 * Pt, 170 * MM, "Dokter Paulina Mirin: / “Kesehatan Dimulai dari Dapur”"},
		// English: not on "of" or "the"
		{"The Return of the Boats to the Harbour", 32 * Pt, 150 * MM, "The Return of the Boats / to the Harbour"},
		// balanced rather than filled
		{"Harga Sayur Turun setelah Jalan Dibuka", 32 * Pt, 150 * MM, "Harga Sayur Turun / setelah Jalan Dibuka"},
		// rather a line ending on "yang" than "Cerita" alone
		{"Noken, Tas yang Menyimpan Cerita", 32 * Pt, 100 * MM, "Noken, Tas yang / Menyimpan Cerita"},
		// fits one line: one line
		{"Berita Singkat", 18 * Pt, 150 * MM, "Berita Singkat"},
	} {
		ts := sansStyle(c.th.Type.DisplayBlack, tc.size, tc.size*108/100, c.th.Deep, Left)
		ls, set := c.headlineLines(tc.text, ts, tc.width, 5)
		if got := strings.Join(texts(ls), " / "); got != tc.want {
			t.Errorf("%q at %s pt in %s pt: %q, want %q", tc.text, tc.size, tc.width, got, tc.want)
		}
		if set.Size != tc.size {
			t.Errorf("%q: set at %s pt, want %s pt (it fits)", tc.text, set.Size, tc.size)
		}
		for _, ln := range ls {
			if ln.width > tc.width {
				t.Errorf("%q: a line of %s pt in %s pt", tc.text, ln.width, tc.width)
			}
		}
	}
}

// TestHeadlineBreakRules: whatever the width, when some way of breaking
// a headline in as few lines (or one more) leaves no word alone on the
// last line and ends no line on a word that leads into the next, the
// lines chosen do the same. Every way is tried, by brute force.
func TestHeadlineBreakRules(t *testing.T) {
	c := headlineComposer(t)
	ts := sansStyle(c.th.Type.DisplayBlack, 32*Pt, 35*Pt, c.th.Deep, Left)
	titles := []string{
		"Posyandu Keliling Menjangkau Kampung Terjauh",
		"Noken, Tas yang Menyimpan Cerita",
		"Satu Hari di Danau Sentani bersama Para Nelayan dan Anak-anak Mereka",
		"Harga Sayur Turun setelah Jalan Dibuka untuk Truk dari Kota",
		"Guru di Bawah Atap Honai",
		"A Road to the Valley and the Market of the Town",
	}
	checked := 0
	for _, text := range titles {
		words := strings.Fields(text)
		for w := 80 * MM; w <= 170*MM; w += 5 * MM {
			ls, set := c.headlineLines(text, ts, w, 5)
			if set.Size != ts.Size {
				continue
			}
			got := texts(ls)
			fewest := 99
			good := false
			for _, p := range partitions(c, words, ts, w) {
				fewest = min(fewest, len(p))
			}
			for _, p := range partitions(c, words, ts, w) {
				if len(p) <= fewest+1 && len(p) <= 5 && sensible(p) {
					good = true
				}
			}
			if good {
				checked++
				if !sensible(got) {
					t.Errorf("%q in %s pt: %q breaks a rule that other breaks keep", text, w, strings.Join(got, " / "))
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d settings had a sensible break to compare", checked)
	}
}

// partitions lists every way of breaking words into lines that fit width.
func partitions(c *composer, words []string, ts TextStyle, width Length) [][]string {
	var out [][]string
	var rec func(i int, acc []string)
	rec = func(i int, acc []string) {
		if i == len(words) {
			out = append(out, append([]string(nil), acc...))
			return
		}
		for j := i + 1; j <= len(words); j++ {
			l := strings.Join(words[i:j], " ")
			if c.opt.Metrics.Width(ts.Regular, ts.Size, l) > width {
				break
			}
			rec(j, append(acc, l))
		}
	}
	rec(0, nil)
	return out
}

// sensible: no one-word last line (of two or more), no line ending on a
// weak word.
func sensible(lines []string) bool {
	if len(lines) < 2 {
		return true
	}
	if !strings.Contains(lines[len(lines)-1], " ") {
		return false
	}
	for _, l := range lines[:len(lines)-1] {
		f := strings.Fields(l)
		if weakWord(f[len(f)-1]) {
			return false
		}
	}
	return true
}

// TestHeadlineShrinksLast: a headline too long for its lines at its size
// is set smaller — the last resort — and reported; one too long even then
// ends in an ellipsis.
func TestHeadlineShrinksLast(t *testing.T) {
	c := headlineComposer(t)
	var warned []string
	c.opt.Warn = func(_ diag.Pos, format string, args ...any) { warned = append(warned, format) }
	long := "Pembangunan Jalan Baru dari Wamena ke Lembah Hijau Membuka Pasar bagi Petani Kopi dan Sayur di Kampung-kampung Terjauh"
	a := &doc.Article{Title: long, Rank: doc.RankLead}
	c.iss = &doc.Issue{Articles: []*doc.Article{a}}
	ls, ts := c.titleLines(a, 120*MM, 3)
	if len(ls) > 3 || ts.Size >= 40*Pt || c.titlePct >= 100 || len(warned) != 1 {
		t.Errorf("%d lines at %s pt (%d %%), %d warnings; want 3 lines or fewer, smaller than 40 pt, one warning", len(ls), ts.Size, c.titlePct, len(warned))
	}
	ls, _ = c.headlineLines(strings.Repeat(long+" ", 4), sansStyle(c.th.Type.DisplayBlack, 40*Pt, 43*Pt, c.th.Deep, Left), 120*MM, 3)
	last := texts(ls)[len(ls)-1]
	if len(ls) != 3 || !strings.HasSuffix(last, "…") {
		t.Errorf("a text that cannot fit: %d lines ending %q, want 3 ending in …", len(ls), last)
	}
}

// TestSampleHeadlinesNoLonelyWord: in the sample issues, no article's
// headline of two lines or more leaves one word alone on its last line.
func TestSampleHeadlinesNoLonelyWord(t *testing.T) {
	for _, dir := range []string{"../issues/issue-12", "../docs/examples/suara-teluk/issues/issue-1"} {
		_, model := compose(t, dir)
		lines := map[int]map[Length][]string{} // H1 element → baseline → words
		for _, p := range model.Pages {
			if p.Kind == page.KindCover {
				continue // the cover lines are the cover's
			}
			for _, it := range p.Items {
				tx, ok := it.(*page.Text)
				if !ok || tx.Node <= 0 || model.Structure[tx.Node].Role != page.RoleH1 {
					continue
				}
				if lines[tx.Node] == nil {
					lines[tx.Node] = map[Length][]string{}
				}
				lines[tx.Node][tx.Y] = append(lines[tx.Node][tx.Y], tx.Text)
			}
		}
		checked := 0
		for _, byY := range lines {
			if len(byY) < 2 {
				continue
			}
			checked++
			last := Length(0)
			for y := range byY {
				last = max(last, y)
			}
			if words := strings.Fields(strings.Join(byY[last], " ")); len(words) == 1 {
				t.Errorf("%s: a headline ends on %q alone", dir, words[0])
			}
		}
		if checked == 0 {
			t.Errorf("%s: no headline of two lines to check", dir)
		}
	}
}
