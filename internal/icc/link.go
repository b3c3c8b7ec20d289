package icc

import "fmt"

// Link converts device colours of one profile to those of another, as
// one table sampled from the two profiles' transforms (a device link).
type Link struct {
	In, Out int
	table   *clut
	// limit, when above 0, is the most total ink (in 16-bit units summed
	// over the outputs) the link puts down.
	limit int64
}

// LinkOptions adjust a Link.
type LinkOptions struct {
	// Grid is the number of points along each input of the sampled table
	// (33 for three inputs and 17 for four when 0).
	Grid int
	// Paper keeps the source's paper colour (absolute colorimetric on the
	// source side only), for a soft proof on a screen.
	Paper bool
	// InkLimit, in percent, caps the total ink of the output: inks above
	// it are taken back from cyan, magenta and yellow, keeping black.
	InkLimit int
	// SourceRelative reads the source colorimetrically (its relative
	// table) whatever the intent: a CMYK original's colours as they are,
	// separated again for the destination with the intent.
	SourceRelative bool
}

// NewLink samples the conversion from src to dst with the given intent.
func NewLink(src, dst *Profile, intent Intent, opt LinkOptions) (*Link, error) {
	srcIntent := intent
	if opt.Paper || opt.SourceRelative {
		srcIntent = Relative
	}
	from, err := src.toPCS(srcIntent)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src.Description, err)
	}
	to, err := dst.fromPCS(intent)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dst.Description, err)
	}
	in, out := from.p.in, to.p.out
	g := opt.Grid
	if g == 0 {
		g = 33
		if in > 3 {
			g = 17
		}
		if in == 1 {
			g = 256
		}
	}
	grid := make([]int, in)
	for i := range grid {
		grid[i] = g
	}
	t, err := newCLUT(in, out, grid, 1<<24)
	if err != nil {
		return nil, err
	}
	l := &Link{In: in, Out: out, table: t}
	if opt.InkLimit > 0 {
		l.limit = int64(opt.InkLimit) * 65535 / 100
	}
	absolute := intent == Absolute || opt.Paper
	v := make([]int32, maxChannels)
	e := make([]int32, 3)
	idx := make([]int, in)
	for n := 0; n*out < len(t.values); n++ {
		// the grid point's inputs, the last varying fastest
		r := n
		for d := in - 1; d >= 0; d-- {
			idx[d] = r % g
			r /= g
		}
		v = v[:maxChannels]
		for d := range in {
			v[d] = int32(divRound(int64(idx[d])*65535, int64(g-1)))
		}
		pcs := from.p.eval(v[:in])
		c := decodePCS(from.out, pcs)
		if absolute {
			c = c.scale(src.White, d50)
			if intent == Absolute && !opt.Paper {
				c = c.scale(d50, dst.White)
			}
		}
		encodePCS(to.in, c, e)
		dev := to.p.eval(append(v[:0], e...))
		for o := range out {
			t.values[n*out+o] = uint16(clamp16(int64(dev[o])))
		}
		if l.limit > 0 && out == 4 {
			limitInk(t.values[n*out:n*out+4], l.limit)
		}
	}
	return l, nil
}

// MaxInk is the most total ink (in percent, rounded) at any point of the
// link's table, and so anywhere: interpolation between the points never
// puts down more.
func (l *Link) MaxInk() int {
	var most int64
	t := l.table
	for i := 0; i+t.out <= len(t.values); i += t.out {
		var s int64
		for _, v := range t.values[i : i+t.out] {
			s += int64(v)
		}
		most = max(most, s)
	}
	return int(divRound(most*100, 65535))
}

// limitInk takes ink above limit (summed, 16-bit units) back from cyan,
// magenta and yellow in proportion, keeping black.
func limitInk(v []uint16, limit int64) {
	c, m, y, k := int64(v[0]), int64(v[1]), int64(v[2]), int64(v[3])
	if c+m+y+k <= limit {
		return
	}
	room := max(limit-k, 0)
	cmy := c + m + y
	v[0] = uint16(c * room / cmy)
	v[1] = uint16(m * room / cmy)
	v[2] = uint16(y * room / cmy)
}

// Eval converts one colour of 16-bit values.
func (l *Link) Eval(in []uint16) []uint16 {
	v := make([]int32, max(l.In, l.Out))
	for i := range l.In {
		v[i] = int32(in[i])
	}
	v = l.table.apply(v[:l.In])
	out := make([]uint16, l.Out)
	for i := range out {
		out[i] = uint16(v[i])
	}
	return out
}

