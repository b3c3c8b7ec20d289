// Headlines by rank and broken by sense: an article's headline is set at
// its rank's size from the theme's scale (lead, feature, short, brief),
// whatever its length, and headlines, standfirsts and cover lines are
// broken where a reader pauses — never leaving one word alone on the last
// line nor ending a line on a word that leads into the next (di, dan,
// yang, of, the…) when another break works — in lines of even length.

package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"magz/internal/doc"
)

// Default ranks: an article of fewer words than briefWords is news in
// brief, and so is a collection of briefs (briefHeads subheadings or more,
// under briefWords words each on average).
const (
	briefWords = 120
	briefHeads = 3
)

// articleRanks gives every article its rank: the one its header names,
// else one from its kind, place and length. The lead is the first article
// with an opener photo that the cover does not skip (the editorial is not
// news), unless a header names a lead; an article with photos is a
// feature; the editorial and other pieces the cover skips are short
// items at least.
func articleRanks(arts []*doc.Article, skip []string) map[*doc.Article]doc.Rank {
	out := map[*doc.Article]doc.Rank{}
	named := slices.ContainsFunc(arts, func(a *doc.Article) bool { return a.Rank == doc.RankLead })
	for _, a := range arts {
		if a.Rank != doc.RankUnset {
			out[a] = a.Rank
			continue
		}
		skipped := slices.ContainsFunc(skip, func(s string) bool { return strings.EqualFold(s, a.Section) })
		words, heads := articleWords(a)
		switch {
		case !named && a.Hero != nil && !skipped:
			out[a], named = doc.RankLead, true
		case !skipped && a.Hero == nil && heads >= briefHeads && words < briefWords*heads:
			out[a] = doc.RankBrief // a collection of briefs, photos or not
		case a.Hero != nil || hasFigures(a) && words >= briefWords:
			out[a] = doc.RankFeature
		case !skipped && words < briefWords:
			out[a] = doc.RankBrief
		default:
			out[a] = doc.RankShort
		}
	}
	return out
}

// articleWords counts the words of an article's text, and its
// subheadings.
func articleWords(a *doc.Article) (words, heads int) {
	doc.Walk(a.Blocks, func(b doc.Block) {
		switch b := b.(type) {
		case *doc.Paragraph:
			words += len(strings.Fields(doc.PlainText(b.Spans)))
		case *doc.Heading:
			heads++
		}
	})
	return words, heads
}

// rank is the rank of article a in the issue being composed.
func (c *composer) rank(a *doc.Article) doc.Rank {
	if c.ranks == nil {
		arts := c.arts
		if arts == nil {
			arts = c.iss.Articles
		}
		c.ranks = articleRanks(arts, c.th.Cover.SkipSections)
	}
	if r, ok := c.ranks[a]; ok {
		return r
	}
	return doc.RankFeature // an article made outside the issue, in tests
}

// headlineSize is the headline size of a rank, from the theme's scale.
func (c *composer) headlineSize(r doc.Rank) Length {
	sizes := c.th.Headlines.Sizes()
	if r < doc.RankLead || int(r) > len(sizes) {
		r = doc.RankFeature
	}
	return sizes[r-1]
}

// titleLines is the opener's hook: article a's headline set at its rank's
// size in at most maxLines lines of width w, and the style it is set in.
// Only a headline that cannot fit otherwise is set smaller; titlePct then
// records by how much (percent of the rank's size), for the copyfit report.
func (c *composer) titleLines(a *doc.Article, w Length, maxLines int) ([]line, TextStyle) {
	size := c.headlineSize(c.rank(a))
	ts := sansStyle(c.th.Type.DisplayBlack, size, size*Length(c.th.Opener.TitleLeading)/100, c.th.Deep, Left)
	lines, set := c.headlineLines(a.Title, ts, w, maxLines)
	c.titlePct = int(set.Size * 100 / size)
	if set.Size < size && c.opt.Warn != nil {
		c.opt.Warn(a.Pos, "the headline does not fit its opener in %d lines at its rank's size (%s pt): it is set at %s pt; shorten it", maxLines, size, set.Size)
	}
	return lines, set
}

// standfirstLines sets article a's standfirst in style ts, broken by
// sense in at most maxLines lines of width w; smaller only as a last
// resort, with a warning.
func (c *composer) standfirstLines(a *doc.Article, ts TextStyle, w Length, maxLines int) ([]line, TextStyle) {
	lines, set := c.headlineLines(a.Subtitle, ts, w, maxLines)
	if set.Size < ts.Size && c.opt.Warn != nil {
		c.opt.Warn(a.Pos, "the standfirst does not fit its opener in %d lines at its size (%s pt): it is set at %s pt; shorten it", maxLines, ts.Size, set.Size)
	}
	return lines, set
}

// Breaking by sense, in costs of hundredths of an em squared: a line a
// whole em off the even length costs 10000.
const (
	weakEndCost    = 400000 // a line ends on a word that leads into the next
	lonelyLastCost = 600000 // the last line is one word: worst of all
	lonelyMidCost  = 60000  // a line between others is one word
	extraLineCost  = 250000 // a line more than the fewest that hold the text
	pauseBonus     = 40000  // a line ends at a comma, colon, dash: a pause
)

// shrinkSteps are the sizes (percent) a headline is tried at when it
// cannot fit its lines at its own: the last resort, named in the report.
var shrinkSteps = []int{100, 92, 84, 76, 68, 60}

