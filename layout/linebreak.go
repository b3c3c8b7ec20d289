package layout

import "math"

// The line breaker is Knuth and Plass's total-fit algorithm ("Breaking
// paragraphs into lines", 1981): a paragraph is a list of boxes, glue and
// penalties, and the breaks chosen minimise the demerits of the whole
// paragraph rather than filling each line greedily.

type nodeKind uint8

const (
	nBox nodeKind = iota
	nGlue
	nPenalty
)

const (
	infPenalty = 10000
	fil        = Length(1) << 40 // "infinite" stretch, as TeX's fil
)

type node struct {
	kind    nodeKind
	width   Length
	stretch Length
	shrink  Length
	penalty int
	flagged bool // a hyphenation point
	// dash marks a break after a hyphen the word already has (anak-anak):
	// no hyphen is added, but the line ends in one, and counts in a run of
	// hyphenated lines.
	dash bool
	// emergency marks a break inside a word too long for any line; such
	// breaks do not count towards the run of hyphenated lines.
	emergency bool
	// space marks a break at a word space (ragged text breaks there on a
	// penalty between two glues)
	space bool
	frags []frag
}

// BreakParams are the knobs of the line breaker; NewBreakParams gives the
// defaults magz uses for body text.
type BreakParams struct {
	PreTolerance     int // largest badness accepted without hyphenation
	Tolerance        int // largest badness accepted with hyphenation
	LinePenalty      int
	HyphenPenalty    int // for breaks inside a root
	PreferredPenalty int // for breaks at a prefix or suffix
	DoubleHyphen     int // demerits for two hyphenated lines in a row
	FinalHyphen      int // demerits for a hyphen on the last full line
	FitnessDemerits  int // demerits for adjacent lines of very different tightness
	MaxHyphenRun     int // never more consecutive hyphenated lines than this
	EmergencyStretch Length
	// A hyphen leaves at least MinBefore letters before it and MinAfter
	// after it, and words of fewer than MinWord letters are never
	// hyphenated: a reader should not notice the break (per-ubahan, not
	// ba-ru).
	MinBefore, MinAfter, MinWord int
}

// NewBreakParams returns the defaults for body text of width lineWidth.
// The tolerances are looser than TeX's and the hyphen penalties higher,
// with letter-spacing taking more of the slack (trackStretch, tracking
// shrink, narrower columns more) and word spaces stretching by 45 %:
// measured with ../shared/tools/pdfgeom.py on the print editions, with
// three letters each side of a hyphen, 6.3 % of issue-12's lines end in a
// hyphen, 9.9 % of the synthetic issue's and 9 % of Suara Teluk's (three
// narrow columns); loose lines stay at 3 % or under and the 95th
// percentile of word spacing about 1.5 times the median.
func NewBreakParams(lineWidth Length) BreakParams {
	return BreakParams{
		PreTolerance:     130,
		Tolerance:        300,
		LinePenalty:      10,
		HyphenPenalty:    250,
		PreferredPenalty: 120,
		DoubleHyphen:     3000,
		FinalHyphen:      5000,
		FitnessDemerits:  3000,
		MaxHyphenRun:     2,
		EmergencyStretch: lineWidth / 5,
		MinBefore:        3,
		MinAfter:         3,
		MinWord:          6,
	}
}

type active struct {
	pos        int // index of the break node; -1 for the paragraph start
	line       int
	fitness    int
	hyphens    int // consecutive hyphenated lines ending here
	demerits   float64
	prev       *active
	sw, sy, sz Length // sums after the break
}

// breakLines returns the indexes of the nodes where lines end. It never
// fails: a last pass accepts overfull lines rather than losing text.
func breakLines(nodes []node, width func(line int) Length, p BreakParams) []int {
	// Raise the tolerance step by step rather than adding emergency
	// stretch: badness stays honest, so the breaker still prefers a
	// hyphen to a loose line when it has to accept something worse.
	// As TeX, first try without hyphenation (most paragraphs of wide
	// columns need none), then with it.
	if b, ok := kpPass(nodes, width, p, p.PreTolerance, 0, false, false); ok {
		return b
	}
	for _, tol := range []int{p.PreTolerance, p.Tolerance} {
		if b, ok := kpPass(nodes, width, p, tol, 0, true, false); ok {
			return b
		}
	}
	// Beyond the tolerance every line is accepted, and the uncapped
	// badness still picks the least bad set.
	if b, ok := kpPass(nodes, width, p, 1e8, 0, true, false); ok {
		return b
	}
	b, _ := kpPass(nodes, width, p, 1e8, p.EmergencyStretch, true, true)
	return b
}

