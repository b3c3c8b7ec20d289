package doc

// Rank is how important an article is in its issue: it sets the size of
// its headline (the theme's scale of headlines) and where it is singled
// out. An article's header may name it (rank: lead, feature, short or
// brief); unnamed, the layout gives one from the article's kind, place
// and length.
type Rank int

const (
	RankUnset   Rank = iota // not named in the header
	RankLead                // the lead story, the cover story
	RankFeature             // a feature: an opener of its own
	RankShort               // a short item: a column, an editorial, a one-page story
	RankBrief               // news in brief
)

// RankNames are the names a header may give, most important first.
func RankNames() []string { return []string{"lead", "feature", "short", "brief"} }

// ParseRank reads a rank as a header names it.
func ParseRank(name string) (Rank, bool) {
	for i, n := range RankNames() {
		if n == name {
			return Rank(i + 1), true
		}
	}
	return RankUnset, false
}

// String is the rank's name in a header ("" when unset).
func (r Rank) String() string {
	if r < RankLead || r > RankBrief {
		return ""
	}
	return RankNames()[r-1]
}
