package icc

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// toV4 rewrites a v2 CMYK profile of lut16 tables as a v4 profile whose
// tables are lutAtoB and lutBtoA (with curves, a table, and the v4 Lab
// encoding), so the reader of those types is checked against xicclu with
// the same colours.
func toV4(t *testing.T, data []byte) []byte {
	t.Helper()
	p, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	be := binary.BigEndian
	tags := map[string][]byte{}
	for sig, b := range p.tags {
		switch sig[:3] {
		case "A2B", "B2A":
			if string(b[:4]) != "mft2" {
				t.Fatalf("%s is %q, not lut16", sig, b[:4])
			}
			tags[sig] = lut16ToAB(t, b, sig[0] == 'A')
		default:
			tags[sig] = b
		}
	}
	// desc as v4's multiLocalizedUnicode
	var desc bytes.Buffer
	desc.WriteString("mluc\x00\x00\x00\x00")
	binary.Write(&desc, be, []uint32{1, 12})
	desc.WriteString("enUS")
	name := "magz v4 test"
	binary.Write(&desc, be, []uint32{uint32(2 * len(name)), 28})
	for _, r := range name {
		binary.Write(&desc, be, uint16(r))
	}
	tags["desc"] = desc.Bytes()
	delete(tags, "gamt")
	sigs := []string{}
	for sig := range tags {
		sigs = append(sigs, sig)
	}
	// a fixed order
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			if sigs[j] < sigs[i] {
				sigs[i], sigs[j] = sigs[j], sigs[i]
			}
		}
	}
	var out bytes.Buffer
	out.Write(data[:128])
	binary.Write(&out, be, uint32(len(sigs)))
	at := 128 + 4 + 12*len(sigs)
	var body bytes.Buffer
	for _, sig := range sigs {
		b := tags[sig]
		out.WriteString(sig)
		binary.Write(&out, be, []uint32{uint32(at + body.Len()), uint32(len(b))})
		body.Write(b)
		for body.Len()%4 != 0 {
			body.WriteByte(0)
		}
	}
	out.Write(body.Bytes())
	res := out.Bytes()
	be.PutUint32(res[0:], uint32(len(res)))
	be.PutUint32(res[8:], 0x04300000)
	for i := 84; i < 100; i++ { // no profile ID
		res[i] = 0
	}
	return res
}

// lut16ToAB makes a lutAtoB (aToB) or lutBtoA tag of a lut16's curves and
// table, converting between the v2 and v4 Lab encodings in curves.
func lut16ToAB(t *testing.T, b []byte, aToB bool) []byte {
	be := binary.BigEndian
	in, out, g := int(b[8]), int(b[9]), int(b[10])
	n, m := int(be.Uint16(b[48:])), int(be.Uint16(b[50:]))
	at := 52
	readCurve := func(count int) curve {
		c := make(curve, count)
		for i := range c {
			c[i] = be.Uint16(b[at:])
			at += 2
		}
		return c
	}
	ins := make([]curve, in)
	for i := range ins {
		ins[i] = readCurve(n)
	}
	size := out
	for range in {
		size *= g
	}
	table := b[at : at+2*size]
	at += 2 * size
	outs := make([]curve, out)
	for i := range outs {
		outs[i] = readCurve(m)
	}
	// the Lab encodings differ by 257/256: a parametric curve of type 1
	// (aX+b)^g with g = 1 converts
	para := func(w *bytes.Buffer, a uint32) {
		for range 3 {
			w.WriteString("para\x00\x00\x00\x00\x00\x01\x00\x00")
			binary.Write(w, be, []uint32{1 << 16, a, 0})
		}
	}
	writeCurves := func(w *bytes.Buffer, cs []curve) {
		for _, c := range cs {
			w.WriteString("curv\x00\x00\x00\x00")
			binary.Write(w, be, uint32(len(c)))
			binary.Write(w, be, []uint16(c))
			for w.Len()%4 != 0 {
				w.WriteByte(0)
			}
		}
	}
	var w bytes.Buffer
	if aToB {
		w.WriteString("mAB \x00\x00\x00\x00")
	} else {
		w.WriteString("mBA \x00\x00\x00\x00")
	}
	w.Write([]byte{byte(in), byte(out), 0, 0})
	offsets := w.Len()
	w.Write(make([]byte, 20)) // B, matrix, M, CLUT, A
	var off [5]uint32
	// lutAtoB: A = the input curves, table, M = the output curves,
	// identity matrix, B = v2 to v4 Lab. lutBtoA: B = v4 to v2 Lab,
	// identity matrix, M = the input curves, table, A = the output curves.
	off[0] = uint32(w.Len())
	if aToB {
		para(&w, 65792)
	} else {
		para(&w, 65281)
	}
	off[1] = uint32(w.Len())
	binary.Write(&w, be, []int32{1 << 16, 0, 0, 0, 1 << 16, 0, 0, 0, 1 << 16, 0, 0, 0})
	off[2] = uint32(w.Len())
	if aToB {
		writeCurves(&w, outs)
	} else {
		writeCurves(&w, ins)
	}
	off[3] = uint32(w.Len())
	grid := make([]byte, 16)
	for i := range in {
		grid[i] = byte(g)
	}
	w.Write(grid)
	w.Write([]byte{2, 0, 0, 0})
	w.Write(table)
	for w.Len()%4 != 0 {
		w.WriteByte(0)
	}
	off[4] = uint32(w.Len())
	if aToB {
		writeCurves(&w, ins)
	} else {
		writeCurves(&w, outs)
	}
	res := w.Bytes()
	for i, o := range off {
		be.PutUint32(res[offsets+4*i:], o)
	}
	return res
}
