package pdf

import "fmt"

// Overprint. Black text and rules print on top of what is under them
// (overprint) instead of cutting it out of the other plates (knockout):
// a line of black type over a photo then needs no register with it, and
// no white edge shows when the plates stray. Only solid black overprints
// (a grey or a colour would mix with what is under it); fills and
// pictures always knock out. The two graphics states are added to the
// pages' resources by the finishing step.
const (
	gsOverprint = "MagzOP"
	gsKnockout  = "MagzKO"
)

// solidBlack is the least black (percent) that overprints, with no other ink.
const solidBlack = 95

// overprints tells whether inks print over what is under them.
func overprints(v [4]int) bool { return v[0] == 0 && v[1] == 0 && v[2] == 0 && v[3] >= solidBlack }

// overprint sets the overprint state of what is drawn next, in the print
// edition.
func (d *drawer) overprint(on bool) {
	if d.opt.Edition != Print || d.opt.OutputIntent == nil || on == d.op {
		return
	}
	gs := gsKnockout
	if on {
		gs = gsOverprint
	}
	d.f.RawWriteStr(fmt.Sprintf("/%s gs\n", gs))
	d.op = on
}

// overprintStates adds the two graphics states to a resource dictionary.
func overprintStates(res *dict) error {
	gs := res.dict("ExtGState")
	switch {
	case gs == nil && res.get("ExtGState") != nil:
		return fmt.Errorf("an /ExtGState that is not a dictionary written in place")
	case gs == nil:
		gs = &dict{}
		res.set("ExtGState", gs)
	}
	state := func(on bool) *dict {
		b := keyword("false")
		if on {
			b = keyword("true")
		}
		return &dict{entries: []entry{{"Type", name("ExtGState")}, {"OP", b}, {"op", b}, {"OPM", integer(1)}}}
	}
	gs.set(gsOverprint, state(true))
	gs.set(gsKnockout, state(false))
	return nil
}
