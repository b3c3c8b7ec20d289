package icc

import (
	"encoding/binary"
	"fmt"
)

// A pipeline is what a profile's transform tags describe: curves,
// matrices and a multidimensional table in some order, on 16-bit values
// (0 to 65535) from the first stage to the last.
type pipeline struct {
	in, out int
	stages  []stage
}

type stage interface {
	// apply transforms v (in place when the channel counts allow; the
	// result is returned).
	apply(v []int32) []int32
}

func (p *pipeline) eval(v []int32) []int32 {
	for _, s := range p.stages {
		v = s.apply(v)
	}
	return v
}

// curves is one curve per channel.
type curves []curve

func (c curves) apply(v []int32) []int32 {
	for i, cv := range c {
		v[i] = cv.eval(v[i])
	}
	return v
}

func (c curves) identity() bool {
	for _, cv := range c {
		if len(cv) != 0 {
			return false
		}
	}
	return true
}

// matrix is a 3×3 matrix with an offset, in Q30, on values 0 to 65535.
type matrix struct {
	m   [9]int64
	off [3]int64 // in Q30 of the full scale
	// pcs: the result is a PCS colour, which may lie outside 0…65535
	// (a wide-gamut red has a negative Z); it is not clamped.
	pcs bool
}

func (m *matrix) apply(v []int32) []int32 {
	var out [3]int64
	for i := range 3 {
		s := m.off[i] * 65535
		for j := range 3 {
			s += m.m[3*i+j] * int64(v[j])
		}
		out[i] = divRound(s, 1<<30)
	}
	for i := range 3 {
		if m.pcs {
			v[i] = int32(max(min(out[i], 1<<20), -(1 << 20)))
		} else {
			v[i] = clamp16(out[i])
		}
	}
	return v
}

// clut is a table on a grid over the input channels (the first varies
// slowest), read by simplex interpolation: the value at a point is a
// weighted mean of grid points around it (n+1 of them for n inputs), so
// a limit every grid point keeps, such as a total ink limit, holds
// everywhere between them too.
type clut struct {
	in, out int
	grid    []int // points along each input
	stride  []int // entries between neighbours along each input
	values  []uint16
}

// newCLUT makes an empty table; avail is how many entries the tag still
// holds (a damaged tag must not make magz allocate what it does not have).
func newCLUT(in, out int, grid []int, avail int) (*clut, error) {
	c := &clut{in: in, out: out, grid: grid, stride: make([]int, in)}
	n := out
	for i := in - 1; i >= 0; i-- {
		if grid[i] < 2 || grid[i] > 255 {
			return nil, fmt.Errorf("table with %d grid points", grid[i])
		}
		c.stride[i] = n
		n *= grid[i]
		if n > 1<<24 || n > avail {
			return nil, fmt.Errorf("table larger than its tag")
		}
	}
	c.values = make([]uint16, n)
	return c, nil
}

func (c *clut) apply(v []int32) []int32 {
	var idx, frac [maxChannels]int64
	var order [maxChannels]int
	base := 0
	for d := range c.in {
		pos := int64(v[d]) * int64(c.grid[d]-1)
		i, f := pos/65535, pos%65535
		if i >= int64(c.grid[d]-1) {
			i, f = int64(c.grid[d]-2), 65535
		}
		idx[d], frac[d] = i, f
		base += int(i) * c.stride[d]
		// insertion sort by fraction, largest first (ties by channel)
		k := d
		for k > 0 && frac[order[k-1]] < f {
			order[k] = order[k-1]
			k--
		}
		order[k] = d
	}
	var acc [maxChannels]int64
	w := 65535 - frac[order[0]]
	at := base
	for o := range c.out {
		acc[o] = w * int64(c.values[at+o])
	}
	for k := range c.in {
		d := order[k]
		at += c.stride[d]
		w = frac[d]
		if k+1 < c.in {
			w -= frac[order[k+1]]
		}
		if w == 0 {
			continue
		}
		for o := range c.out {
			acc[o] += w * int64(c.values[at+o])
		}
	}
	out := v
	if c.out > len(v) {
		out = make([]int32, c.out)
	}
	out = out[:c.out]
	for o := range c.out {
		out[o] = int32((acc[o] + 32767) / 65535)
	}
	return out
}

