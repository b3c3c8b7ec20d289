package pdf

import (
	"fmt"

	"magz/internal/icc"
	"magz/layout/page"
)

// Ink rules for type and rules in the print edition. Fine lines printed in
// several inks go soft and coloured at their edges as soon as the plates
// register a little apart, so:
//
//   - text under SmallText and rules under ThinRule print in black ink
//     alone, or in one process ink with black where the colour allows it;
//   - the colour such an item gets is the nearest the output profile finds
//     with those inks: one chromatic ink (the one that keeps the hue best)
//     with black, when its hue stays within smallHueShift of the
//     colour's; else black alone, as dark as the colour.
const (
	SmallText = 12 * page.Pt
	ThinRule  = page.Pt / 2
)

// smallHueShift is how far (in degrees of CIE LCh hue) a small text's
// colour may move when it keeps one chromatic ink; smallChroma is the
// chroma (C*ab) under which a colour counts as grey and goes to black.
const (
	smallHueShift = 25
	smallChroma   = 8
)

// inkRules converts colours for small type and thin rules with the output
// profile, remembering each colour's result.
type inkRules struct {
	lab  *icc.Colorimeter
	done map[[4]int][4]int
}

func newInkRules(profile []byte) (*inkRules, error) {
	p, err := icc.Parse(profile)
	if err != nil {
		return nil, fmt.Errorf("the output profile: %w", err)
	}
	if p.Space != "CMYK" {
		return nil, fmt.Errorf("the output profile is for %s, not CMYK", p.Space)
	}
	c, err := icc.NewColorimeter(p)
	if err != nil {
		return nil, fmt.Errorf("the output profile: %w", err)
	}
	return &inkRules{lab: c, done: map[[4]int][4]int{}}, nil
}

// chromatic counts the inks other than black a colour uses.
func chromatic(v [4]int) int {
	n := 0
	for _, x := range v[:3] {
		if x > 0 {
			n++
		}
	}
	return n
}

// small returns the inks of v for small type and thin rules.
func (r *inkRules) small(v [4]int) [4]int {
	if chromatic(v) <= 1 {
		return v
	}
	if out, ok := r.done[v]; ok {
		return out
	}
	want := r.measure(v)
	best := r.blackFor(want)
	if chroma(want) >= smallChroma {
		// the chromatic ink that, with black, comes nearest
		bestErr := -1
		for ink := range 3 {
			if v[ink] == 0 {
				continue
			}
			cand, d := r.nearest(ink, want)
			if !sameHue(r.measure(cand), want) {
				continue
			}
			if bestErr < 0 || d < bestErr {
				best, bestErr = cand, d
			}
		}
	}
	r.done[v] = best
	return best
}

// measure is the Lab (hundredths) of inks in percent.
func (r *inkRules) measure(v [4]int) [3]int {
	dev := make([]uint16, 4)
	for i, x := range v {
		dev[i] = uint16(x * 65535 / 100)
	}
	return r.lab.Lab(dev)
}

// blackFor is black ink alone as dark as the colour (its L*).
func (r *inkRules) blackFor(want [3]int) [4]int {
	best, bestD := [4]int{}, -1
	for k := 0; k <= 100; k++ {
		c := [4]int{0, 0, 0, k}
		d := abs(r.measure(c)[0] - want[0])
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// nearest finds the amounts of one chromatic ink and black whose colour
// is nearest want (ΔE*ab squared, in hundredths), every 2 % of each.
func (r *inkRules) nearest(ink int, want [3]int) ([4]int, int) {
	best, bestD := [4]int{}, -1
	for x := 0; x <= 100; x += 2 {
		for k := 0; k <= 100; k += 2 {
			var c [4]int
			c[ink], c[3] = x, k
			got := r.measure(c)
			d := sq(got[0]-want[0]) + sq(got[1]-want[1]) + sq(got[2]-want[2])
			if bestD < 0 || d < bestD {
				best, bestD = c, d
			}
		}
	}
	return best, bestD
}

// chroma is C*ab in whole units.
func chroma(lab [3]int) int { return isqrt(sq(lab[1])+sq(lab[2])) / 100 }

// sameHue tells whether two colours' hue angles lie within smallHueShift
// of each other: the angle between their (a*, b*) vectors, whose tangent
// is |cross| / dot (integers throughout).
func sameHue(a, b [3]int) bool {
	dot := int64(a[1])*int64(b[1]) + int64(a[2])*int64(b[2])
	cross := int64(a[1])*int64(b[2]) - int64(a[2])*int64(b[1])
	if cross < 0 {
		cross = -cross
	}
	return dot > 0 && cross*100_000 <= tanHueShift*dot
}

// tanHueShift is tan(smallHueShift) in hundred-thousandths.
const tanHueShift = 46631 // tan 25°

func sq(x int) int { return x * x }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func isqrt(n int) int {
	if n <= 0 {
		return 0
	}
	r := n
	for {
		next := (r + n/r) / 2
		if next >= r {
			return r
		}
		r = next
	}
}
