package reader

// The plan: what the layout needs to place each article and fill
// every page — an article's rank (rank: in its header), the theme's scale
// of headlines (theme: headlines:).

import (
	"math"
	"strings"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/theme"
	"magz/layout/page"
)

// rank reads an article's rank: one of lead, feature, short or brief.
func (r *reader) rank(name string, pos diag.Pos) doc.Rank {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return doc.RankUnset
	}
	rk, ok := doc.ParseRank(name)
	if !ok {
		r.diags.Errorf(pos, "rank %q is not one of %s", name, strings.Join(doc.RankNames(), ", "))
	}
	return rk
}

// headlinesYAML is the theme's scale of headline sizes by rank, in points.
type headlinesYAML struct {
	Lead    *float64 `yaml:"lead"`
	Feature *float64 `yaml:"feature"`
	Short   *float64 `yaml:"short"`
	Brief   *float64 `yaml:"brief"`
}

// Headline sizes a theme may give, in points.
const minHeadline, maxHeadline = 10, 96

// readHeadlines applies the theme's headline sizes; a rank's size larger
// than the one above it would undo the ranking, and is an error.
func readHeadlines(y *headlinesYAML, th *theme.Theme, at func(string) diag.Pos, diags *diag.List) {
	if y == nil {
		return
	}
	h := &th.Headlines
	for _, s := range []struct {
		key string
		v   *float64
		dst *page.Length
	}{{"lead", y.Lead, &h.Lead}, {"feature", y.Feature, &h.Feature}, {"short", y.Short, &h.Short}, {"brief", y.Brief, &h.Brief}} {
		if s.v == nil {
			continue
		}
		if *s.v < minHeadline || *s.v > maxHeadline {
			diags.Errorf(at("theme.headlines."+s.key), "headlines.%s must be from %d to %d points, got %g", s.key, minHeadline, maxHeadline, *s.v)
			continue
		}
		*s.dst = page.Length(math.Round(*s.v*1000)) * page.Pt / 1000
	}
	sizes := h.Sizes()
	for i := 1; i < len(sizes); i++ {
		if sizes[i] > sizes[i-1] {
			name := doc.RankNames()[i]
			diags.Errorf(at("theme.headlines."+name), "headlines.%s (%s pt) is larger than headlines.%s (%s pt): a rank's headline is never larger than the one above it", name, sizes[i], doc.RankNames()[i-1], sizes[i-1])
		}
	}
}