// Pixels converts packed 8-bit pixels of In channels from src into dst,
// of Out channels. src and dst may not overlap unless In == Out.
func (l *Link) Pixels(dst, src []uint8) {
	if l.In == 3 {
		l.pixels3(dst, src)
		return
	}
	v := make([]int32, maxChannels)
	for i, o := 0, 0; i+l.In <= len(src) && o+l.Out <= len(dst); i, o = i+l.In, o+l.Out {
		v = v[:maxChannels]
		for c := range l.In {
			v[c] = int32(src[i+c]) * 257
		}
		r := l.table.apply(v[:l.In])
		for c := range l.Out {
			dst[o+c] = uint8((r[c] + 128) / 257)
		}
	}
}

// BlackRamp returns, for each grey of src (an RGB profile's neutral
// R=G=B, or a grey profile's value; 255 is white), the black ink of dst
// that prints it alone: as light as the grey relative to the paper, with
// the source's black on full black ink.
func BlackRamp(src, dst *Profile) ([256]uint8, error) {
	var ramp [256]uint8
	from, err := src.toPCS(Relative)
	if err != nil {
		return ramp, fmt.Errorf("%s: %w", src.Description, err)
	}
	to, err := dst.toPCS(Relative)
	if err != nil {
		return ramp, fmt.Errorf("%s: %w", dst.Description, err)
	}
	if dst.Space != "CMYK" {
		return ramp, fmt.Errorf("%s: not a CMYK profile", dst.Description)
	}
	lightness := func(t transform, dev []int32) int64 {
		return decodePCS(t.out, t.p.eval(dev)).toLab().v[0]
	}
	// the source's lightness of each grey
	var ls [256]int64
	for g := range ls {
		v := make([]int32, maxChannels)
		for c := range from.p.in {
			v[c] = int32(g * 257)
		}
		ls[g] = lightness(from, v[:from.p.in])
	}
	// black ink's lightness, in 1024 steps
	const steps = 1024
	var lk [steps + 1]int64
	for i := range lk {
		v := make([]int32, maxChannels)
		v[3] = int32(divRound(int64(i)*65535, steps))
		lk[i] = lightness(to, v[:4])
	}
	srcBlack, srcWhite := ls[0], ls[255]
	inkBlack, paper := lk[steps], lk[0]
	for g := range ramp {
		if srcWhite <= srcBlack {
			break
		}
		// the grey's place between the source's black and white, on the
		// scale from full black ink to the paper
		target := inkBlack + divRound((ls[g]-srcBlack)*(paper-inkBlack), srcWhite-srcBlack)
		// the first step at least as dark, interpolated with the one before
		i := 0
		for i < steps && lk[i] > target {
			i++
		}
		k := int64(i) * 65535 / steps
		if i > 0 && lk[i-1] != lk[i] {
			// between step i-1 (lighter) and i
			k = divRound((int64(i-1)*65535*(lk[i-1]-lk[i]) + (lk[i-1]-target)*65535), steps*(lk[i-1]-lk[i]))
		}
		ramp[g] = uint8((clamp16(k) + 128) / 257)
	}
	return ramp, nil
}

// MaxInk sweeps the whole Lab space (L* every 2, a* and b* every 8)
// through the profile's table for an intent, as a RIP reads it without
// black point compensation, and returns the most total ink it puts down
// (in tenths of a percent) and the Lab colour where.
func (p *Profile) MaxInk(intent Intent) (int, [3]int, error) {
	t, err := p.fromPCS(intent)
	if err != nil {
		return 0, [3]int{}, err
	}
	most, at := int64(-1), [3]int{}
	e := make([]int32, maxChannels)
	for L := 0; L <= 100; L += 2 {
		for a := -128; a <= 127; a += 8 {
			for b := -128; b <= 127; b += 8 {
				c := pcsColour{lab: true, v: [3]int64{int64(L) << 16, int64(a) << 16, int64(b) << 16}}
				e = e[:maxChannels]
				encodePCS(t.in, c, e)
				out := t.p.eval(e[:3])
				var s int64
				for _, v := range out {
					s += int64(v)
				}
				if s > most {
					most, at = s, [3]int{L, a, b}
				}
			}
		}
	}
	return int(divRound(most*1000, 65535)), at, nil
}

// Colorimeter reads a profile's device colours as Lab (relative
// colorimetric, in hundredths: L* 0 to 10000).
type Colorimeter struct {
	t transform
}

// NewColorimeter makes a colorimeter for p's device colours.
func NewColorimeter(p *Profile) (*Colorimeter, error) {
	t, err := p.toPCS(Relative)
	if err != nil {
		return nil, err
	}
	return &Colorimeter{t: t}, nil
}

