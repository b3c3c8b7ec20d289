package icc

import (
	"fmt"
	"math/big"
)

// The profile connection space between two profiles: a colour as Lab or
// XYZ, computed in Q16 (1.0 = 65536) from the 16-bit encodings the
// profiles' tables use.

// pcsColour is a PCS colour in Q16: L, a, b (L from 0 to 100 · 65536) or
// X, Y, Z (white near 65536).
type pcsColour struct {
	lab bool
	v   [3]int64
}

func decodePCS(enc encoding, e []int32) pcsColour {
	switch enc {
	case labV2:
		return pcsColour{lab: true, v: [3]int64{
			divRound(int64(e[0])*100<<16, 0xFF00),
			int64(e[1])<<8 - 128<<16,
			int64(e[2])<<8 - 128<<16,
		}}
	case labV4:
		return pcsColour{lab: true, v: [3]int64{
			divRound(int64(e[0])*100<<16, 65535),
			divRound(int64(e[1])*255<<16, 65535) - 128<<16,
			divRound(int64(e[2])*255<<16, 65535) - 128<<16,
		}}
	case xyzU:
		return pcsColour{v: [3]int64{int64(e[0]) << 1, int64(e[1]) << 1, int64(e[2]) << 1}}
	case xyzFine:
		var c pcsColour
		for i := range 3 {
			c.v[i] = divRound(int64(e[i])<<16, 65535)
		}
		return c
	}
	panic(fmt.Sprintf("icc: decoding PCS from encoding %d", enc))
}

func encodePCS(enc encoding, c pcsColour, e []int32) {
	switch enc {
	case labV2:
		c = c.toLab()
		e[0] = clamp16(divRound(c.v[0]*0xFF00, 100<<16))
		e[1] = clamp16(divRound(c.v[1]+128<<16, 256))
		e[2] = clamp16(divRound(c.v[2]+128<<16, 256))
	case labV4:
		c = c.toLab()
		e[0] = clamp16(divRound(c.v[0]*65535, 100<<16))
		e[1] = clamp16(divRound((c.v[1]+128<<16)*65535, 255<<16))
		e[2] = clamp16(divRound((c.v[2]+128<<16)*65535, 255<<16))
	case xyzU:
		c = c.toXYZ()
		for i := range 3 {
			e[i] = clamp16(divRound(c.v[i], 2))
		}
	case xyzFine:
		c = c.toXYZ()
		for i := range 3 {
			e[i] = clamp16(divRound(c.v[i]*65535, 1<<16))
		}
	default:
		panic(fmt.Sprintf("icc: encoding PCS to encoding %d", enc))
	}
}

// The CIE Lab function f and its inverse, in Q16, around the point
// (6/29)³ where its cube root becomes a line.
const (
	labEpsilon = 580   // (6/29)³ · 65536, rounded down: 580.4
	labKappa   = 13558 // 6/29 · 65536 = 13558.07
)

func labF(t int64) int64 {
	if t > labEpsilon {
		// (t/65536)^(1/3) · 65536 = cbrt(t · 2^32)
		return int64(icbrt(uint64(t) << 32))
	}
	// t/(3·(6/29)²) + 4/29 = (841·t)/108 + 4/29
	return divRound(t*841*29+108*(4<<16), 108*29)
}

func labFInv(f int64) int64 {
	if f > labKappa {
		return f * f >> 16 * f >> 16
	}
	// 3·(6/29)²·(f - 4/29) = 108/841 · (f − 4/29)
	return divRound((f*29-4<<16)*108, 841*29)
}

func (c pcsColour) toLab() pcsColour {
	if c.lab {
		return c
	}
	var f [3]int64
	for i := range 3 {
		f[i] = labF(divRound(c.v[i]<<16, d50[i]))
	}
	return pcsColour{lab: true, v: [3]int64{
		116*f[1] - 16<<16,
		500 * (f[0] - f[1]),
		200 * (f[1] - f[2]),
	}}
}

func (c pcsColour) toXYZ() pcsColour {
	if !c.lab {
		return c
	}
	fy := divRound(c.v[0]+16<<16, 116)
	fx := fy + divRound(c.v[1], 500)
	fz := fy - divRound(c.v[2], 200)
	var out pcsColour
	for i, f := range []int64{fx, fy, fz} {
		out.v[i] = max(0, labFInv(f)*d50[i]>>16)
	}
	return out
}

// scale multiplies an XYZ colour by from/to per channel (the chromatic
// scaling of absolute colorimetric rendering).
func (c pcsColour) scale(num, den [3]int64) pcsColour {
	x := c.toXYZ()
	for i := range 3 {
		x.v[i] = divRound(x.v[i]*num[i], max(den[i], 1))
	}
	return x
}

// invertMatrixTRC returns the inverse of a matrix/TRC transform: XYZ
// through the inverse matrix (computed exactly with rationals), then
// each channel through its curve's inverse.
func (t transform) invertMatrixTRC() (transform, error) {
	cs := t.p.stages[0].(curves)
	mx := t.p.stages[1].(*matrix)
	var m [3][3]*big.Rat
	for i := range 3 {
		for j := range 3 {
			m[i][j] = new(big.Rat).SetFrac64(mx.m[3*i+j], 1<<30)
		}
	}
	det := new(big.Rat)
	cof := func(i, j int) *big.Rat {
		a, b := (i+1)%3, (i+2)%3
		c, d := (j+1)%3, (j+2)%3
		x := new(big.Rat).Mul(m[a][c], m[b][d])
		return x.Sub(x, new(big.Rat).Mul(m[a][d], m[b][c]))
	}
	for j := range 3 {
		det.Add(det, new(big.Rat).Mul(m[0][j], cof(0, j)))
	}
	if det.Sign() == 0 {
		return transform{}, fmt.Errorf("the RGB profile's colorants cannot be inverted")
	}
	inv := &matrix{}
	for i := range 3 {
		for j := range 3 {
			// inverse[i][j] = cofactor(j, i) / det, in Q30
			r := new(big.Rat).Quo(cof(j, i), det)
			r.Mul(r, big.NewRat(1<<30, 1))
			f, _ := new(big.Float).SetRat(r).Int64()
			// rounding to the nearest: compare the remainder
			rem := new(big.Rat).Sub(r, big.NewRat(f, 1))
			if rem.Cmp(big.NewRat(1, 2)) >= 0 {
				f++
			} else if rem.Cmp(big.NewRat(-1, 2)) <= 0 {
				f--
			}
			inv.m[3*i+j] = f
		}
	}
	ics := make(curves, len(cs))
	for i, c := range cs {
		if len(c) == 0 {
			continue
		}
		ics[i] = c.inverse()
	}
	return transform{p: &pipeline{in: 3, out: 3, stages: []stage{inv, ics}}, in: xyzFine, out: device}, nil
}