// maxChannels is the most channels magz reads a profile with (CMYK and
// up to eight-colour printing).
const maxChannels = 15

// readLut16 reads an mft2 tag (lut16Type). The matrix applies only to
// XYZ input.
func readLut16(b []byte, xyzIn bool) (*pipeline, error) {
	if len(b) < 52 {
		return nil, fmt.Errorf("lut16 cut short")
	}
	in, out, g := int(b[8]), int(b[9]), int(b[10])
	n, m := int(binary.BigEndian.Uint16(b[48:])), int(binary.BigEndian.Uint16(b[50:]))
	if in < 1 || in > maxChannels || out < 1 || out > maxChannels || n < 2 || m < 2 {
		return nil, fmt.Errorf("lut16 with %d inputs, %d outputs, %d and %d table entries", in, out, n, m)
	}
	grid := make([]int, in)
	for i := range grid {
		grid[i] = g
	}
	t, err := newCLUT(in, out, grid, (len(b)-52)/2)
	if err != nil {
		return nil, err
	}
	need := 52 + 2*(in*n+len(t.values)+out*m)
	if len(b) < need {
		return nil, fmt.Errorf("lut16 cut short")
	}
	at := 52
	read := func(count int) curve {
		c := make(curve, count)
		for i := range c {
			c[i] = binary.BigEndian.Uint16(b[at:])
			at += 2
		}
		return c
	}
	p := &pipeline{in: in, out: out}
	if xyzIn && in == 3 {
		if mx := lutMatrix(b[12:48]); mx != nil {
			p.stages = append(p.stages, mx)
		}
	}
	inCurves := make(curves, in)
	for i := range inCurves {
		inCurves[i] = read(n)
	}
	for i := range t.values {
		t.values[i] = binary.BigEndian.Uint16(b[at:])
		at += 2
	}
	outCurves := make(curves, out)
	for i := range outCurves {
		outCurves[i] = read(m)
	}
	p.stages = append(p.stages, inCurves, t, outCurves)
	return p, nil
}

// readLut8 reads an mft1 tag (lut8Type): the same as lut16 with 8-bit
// tables of 256 entries.
func readLut8(b []byte, xyzIn bool) (*pipeline, error) {
	if len(b) < 48 {
		return nil, fmt.Errorf("lut8 cut short")
	}
	in, out, g := int(b[8]), int(b[9]), int(b[10])
	if in < 1 || in > maxChannels || out < 1 || out > maxChannels {
		return nil, fmt.Errorf("lut8 with %d inputs and %d outputs", in, out)
	}
	grid := make([]int, in)
	for i := range grid {
		grid[i] = g
	}
	t, err := newCLUT(in, out, grid, len(b)-48)
	if err != nil {
		return nil, err
	}
	if len(b) < 48+256*in+len(t.values)+256*out {
		return nil, fmt.Errorf("lut8 cut short")
	}
	at := 48
	read := func() curve {
		c := make(curve, 256)
		for i := range c {
			c[i] = uint16(b[at]) * 257
			at++
		}
		return c
	}
	p := &pipeline{in: in, out: out}
	if xyzIn && in == 3 {
		if mx := lutMatrix(b[12:48]); mx != nil {
			p.stages = append(p.stages, mx)
		}
	}
	inCurves := make(curves, in)
	for i := range inCurves {
		inCurves[i] = read()
	}
	for i := range t.values {
		t.values[i] = uint16(b[at]) * 257
		at++
	}
	outCurves := make(curves, out)
	for i := range outCurves {
		outCurves[i] = read()
	}
	p.stages = append(p.stages, inCurves, t, outCurves)
	return p, nil
}

// lutMatrix reads the 3×3 matrix of a lut8 or lut16; nil for the identity.
func lutMatrix(b []byte) *matrix {
	mx := &matrix{}
	ident := true
	for i := range 9 {
		v := int64(int32(binary.BigEndian.Uint32(b[4*i:])))
		mx.m[i] = v << 14
		want := int64(0)
		if i%4 == 0 {
			want = 1 << 16
		}
		if v != want {
			ident = false
		}
	}
	if ident {
		return nil
	}
	return mx
}