// Lab measures a device colour (16-bit values).
func (c *Colorimeter) Lab(dev []uint16) [3]int {
	v := make([]int32, maxChannels)
	for i := range c.t.p.in {
		v[i] = int32(dev[i])
	}
	lab := decodePCS(c.t.out, c.t.p.eval(v[:c.t.p.in])).toLab()
	var out [3]int
	for i := range out {
		out[i] = int(divRound(lab.v[i]*100, 1<<16))
	}
	return out
}

// Then returns the link that converts through l and then next, sampled
// on l's grid: what a colour becomes when l's output goes through next
// (a soft proof: sRGB to the press's inks, then the inks to a screen).
func (l *Link) Then(next *Link) (*Link, error) {
	if l.Out != next.In {
		return nil, fmt.Errorf("a link to %d channels cannot feed one from %d", l.Out, next.In)
	}
	t, err := newCLUT(l.In, next.Out, l.table.grid, 1<<24)
	if err != nil {
		return nil, err
	}
	v := make([]int32, maxChannels)
	for n := 0; n*next.Out < len(t.values); n++ {
		mid := l.table.values[n*l.Out : (n+1)*l.Out]
		v = v[:maxChannels]
		for i, x := range mid {
			v[i] = int32(x)
		}
		out := next.table.apply(v[:next.In])
		for o := range next.Out {
			t.values[n*next.Out+o] = uint16(clamp16(int64(out[o])))
		}
	}
	return &Link{In: l.In, Out: next.Out, table: t}, nil
}

// pixels3 is Pixels for three inputs: the same simplex interpolation as
// clut.apply (the same weights, the same rounding), with the grid
// position of every 8-bit value worked out once. The weights add up to
// 65535 and the table's values are 16-bit, so a weighted sum fits 32
// bits. A pixel like the one before it takes the same inks.
func (l *Link) pixels3(dst, src []uint8) {
	t := l.table
	var idx [3][256]int32 // offset of the cell along each input
	var frac [3][256]uint32
	for d := range 3 {
		g := int64(t.grid[d])
		for v := range 256 {
			pos := int64(v) * 257 * (g - 1)
			i, f := pos/65535, pos%65535
			if i >= g-1 {
				i, f = g-2, 65535
			}
			idx[d][v] = int32(i) * int32(t.stride[d])
			frac[d][v] = uint32(f)
		}
	}
	strides := [3]int{t.stride[0], t.stride[1], t.stride[2]}
	out := l.Out
	vals := t.values
	var last [3]uint8
	for i, o := 0, 0; i+3 <= len(src) && o+out <= len(dst); i, o = i+3, o+out {
		r, g, b := src[i], src[i+1], src[i+2]
		if o > 0 && r == last[0] && g == last[1] && b == last[2] {
			copy(dst[o:o+out], dst[o-out:o])
			continue
		}
		last = [3]uint8{r, g, b}
		base := int(idx[0][r] + idx[1][g] + idx[2][b])
		fr, fg, fb := frac[0][r], frac[1][g], frac[2][b]
		// the order of the fractions, largest first (ties by channel, as
		// clut.apply's insertion sort leaves them), without branches
		o3 := &order3[b2u(fr >= fg)<<2|b2u(fg >= fb)<<1|b2u(fr >= fb)]
		fs := [3]uint32{fr, fg, fb}
		f0, f1, f2 := fs[o3[0]], fs[o3[1]], fs[o3[2]]
		d0, d1, d2 := strides[o3[0]], strides[o3[1]], strides[o3[2]]
		w0, w1, w2, w3 := 65535-f0, f0-f1, f1-f2, f2
		a, b1, c, e := base, base+d0, base+d0+d1, base+d0+d1+d2
		va, vb, vc, ve := vals[a:a+out], vals[b1:b1+out], vals[c:c+out], vals[e:e+out]
		px := dst[o : o+out]
		for ch := range px {
			acc := w0*uint32(va[ch]) + w1*uint32(vb[ch]) + w2*uint32(vc[ch]) + w3*uint32(ve[ch])
			v := (acc + 32767) / 65535
			px[ch] = uint8((v + 128) / 257)
		}
	}
}

// order3 is the order of three fractions r, g, b, largest first, indexed
// by r≥g, g≥b and r≥b (4, 2 and 1): ties go to the earlier channel, as
// clut.apply's insertion sort leaves them (indexes 1 and 6 cannot occur).
// A table, never written.
var order3 = [8][3]uint8{{2, 1, 0}, {0, 2, 1}, {1, 2, 0}, {1, 0, 2}, {2, 0, 1}, {0, 2, 1}, {0, 1, 2}, {0, 1, 2}}

func b2u(b bool) uint {
	if b {
		return 1
	}
	return 0
}
