// Package icc reads ICC colour profiles (versions 2 and 4) and converts
// colours through them, as a colour management module does: matrix/TRC
// and grey profiles, lut8 and lut16 tables, and v4's lutAtoB and lutBtoA
// with their curves, matrices and tables.
//
// Everything is computed with integers, tables read by simplex
// interpolation, so a conversion gives the same bytes on every machine
// (Go may fuse floating-point multiply-adds on arm64, not on amd64) and a
// profile's total ink limit holds between its grid points. Its results
// are checked against ArgyllCMS's xicclu.
package icc

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Intent is an ICC rendering intent.
type Intent int

const (
	Perceptual Intent = iota
	Relative          // relative colorimetric: media white to media white
	Saturation
	Absolute // absolute colorimetric: the paper's own colour kept
)

// Profile is a parsed ICC profile.
type Profile struct {
	Version uint32 // major version in the top byte (2 or 4)
	Class   string // prtr, mntr, scnr, spac, …
	Space   string // the device colour space: RGB, CMYK, GRAY, …
	PCS     string // Lab or XYZ
	// White is the media white point (XYZ, 1.0 = 1<<16).
	White [3]int64
	// Description is the profile's name, as its desc tag gives it.
	Description string
	tags        map[string][]byte
}

// Channels is the number of device channels.
func (p *Profile) Channels() int {
	switch p.Space {
	case "GRAY":
		return 1
	case "RGB", "Lab", "XYZ", "YCbr", "Luv", "Yxy", "HSV", "HLS", "CMY":
		return 3
	case "CMYK":
		return 4
	}
	if len(p.Space) == 4 && strings.HasSuffix(p.Space, "CLR") {
		// 2CLR … FCLR
		var n int
		fmt.Sscanf(p.Space[:1], "%x", &n)
		return n
	}
	return 0
}

// d50 is the PCS illuminant (XYZ in Q16, as ICC encodes it).
var d50 = [3]int64{63190, 65536, 54061}

// Parse reads an ICC profile.
func Parse(data []byte) (*Profile, error) {
	if len(data) < 132 || string(data[36:40]) != "acsp" {
		return nil, fmt.Errorf("not an ICC profile")
	}
	p := &Profile{
		Version: binary.BigEndian.Uint32(data[8:]),
		Class:   string(data[12:16]),
		Space:   strings.TrimSpace(string(data[16:20])),
		PCS:     strings.TrimSpace(string(data[20:24])),
		White:   d50,
		tags:    map[string][]byte{},
	}
	if p.PCS != "Lab" && p.PCS != "XYZ" && p.Class != "link" {
		return nil, fmt.Errorf("profile connection space %q is neither Lab nor XYZ", p.PCS)
	}
	n := int(binary.BigEndian.Uint32(data[128:]))
	if n > (len(data)-132)/12 {
		return nil, fmt.Errorf("tag table cut short")
	}
	for i := range n {
		e := data[132+12*i:]
		sig := string(e[:4])
		off, size := int(binary.BigEndian.Uint32(e[4:])), int(binary.BigEndian.Uint32(e[8:]))
		if off < 128 || size < 8 || off > len(data) || size > len(data)-off {
			return nil, fmt.Errorf("tag %q outside the profile", sig)
		}
		p.tags[sig] = data[off : off+size]
	}
	if w, ok := p.xyz("wtpt"); ok {
		p.White = w
	}
	p.Description = p.text("desc")
	if p.Channels() == 0 {
		return nil, fmt.Errorf("device colour space %q is not supported", p.Space)
	}
	return p, nil
}

// xyz reads an XYZType tag.
func (p *Profile) xyz(sig string) ([3]int64, bool) {
	b := p.tags[sig]
	if len(b) < 20 || string(b[:4]) != "XYZ " {
		return [3]int64{}, false
	}
	var v [3]int64
	for i := range v {
		v[i] = int64(int32(binary.BigEndian.Uint32(b[8+4*i:])))
	}
	return v, true
}

// text reads a textDescriptionType (v2) or multiLocalizedUnicodeType (v4)
// tag: the first record of the latter.
func (p *Profile) text(sig string) string {
	b := p.tags[sig]
	if len(b) < 12 {
		return ""
	}
	switch string(b[:4]) {
	case "desc":
		n := int(binary.BigEndian.Uint32(b[8:]))
		if n <= 0 || 12+n > len(b) {
			return ""
		}
		return strings.TrimRight(string(b[12:12+n]), "\x00")
	case "mluc":
		if len(b) < 28 || binary.BigEndian.Uint32(b[8:]) == 0 {
			return ""
		}
		size, off := int(binary.BigEndian.Uint32(b[20:])), int(binary.BigEndian.Uint32(b[24:]))
		if off+size > len(b) || size%2 != 0 {
			return ""
		}
		u := make([]uint16, size/2)
		for i := range u {
			u[i] = binary.BigEndian.Uint16(b[off+2*i:])
		}
		return strings.TrimRight(string(utf16.Decode(u)), "\x00")
	case "text":
		return strings.TrimRight(string(b[8:]), "\x00")
	}
	return ""
}

// encoding is how a pipeline end encodes the PCS in 16 bits.
type encoding int

