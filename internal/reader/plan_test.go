package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"magz/internal/doc"
	"magz/layout/page"
)

// TestRankAndHeadlines: an article's rank: is read, the theme's headline
// sizes replace the house scale's, and mistakes in either are reported
// where they are written.
func TestRankAndHeadlines(t *testing.T) {
	dir := magazine(t, "magazine: Suara Teluk\ntheme:\n  headlines:\n    lead: 44\n    brief: 16.5\n", "number: 1\ndate: 2026-05-01\n")
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, "articles", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "---\ntitle: A\nrank: Lead\n---\nTeks.\n")
	write("b.md", "---\ntitle: B\n---\nTeks.\n")
	iss, problems := read(t, dir)
	if problems != "" {
		t.Fatalf("problems:\n%s", problems)
	}
	if iss.Articles[0].Rank != doc.RankLead || iss.Articles[1].Rank != doc.RankUnset {
		t.Errorf("ranks %v %v, want lead and unset", iss.Articles[0].Rank, iss.Articles[1].Rank)
	}
	if h := iss.Theme.Headlines; h.Lead != 44*page.Pt || h.Brief != 16500 || h.Feature != 32*page.Pt {
		t.Errorf("headlines %+v, want lead 44, brief 16.5 and the house feature 32", h)
	}

	dir = magazine(t, "magazine: Suara Teluk\ntheme:\n  headlines:\n    feature: 48\n    short: 120\n", "number: 1\ndate: 2026-05-01\n")
	write("a.md", "---\ntitle: A\nrank: utama\n---\nTeks.\n")
	_, problems = read(t, dir)
	for _, want := range []string{
		`magazine.yaml:5:12: headlines.short must be from 10 to 96 points, got 120`,
		`magazine.yaml:4:14: headlines.feature (48.00 pt) is larger than headlines.lead (40.00 pt)`,
		`a.md:3:7: rank "utama" is not one of lead, feature, short, brief`,
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems lack %q:\n%s", want, problems)
		}
	}
}
