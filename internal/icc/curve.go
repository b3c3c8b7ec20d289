package icc

import (
	"encoding/binary"
	"fmt"
)

// curve is a one-dimensional transfer function on 16-bit values: a table
// read with linear interpolation, or nil for the identity.
type curve []uint16

// formulaPoints is the size of the table a formula curve is sampled into.
const formulaPoints = 4097

func (c curve) eval(v int32) int32 {
	n := len(c)
	if n == 0 {
		return v
	}
	if n == 1 {
		return int32(c[0])
	}
	pos := int64(v) * int64(n-1)
	i, f := pos/65535, pos%65535
	if i >= int64(n-1) {
		return int32(c[n-1])
	}
	a, b := int64(c[i]), int64(c[i+1])
	return int32(a + divRound((b-a)*f, 65535))
}

// readCurve reads a curv or para element at the start of b and returns it
// with the number of bytes it takes (before padding).
func readCurve(b []byte) (curve, int, error) {
	if len(b) < 12 {
		return nil, 0, fmt.Errorf("curve cut short")
	}
	switch string(b[:4]) {
	case "curv":
		n := int(binary.BigEndian.Uint32(b[8:]))
		size := 12 + 2*n
		if n < 0 || n > 1<<20 || len(b) < size {
			return nil, 0, fmt.Errorf("curve of %d entries cut short", n)
		}
		switch n {
		case 0:
			return nil, size, nil
		case 1:
			// a gamma in u8Fixed8
			g := int64(binary.BigEndian.Uint16(b[12:]))
			if g == 256 {
				return nil, size, nil
			}
			return formula(func(x int64) int64 { return int64(powQ32(uint64(x), g<<8)) }), size, nil
		}
		c := make(curve, n)
		for i := range c {
			c[i] = binary.BigEndian.Uint16(b[12+2*i:])
		}
		return c, size, nil
	case "para":
		kind := binary.BigEndian.Uint16(b[8:])
		counts := [5]int{1, 3, 4, 5, 7}
		if kind > 4 {
			return nil, 0, fmt.Errorf("parametric curve of unknown type %d", kind)
		}
		size := 12 + 4*counts[kind]
		if len(b) < size {
			return nil, 0, fmt.Errorf("parametric curve cut short")
		}
		var p [7]int64 // g a b c d e f in Q16
		for i := range counts[kind] {
			p[i] = int64(int32(binary.BigEndian.Uint32(b[12+4*i:])))
			if abs64(p[i]) > 1<<24 {
				return nil, 0, fmt.Errorf("parametric curve with a parameter of %d", p[i]>>16)
			}
		}
		return parametric(kind, p), size, nil
	}
	return nil, 0, fmt.Errorf("unknown curve type %q", b[:4])
}

// parametric samples an ICC parametric curve (ICC.1:2010 table 65).
func parametric(kind uint16, p [7]int64) curve {
	g, a, b, c, d, e, f := p[0], p[1], p[2], p[3], p[4], p[5], p[6]
	if kind == 0 {
		a = 1 << 16
	}
	// (aX+b)^g, 0 where aX+b is negative; X and the result in Q32
	pw := func(x int64) int64 {
		t := (a*x)>>16 + b<<16
		if t <= 0 {
			return 0
		}
		return int64(powQ32(uint64(t), g))
	}
	lin := func(x int64) int64 { return (c * x) >> 16 }
	return formula(func(x int64) int64 {
		switch kind {
		case 1:
			return pw(x)
		case 2:
			return pw(x) + c<<16
		case 3:
			if x >= d<<16 {
				return pw(x)
			}
			return lin(x)
		case 4:
			if x >= d<<16 {
				return pw(x) + e<<16
			}
			return lin(x) + f<<16
		}
		return pw(x)
	})
}

// formula samples fn, a function from [0, 1] to [0, 1] in Q32, into a table.
func formula(fn func(x int64) int64) curve {
	c := make(curve, formulaPoints)
	for i := range c {
		x := int64(i) << 32 / (formulaPoints - 1)
		y := fn(x)
		c[i] = uint16(clamp16((y*65535 + one32/2) >> 32))
	}
	return c
}

// inverse returns the inverse of a monotonic curve, sampled into a table:
// for each output, the input that gives it (by bisection).
func (c curve) inverse() curve {
	if len(c) == 0 {
		return nil
	}
	rising := c.eval(65535) >= c.eval(0)
	inv := make(curve, formulaPoints)
	for i := range inv {
		want := int32((int64(i)*65535 + (formulaPoints-1)/2) / (formulaPoints - 1))
		lo, hi := int32(0), int32(65535)
		for lo < hi {
			mid := (lo + hi) / 2
			v := c.eval(mid)
			if (rising && v < want) || (!rising && v > want) {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		inv[i] = uint16(lo)
	}
	return inv
}