const (
	device encoding = iota // device values, 0 to 65535
	labV2                  // Lab, lut16's legacy encoding (L 100 = 0xFF00)
	labV4                  // Lab, v4's (L 100 = 0xFFFF, a and b 0 = 0x8080)
	xyzU                   // XYZ, u1Fixed15 (1.0 = 0x8000)
	// xyzFine is XYZ with 1.0 = 0xFFFF: what matrix/TRC and grey profiles
	// give (never above the white), at twice u1Fixed15's precision, which
	// matters near black.
	xyzFine
)

// transform is a pipeline with the encoding of its ends.
type transform struct {
	p       *pipeline
	in, out encoding
}

// toPCS returns the transform from device values to the PCS for an
// intent (absolute colorimetric uses the relative table).
func (p *Profile) toPCS(intent Intent) (transform, error) {
	tag := [4]string{"A2B0", "A2B1", "A2B2", "A2B1"}[intent]
	for _, sig := range []string{tag, "A2B0"} {
		if b, ok := p.tags[sig]; ok {
			pl, enc, err := p.lut(b, true)
			if err != nil {
				return transform{}, fmt.Errorf("%s: %w", sig, err)
			}
			if pl.in != p.Channels() || pl.out != 3 {
				return transform{}, fmt.Errorf("%s: %d to %d channels", sig, pl.in, pl.out)
			}
			return transform{p: pl, in: device, out: enc}, nil
		}
	}
	switch p.Space {
	case "RGB":
		return p.matrixTRC()
	case "GRAY":
		return p.grayTRC()
	}
	return transform{}, fmt.Errorf("the profile cannot convert %s to colours (no %s)", p.Space, tag)
}

// fromPCS returns the transform from the PCS to device values.
func (p *Profile) fromPCS(intent Intent) (transform, error) {
	tag := [4]string{"B2A0", "B2A1", "B2A2", "B2A1"}[intent]
	for _, sig := range []string{tag, "B2A0"} {
		if b, ok := p.tags[sig]; ok {
			pl, enc, err := p.lut(b, p.PCS == "XYZ")
			if err != nil {
				return transform{}, fmt.Errorf("%s: %w", sig, err)
			}
			if pl.in != 3 || pl.out != p.Channels() {
				return transform{}, fmt.Errorf("%s: %d to %d channels", sig, pl.in, pl.out)
			}
			return transform{p: pl, in: enc, out: device}, nil
		}
	}
	if p.Space == "RGB" {
		t, err := p.matrixTRC()
		if err != nil {
			return transform{}, err
		}
		return t.invertMatrixTRC()
	}
	return transform{}, fmt.Errorf("the profile cannot convert colours to %s (no %s)", p.Space, tag)
}

// lut reads a transform tag and tells how it encodes the PCS.
func (p *Profile) lut(b []byte, aToB bool) (*pipeline, encoding, error) {
	xyz := p.PCS == "XYZ"
	lab := labV4
	var pl *pipeline
	var err error
	switch string(b[:4]) {
	case "mft2":
		pl, err = readLut16(b, xyz && !aToB)
		lab = labV2
	case "mft1":
		pl, err = readLut8(b, xyz && !aToB)
	case "mAB ":
		pl, err = readLutAB(b, true)
	case "mBA ":
		pl, err = readLutAB(b, false)
	default:
		err = fmt.Errorf("unsupported type %q", b[:4])
	}
	if xyz {
		return pl, xyzU, err
	}
	return pl, lab, err
}

// matrixTRC is the transform of a matrix/TRC RGB profile: each channel
// through its curve, then the colorant matrix, to XYZ.
func (p *Profile) matrixTRC() (transform, error) {
	var cs curves
	mx := &matrix{pcs: true}
	for i, c := range []string{"r", "g", "b"} {
		col, ok := p.xyz(c + "XYZ")
		b := p.tags[c+"TRC"]
		if !ok || b == nil {
			return transform{}, fmt.Errorf("the RGB profile has no %sXYZ or %sTRC", c, c)
		}
		cv, _, err := readCurve(b)
		if err != nil {
			return transform{}, fmt.Errorf("%sTRC: %w", c, err)
		}
		cs = append(cs, cv)
		// the colorant in Q30 (XYZ of 1.0 = 65535 from linear values
		// 0…65535)
		for j := range 3 {
			mx.m[3*j+i] = col[j] << 14
		}
	}
	return transform{p: &pipeline{in: 3, out: 3, stages: []stage{cs, mx}}, in: device, out: xyzFine}, nil
}

// grayTRC is the transform of a grey profile: the curve gives Y; the
// colour is the PCS white scaled by it.
func (p *Profile) grayTRC() (transform, error) {
	b := p.tags["kTRC"]
	if b == nil {
		return transform{}, fmt.Errorf("the grey profile has no kTRC")
	}
	cv, _, err := readCurve(b)
	if err != nil {
		return transform{}, fmt.Errorf("kTRC: %w", err)
	}
	mx := &matrix{}
	for j := range 3 {
		mx.m[3*j] = d50[j] << 14
	}
	spread := stageFunc(func(v []int32) []int32 {
		out := []int32{v[0], 0, 0}
		return out
	})
	return transform{p: &pipeline{in: 1, out: 3, stages: []stage{curves{cv}, spread, mx}}, in: device, out: xyzFine}, nil
}

type stageFunc func(v []int32) []int32

func (f stageFunc) apply(v []int32) []int32 { return f(v) }
