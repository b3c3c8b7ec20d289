package icc

import "math/bits"

// Fixed-point arithmetic for the curves ICC profiles describe by a formula
// (gamma, and the parametric curves of v4 profiles). Go's math.Pow may
// round differently on arm64 than on amd64 (it is compiled with fused
// multiply-adds there), so magz raises to a power with integers: the same
// bits on every machine.

// exp2Steps[k-1] is 2^(2^-k) in Q62, for k = 1..32 (computed with 60
// significant digits; TestExp2Steps checks them with math/big).
var exp2Steps = [32]uint64{
	6521908912666391106, 5484249825272419512, 5029079263719320435, 4815862801830788490,
	4712668792719003884, 4661903986662671290, 4636727017470743990, 4624189567668517720,
	4617933561212708776, 4614808732577250068, 4613247111281068008, 4612466498810092975,
	4612076242109103707, 4611881126141011236, 4611783571252412754, 4611734794581956353,
	4611710406440186476, 4611698212417665819, 4611692115418496524, 4611689066921934630,
	4611687542674409371, 4611686780550835664, 4611686399489096040, 4611686208958238036,
	4611686113692811986, 4611686066060099699, 4611686042243743740, 4611686030335565807,
	4611686024381476851, 4611686021404432377, 4611686019915910140, 4611686019171649022,
}

const one32 = int64(1) << 32

// log2Q32 returns log2(x) for x > 0, both in Q32 (32 fractional bits).
func log2Q32(x uint64) int64 {
	msb := bits.Len64(x) - 1
	// the mantissa in [1, 2), in Q31
	var m uint64
	if msb >= 31 {
		m = x >> (msb - 31)
	} else {
		m = x << (31 - msb)
	}
	var frac int64
	for range 32 {
		m = m * m >> 31
		frac <<= 1
		if m >= 1<<32 {
			m >>= 1
			frac |= 1
		}
	}
	return int64(msb-32)<<32 + frac
}

// exp2Q32 returns 2^y in Q32, for y in Q32; at most 2^30.
func exp2Q32(y int64) uint64 {
	n := y >> 32 // floor
	f := uint32(y)
	r := uint64(1) << 62
	for k := 1; k <= 32; k++ {
		if f&(1<<(32-k)) != 0 {
			hi, lo := bits.Mul64(r, exp2Steps[k-1])
			r = hi<<2 | lo>>62
		}
	}
	// r is 2^frac in Q62; shift to Q32 and by the integer part
	shift := 30 - n
	switch {
	case shift >= 64:
		return 0
	case shift > 0:
		return (r + 1<<(shift-1)) >> shift
	case n > 30+30:
		return 1 << 62
	default:
		return r << -shift
	}
}

// powQ32 returns x^g for x ≥ 0 in Q32 and g in Q16.
func powQ32(x uint64, g int64) uint64 {
	if x == 0 {
		if g == 0 {
			return uint64(one32)
		}
		return 0
	}
	l := log2Q32(x) // |l| < 2^38
	// g·l in Q48, to Q32; |g| < 2^24 keeps it inside int64
	p := g * l
	if p >= 0 {
		p = (p + 1<<15) >> 16
	} else {
		p = -((-p + 1<<15) >> 16)
	}
	if p > 30*one32 {
		p = 30 * one32
	}
	return exp2Q32(p)
}

// icbrt returns the integer cube root of n (the floor).
func icbrt(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	// a first guess from the bit length, then Newton's method from above
	r := uint64(1) << ((bits.Len64(n) + 2) / 3)
	for {
		next := (2*r + n/(r*r)) / 3
		if next >= r {
			break
		}
		r = next
	}
	for r*r*r > n {
		r--
	}
	for (r+1)*(r+1)*(r+1) <= n {
		r++
	}
	return r
}

// divRound divides rounding to the nearest, halves away from zero.
func divRound(x, d int64) int64 {
	if (x < 0) != (d < 0) {
		return -((abs64(x) + abs64(d)/2) / abs64(d))
	}
	return (abs64(x) + abs64(d)/2) / abs64(d)
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func clamp16(v int64) int32 {
	switch {
	case v < 0:
		return 0
	case v > 65535:
		return 65535
	}
	return int32(v)
}