func kpPass(nodes []node, widthAt func(line int) Length, p BreakParams, tolerance int, emergency Length, hyphenate, final bool) ([]int, bool) {
	n := len(nodes)
	sw := make([]Length, n+1)
	sy := make([]Length, n+1)
	sz := make([]Length, n+1)
	for i, nd := range nodes {
		sw[i+1], sy[i+1], sz[i+1] = sw[i], sy[i], sz[i]
		if nd.kind == nBox || nd.kind == nGlue {
			sw[i+1] += nd.width
			sy[i+1] += nd.stretch
			sz[i+1] += nd.shrink
		}
	}
	after := func(b int) (Length, Length, Length) {
		// Sums after breaking at b: discardable glue and penalties that
		// follow the break vanish at the start of the next line.
		i := b + 1
		for i < n && nodes[i].kind != nBox {
			if nodes[i].kind == nPenalty && nodes[i].penalty <= -infPenalty {
				break
			}
			i++
		}
		return sw[i], sy[i], sz[i]
	}
	actives := []*active{{pos: -1, fitness: 1}}
	for b := 0; b < n; b++ {
		nd := nodes[b]
		legal := false
		switch nd.kind {
		case nGlue:
			legal = b > 0 && nodes[b-1].kind == nBox
		case nPenalty:
			legal = nd.penalty < infPenalty && (hyphenate || !nd.flagged)
		}
		if !legal {
			continue
		}
		type cand struct {
			a        *active
			demerits float64
			fitness  int
			hyphens  int
		}
		var best []cand
		var keep []*active
		var rescue *active
		for _, a := range actives {
			width := widthAt(a.line)
			L := sw[b] - a.sw
			if nd.kind == nPenalty {
				L += nd.width
			}
			var r float64
			switch {
			case L < width:
				y := sy[b] - a.sy + emergency
				if y >= fil {
					r = 0
				} else if y > 0 {
					r = float64(width-L) / float64(y)
				} else {
					r = math.Inf(1)
				}
			case L > width:
				z := sz[b] - a.sz
				if z > 0 {
					r = float64(width-L) / float64(z)
				} else {
					r = math.Inf(-1)
				}
			}
			forced := nd.kind == nPenalty && nd.penalty <= -infPenalty
			if r < -1 || forced {
				// this active can no longer start a line reaching past b
			} else {
				keep = append(keep, a)
			}
			if r < -1 {
				if final && rescue == nil {
					rescue = a
				}
				continue
			}
			bad := badness(r)
			if bad > float64(tolerance) {
				continue
			}
			hy := 0
			switch {
			case nd.kind == nPenalty && nd.emergency:
				hy = a.hyphens
			case nd.kind == nPenalty && (nd.flagged || nd.dash):
				hy = a.hyphens + 1
				if hy > p.MaxHyphenRun {
					continue
				}
			}
			// Each product is rounded on its own (float64 conversions):
			// fused multiply-adds would make arm64 choose other breaks.
			d := float64(p.LinePenalty) + bad
			d = float64(d * d)
			if nd.kind == nPenalty {
				if nd.penalty >= 0 {
					d += float64(int64(nd.penalty) * int64(nd.penalty))
				} else if nd.penalty > -infPenalty {
					d -= float64(int64(nd.penalty) * int64(nd.penalty))
				}
			}
			if hy > 1 {
				d += float64(p.DoubleHyphen)
			}
			if hy > 0 && b+3 >= n {
				d += float64(p.FinalHyphen)
			}
			fit := fitnessClass(r)
			if abs(fit-a.fitness) > 1 {
				d += float64(p.FitnessDemerits)
			}
			best = append(best, cand{a, a.demerits + d, fit, hy})
		}
		actives = keep
		if len(best) == 0 && rescue != nil && len(actives) == 0 {
			best = append(best, cand{rescue, rescue.demerits + 1e9, 1, 0})
		}
		// one new active per (fitness, hyphen state), the cheapest
		var added [4][3]*active
		for _, c := range best {
			h := c.hyphens
			if h > 2 {
				h = 2
			}
			cur := added[c.fitness][h]
			if cur == nil || c.demerits < cur.demerits {
				a := &active{pos: b, line: c.a.line + 1, fitness: c.fitness, hyphens: c.hyphens, demerits: c.demerits, prev: c.a}
				a.sw, a.sy, a.sz = after(b)
				added[c.fitness][h] = a
			}
		}
		for f := range added {
			for h := range added[f] {
				if added[f][h] != nil {
					actives = append(actives, added[f][h])
				}
			}
		}
		if len(actives) == 0 {
			return nil, false
		}
	}
	// The paragraph ends with a forced break: the best active at the end.
	var bestA *active
	for _, a := range actives {
		if a.pos == n-1 && (bestA == nil || a.demerits < bestA.demerits) {
			bestA = a
		}
	}
	if bestA == nil {
		return nil, false
	}
	var breaks []int
	for a := bestA; a != nil && a.pos >= 0; a = a.prev {
		breaks = append(breaks, a.pos)
	}
	for i, j := 0, len(breaks)-1; i < j; i, j = i+1, j-1 {
		breaks[i], breaks[j] = breaks[j], breaks[i]
	}
	return breaks, true
}

// badness is TeX's 100·|r|³, but not capped at 10000: when a paragraph
// can only be set badly, the breaker still tells bad from worse.
func badness(r float64) float64 {
	if math.IsInf(r, 0) {
		return 1e8
	}
	return math.Min(100*math.Abs(r*r*r), 1e8)
}

func fitnessClass(r float64) int {
	switch {
	case r < -0.5:
		return 0 // tight
	case r <= 0.5:
		return 1 // decent
	case r <= 1:
		return 2 // loose
	}
	return 3 // very loose
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