// headlineLines breaks a headline, standfirst or cover line into at most
// maxLines lines of width by sense (see the costs above), never
// hyphenated. It returns the lines and the style they are set in: ts,
// unless the text fits maxLines only smaller (shrinkSteps); when it does
// not fit even then, the last line kept ends in an ellipsis.
func (c *composer) headlineLines(text string, ts TextStyle, width Length, maxLines int) ([]line, TextStyle) {
	words := strings.Fields(text)
	if len(words) == 0 || maxLines < 1 {
		return nil, ts
	}
	base := ts
	for _, pct := range shrinkSteps {
		ts = base
		ts.Size, ts.Leading = base.Size*Length(pct)/100, base.Leading*Length(pct)/100
		if lines, ok := c.breakBySense(words, ts, width, maxLines); ok {
			return lines, ts
		}
	}
	return c.lines(text, ts, width, maxLines), ts
}

// hword is a word of a headline, measured.
type hword struct {
	text  string
	frags []frag
	w     Length
}

// breakBySense sets words in the best of the fewest lines that hold them
// and one line more; ok is false when they need more than maxLines, or a
// word is wider than a line.
func (c *composer) breakBySense(words []string, ts TextStyle, width Length, maxLines int) ([]line, bool) {
	hw := make([]hword, len(words))
	for i, s := range words {
		hw[i] = hword{text: s, frags: c.st.fragsFor(s, ts.Regular, ts.Size, 0, ts.Color, "")}
		for _, f := range hw[i].frags {
			hw[i].w += f.width
		}
		if hw[i].w > width {
			return nil, false
		}
	}
	space := c.opt.Metrics.Width(ts.Regular, ts.Size, " ")
	fewest := greedyLines(hw, space, width)
	if fewest > maxLines {
		return nil, false
	}
	var best []int
	var bestCost int64
	for k := fewest; k <= min(fewest+1, maxLines, len(hw)); k++ {
		ends, cost, ok := senseBreaks(hw, space, width, k, ts.Size)
		if !ok {
			continue
		}
		if k > fewest {
			cost += extraLineCost
		}
		if best == nil || cost < bestCost {
			best, bestCost = ends, cost
		}
	}
	if best == nil {
		return nil, false
	}
	var out []line
	start := 0
	for _, end := range best {
		var ln line
		x := Length(0)
		for i := start; i < end; i++ {
			if i > start {
				x += space
			}
			for _, f := range hw[i].frags {
				ln.frags = append(ln.frags, placed{f, x})
				x += f.width
			}
		}
		ln.width = x
		out = append(out, ln)
		start = end
	}
	return out, true
}

// greedyLines is how many lines the words take filled one by one: the
// fewest that hold them.
func greedyLines(hw []hword, space, width Length) int {
	n, x := 1, Length(-1)
	for _, w := range hw {
		switch {
		case x < 0:
			x = w.w
		case x+space+w.w <= width:
			x += space + w.w
		default:
			n++
			x = w.w
		}
	}
	return n
}

// senseBreaks finds the k lines of words that cost least (a dynamic
// programme over where each line ends): it returns the index after each
// line's last word.
func senseBreaks(hw []hword, space, width Length, k int, em Length) ([]int, int64, bool) {
	n := len(hw)
	total := Length(0)
	for _, w := range hw {
		total += w.w
	}
	target := (total + Length(n-k)*space) / Length(k) // the even length
	const inf = int64(1) << 62
	// cost[j][l]: the least cost of words [0,j) in l lines; from[j][l] the
	// start of the last of them.
	cost := make([][]int64, n+1)
	from := make([][]int, n+1)
	for j := range cost {
		cost[j] = make([]int64, k+1)
		from[j] = make([]int, k+1)
		for l := range cost[j] {
			cost[j][l] = inf
		}
	}
	cost[0][0] = 0
	for l := 1; l <= k; l++ {
		for j := l; j <= n-(k-l); j++ {
			w := Length(-space)
			for i := j - 1; i >= l-1; i-- {
				w += hw[i].w + space
				if w > width {
					break
				}
				if cost[i][l-1] == inf {
					continue
				}
				c := cost[i][l-1] + lineCost(hw, i, j, w, target, em, l == k, k)
				if c < cost[j][l] {
					cost[j][l], from[j][l] = c, i
				}
			}
		}
	}
	if cost[n][k] == inf {
		return nil, 0, false
	}
	ends := make([]int, k)
	for j, l := n, k; l > 0; l-- {
		ends[l-1] = j
		j = from[j][l]
	}
	return ends, cost[n][k], true
}

// lineCost is the cost of a line of words [i,j) of width w.
func lineCost(hw []hword, i, j int, w, target, em Length, last bool, lines int) int64 {
	d := int64(w-target) * 100 / int64(em)
	c := d * d
	if lines == 1 {
		return c
	}
	end := hw[j-1].text
	switch {
	case last && j-i == 1:
		c += lonelyLastCost
	case !last && j-i == 1:
		c += lonelyMidCost
	}
	if !last {
		if weakWord(end) {
			c += weakEndCost
		}
		if r, _ := utf8.DecodeLastRuneInString(end); strings.ContainsRune(",:;—–", r) {
			c -= pauseBonus
		}
	}
	return c
}

// weakWord tells whether a word leads into the next so closely that a line
// must not end on it: prepositions, conjunctions and articles of
// Indonesian and English.
func weakWord(w string) bool {
	w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
	switch w {
	case "di", "ke", "dari", "dan", "yang", "untuk", "atau", "dengan", "pada", "dalam", "bagi", "oleh", "serta",
		"tetapi", "namun", "karena", "sebagai", "antara", "akan", "para", "sang", "si", "tak", "tidak", "bukan", "agar", "sejak", "hingga", "menuju", "tentang",
		"of", "to", "and", "the", "a", "an", "in", "on", "for", "at", "by", "with", "from", "or", "as", "into", "but", "not":
		return true
	}
	return false
}
