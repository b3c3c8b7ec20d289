//go:build ignore

// capink makes a CMYK output profile's BtoA tables (lut16: B2A0, B2A1,
// B2A2) hold a total ink limit for every colour, whatever the rendering
// intent and with or without black point compensation. colprof applies
// its -l limit while it inverts the printer model, but the points of the
// tables it writes may still put down a few percent more (and its output
// curves bend the ink between them). So, for each table:
//
//   - the output curves are folded into the grid and made straight: a
//     table read by any of the usual interpolations (trilinear,
//     tetrahedral, simplex) then gives a weighted mean of its points, and
//     never more total ink than its points;
//   - every point over the limit gives back cyan, magenta and yellow in
//     proportion, black kept (its colour barely moves: the point is in
//     the darkest shadows, where ink no longer darkens).
//
// Usage (make-profiles.sh runs it): go run capink.go -limit 260 profile.icc
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"os"
)

func main() {
	limit := flag.Int("limit", 0, "total ink limit, percent")
	flag.Parse()
	if *limit <= 0 || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: go run capink.go -limit PERCENT profile.icc")
		os.Exit(2)
	}
	file := flag.Arg(0)
	data, err := os.ReadFile(file)
	if err != nil {
		fail(err)
	}
	if len(data) < 132 || string(data[36:40]) != "acsp" || string(data[16:20]) != "CMYK" {
		fail(fmt.Errorf("%s is not a CMYK ICC profile", file))
	}
	be := binary.BigEndian
	n := int(be.Uint32(data[128:]))
	capped := map[int]bool{} // tags may share their data
	for i := range n {
		e := data[132+12*i:]
		sig, off, size := string(e[:4]), int(be.Uint32(e[4:])), int(be.Uint32(e[8:]))
		if sig != "B2A0" && sig != "B2A1" && sig != "B2A2" || capped[off] {
			continue
		}
		capped[off] = true
		over, err := capTable(data[off:off+size], *limit)
		if err != nil {
			fail(fmt.Errorf("%s: %w", sig, err))
		}
		fmt.Printf("%s: %d points over %d %% brought under it\n", sig, over, *limit)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		fail(err)
	}
}

// capTable rewrites one lut16 tag in place and returns how many of its
// points were over the limit.
func capTable(t []byte, limit int) (int, error) {
	be := binary.BigEndian
	if len(t) < 52 || string(t[:4]) != "mft2" {
		return 0, fmt.Errorf("not a lut16 table")
	}
	in, out, g := int(t[8]), int(t[9]), int(t[10])
	inN, outN := int(be.Uint16(t[48:])), int(be.Uint16(t[50:]))
	if out != 4 {
		return 0, fmt.Errorf("%d outputs, not CMYK", out)
	}
	points := 1
	for range in {
		points *= g
	}
	clut := 52 + 2*in*inN
	curves := clut + 2*points*out
	if curves+2*out*outN > len(t) {
		return 0, fmt.Errorf("table cut short")
	}
	curve := func(c int, v int64) int64 {
		// the output curve c at v, read as the CMM reads it: linearly
		// between its entries
		base := curves + 2*c*outN
		pos := v * int64(outN-1)
		i, f := pos/65535, pos%65535
		if i >= int64(outN-1) {
			return int64(be.Uint16(t[base+2*(outN-1):]))
		}
		a, b := int64(be.Uint16(t[base+2*int(i):])), int64(be.Uint16(t[base+2*int(i)+2:]))
		return a + ((b-a)*f+32767)/65535
	}
	most := int64(limit) * 65535 / 100
	over := 0
	for p := range points {
		var v [4]int64
		for c := range 4 {
			v[c] = curve(c, int64(be.Uint16(t[clut+2*(p*4+c):])))
		}
		if v[0]+v[1]+v[2]+v[3] > most {
			over++
			room := max(most-v[3], 0)
			cmy := v[0] + v[1] + v[2]
			for c := range 3 {
				v[c] = v[c] * room / cmy
			}
		}
		for c := range 4 {
			be.PutUint16(t[clut+2*(p*4+c):], uint16(v[c]))
		}
	}
	// straight output curves: the grid holds the inks themselves
	for c := range 4 {
		base := curves + 2*c*outN
		for i := range outN {
			be.PutUint16(t[base+2*i:], uint16(int64(i)*65535/int64(outN-1)))
		}
	}
	return over, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "capink:", err)
	os.Exit(1)
}
