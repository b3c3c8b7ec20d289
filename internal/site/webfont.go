package site

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"slices"
	"sort"

	"golang.org/x/image/font/sfnt"

	"magz/internal/msg"
)

// Web fonts: the magazine's own faces on its pages, as in its editions.
// A face's file is cut down to the glyphs the site's text uses (the others
// are left empty, keeping every glyph's number, so no table that names
// glyphs changes), its layout tables (kerning, ligatures) and glyph names
// are dropped, and it is wrapped as WOFF, its tables compressed: a
// 650 KB face becomes a few tens of KB.

// subsetFont returns a TrueType font keeping the outlines of the glyphs of
// runes (and of .notdef, and the parts of composite glyphs).
func subsetFont(data []byte, runes []rune) ([]byte, error) {
	tables, err := sfntTables(data)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, msg.New("not a TrueType font with glyf outlines")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offsets := make([]uint32, n+1)
	for i := range offsets {
		if long {
			if 4*i+4 > len(loca) {
				return nil, msg.New("the font is damaged (its glyph index is cut short)")
			}
			offsets[i] = binary.BigEndian.Uint32(loca[4*i:])
		} else {
			if 2*i+2 > len(loca) {
				return nil, msg.New("the font is damaged (its glyph index is cut short)")
			}
			offsets[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
	}
	glyph := func(g int) []byte {
		if g < 0 || g >= n || offsets[g] > offsets[g+1] || int(offsets[g+1]) > len(glyf) {
			return nil
		}
		return glyf[offsets[g]:offsets[g+1]]
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	keep := map[int]bool{0: true}
	var buf sfnt.Buffer
	var todo []int
	for _, r := range runes {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 && !keep[int(g)] {
			keep[int(g)] = true
			todo = append(todo, int(g))
		}
	}
	for len(todo) > 0 { // the components of composite glyphs
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, c := range components(glyph(g)) {
			if !keep[c] {
				keep[c] = true
				todo = append(todo, c)
			}
		}
	}
	var newGlyf bytes.Buffer
	newLoca := make([]byte, 4*(n+1))
	for g := 0; g < n; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(newGlyf.Len()))
		if keep[g] {
			newGlyf.Write(glyph(g))
			for newGlyf.Len()%4 != 0 {
				newGlyf.WriteByte(0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(newGlyf.Len()))
	head = slices.Clone(head)
	binary.BigEndian.PutUint16(head[50:], 1) // long offsets
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	tables["head"], tables["loca"], tables["glyf"] = head, newLoca, newGlyf.Bytes()
	if post := tables["post"]; len(post) >= 32 { // no glyph names
		post = slices.Clone(post[:32])
		binary.BigEndian.PutUint32(post, 0x00030000)
		tables["post"] = post
	}
	for _, t := range []string{"GPOS", "GSUB", "GDEF", "kern", "hdmx", "LTSH", "VDMX", "DSIG", "PCLT", "FFTM", "BASE", "JSTF", "MATH"} {
		delete(tables, t)
	}
	font := assemble(tables)
	binary.BigEndian.PutUint32(head[8:], 0xB1B0AFBA-checksum(font))
	return assemble(tables), nil
}

// components are the glyphs a composite glyph is made of.
func components(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []int
	p := 10
	for p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, int(binary.BigEndian.Uint16(g[p+2:])))
		p += 4
		if flags&0x0001 != 0 { // arguments are words
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // a scale
			p += 2
		case flags&0x0040 != 0: // x and y scales
			p += 4
		case flags&0x0080 != 0: // a two by two matrix
			p += 8
		}
		if flags&0x0020 == 0 { // no more components
			break
		}
	}
	return out
}

// sfntTables reads a TrueType file's tables by tag.
func sfntTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, msg.New("the font is damaged (cut short)")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, msg.New("the font is damaged (cut short)")
	}
	tables := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, msg.New("the font is damaged (a table lies outside the file)")
		}
		tables[string(rec[:4])] = data[off : off+length]
	}
	return tables, nil
}

// assemble writes tables as a TrueType file, in the order of their tags.
func assemble(tables map[string][]byte) []byte {
	tags := sortedTags(tables)
	n := len(tags)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, [6]uint16{0x0001, 0x0000, uint16(n), uint16(16 << sel), uint16(sel), uint16(16*n - 16<<sel)})
	off := 12 + 16*n
	for _, t := range tags {
		d := tables[t]
		b.WriteString(t)
		binary.Write(&b, binary.BigEndian, [3]uint32{checksum(d), uint32(off), uint32(len(d))})
		off += (len(d) + 3) &^ 3
	}
	for _, t := range tags {
		b.Write(tables[t])
		for b.Len()%4 != 0 {
			b.WriteByte(0)
		}
	}
	return b.Bytes()
}

func sortedTags(tables map[string][]byte) []string {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	return tags
}

// checksum is the sum of a table's big-endian 32-bit words.
func checksum(d []byte) uint32 {
	var sum uint32
	for i := 0; i < len(d); i += 4 {
		var w [4]byte
		copy(w[:], d[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// woff wraps a TrueType font as WOFF 1.0: the same tables, each
// compressed with zlib when that makes it smaller.
func woff(ttf []byte) ([]byte, error) {
	tables, err := sfntTables(ttf)
	if err != nil {
		return nil, err
	}
	tags := sortedTags(tables)
	total := 12 + 16*len(tags)
	var data bytes.Buffer
	type entry struct {
		tag                         string
		off, comp, orig, origChksum uint32
	}
	var dir []entry
	base := 44 + 20*len(tags)
	for _, t := range tags {
		d := tables[t]
		total += (len(d) + 3) &^ 3
		var z bytes.Buffer
		w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		w.Write(d)
		w.Close()
		stored := d
		if z.Len() < len(d) {
			stored = z.Bytes()
		}
		dir = append(dir, entry{t, uint32(base + data.Len()), uint32(len(stored)), uint32(len(d)), checksum(d)})
		data.Write(stored)
		for data.Len()%4 != 0 {
			data.WriteByte(0)
		}
	}
	var b bytes.Buffer
	b.WriteString("wOFF")
	binary.Write(&b, binary.BigEndian, struct {
		Flavor, Length      uint32
		NumTables, Reserved uint16
		TotalSfntSize       uint32
		Major, Minor        uint16
		MetaOff, MetaLen    uint32
		MetaOrigLen         uint32
		PrivOff, PrivLen    uint32
	}{Flavor: 0x00010000, Length: uint32(base + data.Len()), NumTables: uint16(len(tags)), TotalSfntSize: uint32(total), Major: 1})
	for _, e := range dir {
		b.WriteString(e.tag)
		binary.Write(&b, binary.BigEndian, [4]uint32{e.off, e.comp, e.orig, e.origChksum})
	}
	b.Write(data.Bytes())
	return b.Bytes(), nil
}
