package layout

import (
	"math"
	"slices"
)

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
// three letters each side of a hyphen, 5.4 % of issue-12's lines end in a
// hyphen, 9.7 % of the synthetic issue's (long words) and 6.7 % of Suara
// Teluk's (three narrow columns); loose lines stay under 2 % and the 95th
// percentile of word spacing at 1.45 times the median or less.
//
// A break at a prefix or suffix (ber-angkat, pem-bangunan) reads better
// than one inside a root, so it costs less (PreferredPenalty), but it is
// still a hyphen: at 120 it cost less than a line a little loose
// (badness 110), and a tenth of the synthetic issue's lines ended in one;
// at 220 the breaker takes a hyphen where the line would otherwise be
// loose, not where it would merely be spaced a little wider.
func NewBreakParams(lineWidth Length) BreakParams {
	return BreakParams{
		PreTolerance:     130,
		Tolerance:        300,
		LinePenalty:      10,
		HyphenPenalty:    250,
		PreferredPenalty: 220,
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

// kp is one pass of the line breaker over a paragraph's nodes: the
// running sums of widths, stretch and shrink, and the pass's settings.
type kp struct {
	nodes      []node
	widthAt    func(line int) Length
	p          BreakParams
	tolerance  int
	emergency  Length // extra stretch every line may take
	hyphenate  bool   // hyphenation points are legal breaks
	final      bool   // an overfull line is accepted rather than none
	sw, sy, sz []Length
}

// candidate is a way to end a line at the node being considered: after
// active a, with its demerits, fitness and run of hyphenated lines.
type candidate struct {
	a        *active
	demerits float64
	fitness  int
	hyphens  int
}

func kpPass(nodes []node, widthAt func(line int) Length, p BreakParams, tolerance int, emergency Length, hyphenate, final bool) ([]int, bool) {
	n := len(nodes)
	k := &kp{nodes: nodes, widthAt: widthAt, p: p, tolerance: tolerance, emergency: emergency, hyphenate: hyphenate, final: final,
		sw: make([]Length, n+1), sy: make([]Length, n+1), sz: make([]Length, n+1)}
	for i, nd := range nodes {
		k.sw[i+1], k.sy[i+1], k.sz[i+1] = k.sw[i], k.sy[i], k.sz[i]
		if nd.kind == nBox || nd.kind == nGlue {
			k.sw[i+1] += nd.width
			k.sy[i+1] += nd.stretch
			k.sz[i+1] += nd.shrink
		}
	}
	actives := []*active{{pos: -1, fitness: 1}}
	for b := 0; b < n; b++ {
		if !k.legal(b) {
			continue
		}
		var best []candidate
		best, actives = k.candidates(b, actives)
		actives = append(actives, k.newActives(b, best)...)
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
	slices.Reverse(breaks)
	return breaks, true
}

// legal tells whether a line may end at node b: at glue after a box, or
// at a penalty that is not infinite (a hyphen only when hyphenating).
func (k *kp) legal(b int) bool {
	nd := k.nodes[b]
	switch nd.kind {
	case nGlue:
		return b > 0 && k.nodes[b-1].kind == nBox
	case nPenalty:
		return nd.penalty < infPenalty && (k.hyphenate || !nd.flagged)
	}
	return false
}

// after is the sums after breaking at b: discardable glue and penalties
// that follow the break vanish at the start of the next line.
func (k *kp) after(b int) (Length, Length, Length) {
	i := b + 1
	for i < len(k.nodes) && k.nodes[i].kind != nBox {
		if k.nodes[i].kind == nPenalty && k.nodes[i].penalty <= -infPenalty {
			break
		}
		i++
	}
	return k.sw[i], k.sy[i], k.sz[i]
}

// ratio is how far a line from active a to node b stretches (> 0) or
// shrinks (< 0) to its width, in units of what it can.
func (k *kp) ratio(a *active, b int) float64 {
	nd := k.nodes[b]
	width := k.widthAt(a.line)
	L := k.sw[b] - a.sw
	if nd.kind == nPenalty {
		L += nd.width
	}
	switch {
	case L < width:
		y := k.sy[b] - a.sy + k.emergency
		if y >= fil {
			return 0
		} else if y > 0 {
			return float64(width-L) / float64(y)
		}
		return math.Inf(1)
	case L > width:
		if z := k.sz[b] - a.sz; z > 0 {
			return float64(width-L) / float64(z)
		}
		return math.Inf(-1)
	}
	return 0
}

// candidates are the ways to end a line at node b from the actives, and
// the actives that may still start a line reaching past b.
func (k *kp) candidates(b int, actives []*active) (best []candidate, keep []*active) {
	nd := k.nodes[b]
	var rescue *active
	forced := nd.kind == nPenalty && nd.penalty <= -infPenalty
	for _, a := range actives {
		r := k.ratio(a, b)
		if r >= -1 && !forced {
			keep = append(keep, a)
		}
		if r < -1 {
			if k.final && rescue == nil {
				rescue = a
			}
			continue
		}
		if c, ok := k.demerits(a, b, r); ok {
			best = append(best, c)
		}
	}
	if len(best) == 0 && rescue != nil && len(keep) == 0 {
		best = append(best, candidate{rescue, rescue.demerits + 1e9, 1, 0})
	}
	return best, keep
}

// demerits prices a line from active a to node b at ratio r; ok is false
// when the line is not allowed (too loose, or a hyphen too many).
func (k *kp) demerits(a *active, b int, r float64) (candidate, bool) {
	nd, p := k.nodes[b], k.p
	bad := badness(r)
	if bad > float64(k.tolerance) {
		return candidate{}, false
	}
	hy := 0
	switch {
	case nd.kind == nPenalty && nd.emergency:
		hy = a.hyphens
	case nd.kind == nPenalty && (nd.flagged || nd.dash):
		hy = a.hyphens + 1
		if hy > p.MaxHyphenRun {
			return candidate{}, false
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
	if hy > 0 && b+3 >= len(k.nodes) {
		d += float64(p.FinalHyphen)
	}
	fit := fitnessClass(r)
	if abs(fit-a.fitness) > 1 {
		d += float64(p.FitnessDemerits)
	}
	return candidate{a, a.demerits + d, fit, hy}, true
}

// newActives keeps, of the candidates ending a line at b, the cheapest
// for each fitness class and run of hyphens, as new actives.
func (k *kp) newActives(b int, best []candidate) []*active {
	var added [4][3]*active
	for _, c := range best {
		h := min(c.hyphens, 2)
		cur := added[c.fitness][h]
		if cur == nil || c.demerits < cur.demerits {
			a := &active{pos: b, line: c.a.line + 1, fitness: c.fitness, hyphens: c.hyphens, demerits: c.demerits, prev: c.a}
			a.sw, a.sy, a.sz = k.after(b)
			added[c.fitness][h] = a
		}
	}
	var out []*active
	for f := range added {
		for h := range added[f] {
			if added[f][h] != nil {
				out = append(out, added[f][h])
			}
		}
	}
	return out
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