// readLutAB reads an mAB (lutAtoBType) or mBA (lutBtoAType) tag.
func readLutAB(b []byte, aToB bool) (*pipeline, error) {
	if len(b) < 32 {
		return nil, fmt.Errorf("lutAtoB cut short")
	}
	in, out := int(b[8]), int(b[9])
	if in < 1 || in > maxChannels || out < 1 || out > maxChannels {
		return nil, fmt.Errorf("lutAtoB with %d inputs and %d outputs", in, out)
	}
	off := func(i int) int { return int(binary.BigEndian.Uint32(b[12+4*i:])) }
	oB, oMatrix, oM, oCLUT, oA := off(0), off(1), off(2), off(3), off(4)
	readCurves := func(at, n int) (curves, error) {
		if at == 0 {
			return nil, nil
		}
		cs := make(curves, n)
		for i := range cs {
			if at < 0 || at >= len(b) {
				return nil, fmt.Errorf("curve outside the tag")
			}
			c, size, err := readCurve(b[at:])
			if err != nil {
				return nil, err
			}
			cs[i] = c
			at += (size + 3) &^ 3
		}
		if cs.identity() {
			return nil, nil
		}
		return cs, nil
	}
	readMatrix := func(at int) (*matrix, error) {
		if at == 0 {
			return nil, nil
		}
		if at < 0 || at+48 > len(b) {
			return nil, fmt.Errorf("matrix outside the tag")
		}
		mx := &matrix{}
		for i := range 9 {
			mx.m[i] = int64(int32(binary.BigEndian.Uint32(b[at+4*i:]))) << 14
		}
		for i := range 3 {
			mx.off[i] = int64(int32(binary.BigEndian.Uint32(b[at+36+4*i:]))) << 14
		}
		return mx, nil
	}
	readTable := func(at, in, out int) (*clut, error) {
		if at == 0 {
			return nil, nil
		}
		if at < 0 || at+20 > len(b) {
			return nil, fmt.Errorf("table outside the tag")
		}
		grid := make([]int, in)
		for i := range grid {
			grid[i] = int(b[at+i])
		}
		t, err := newCLUT(in, out, grid, len(b)-at-20)
		if err != nil {
			return nil, err
		}
		prec := int(b[at+16])
		at += 20
		if (prec != 1 && prec != 2) || at+prec*len(t.values) > len(b) {
			return nil, fmt.Errorf("table cut short")
		}
		for i := range t.values {
			if prec == 1 {
				t.values[i] = uint16(b[at+i]) * 257
			} else {
				t.values[i] = binary.BigEndian.Uint16(b[at+2*i:])
			}
		}
		return t, nil
	}
	p := &pipeline{in: in, out: out}
	add := func(s stage, err error) error {
		if err != nil {
			return err
		}
		switch s := s.(type) {
		case curves:
			if s != nil {
				p.stages = append(p.stages, s)
			}
		case *matrix:
			if s != nil {
				p.stages = append(p.stages, s)
			}
		case *clut:
			if s != nil {
				p.stages = append(p.stages, s)
			}
		}
		return nil
	}
	var err error
	if aToB {
		// A curves, table, M curves, matrix, B curves
		if oA != 0 && oCLUT == 0 && in != out {
			return nil, fmt.Errorf("lutAtoB from %d to %d channels without a table", in, out)
		}
		for _, step := range []func() error{
			func() error { return add(readCurves(oA, in)) },
			func() error { return add(readTable(oCLUT, in, out)) },
			func() error { return add(readCurves(oM, out)) },
			func() error { return add(readMatrix(oMatrix)) },
			func() error { return add(readCurves(oB, out)) },
		} {
			if err = step(); err != nil {
				return nil, err
			}
		}
	} else {
		// B curves, matrix, M curves, table, A curves
		if oCLUT == 0 && in != out {
			return nil, fmt.Errorf("lutBtoA from %d to %d channels without a table", in, out)
		}
		for _, step := range []func() error{
			func() error { return add(readCurves(oB, in)) },
			func() error { return add(readMatrix(oMatrix)) },
			func() error { return add(readCurves(oM, in)) },
			func() error { return add(readTable(oCLUT, in, out)) },
			func() error { return add(readCurves(oA, out)) },
		} {
			if err = step(); err != nil {
				return nil, err
			}
		}
	}
	if oMatrix != 0 && (in != 3 && !aToB || out != 3 && aToB) {
		return nil, fmt.Errorf("matrix on %d channels", in)
	}
	return p, nil
}
