package site

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"slices"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"magz/fonts"
)

// TestSubsetFont: a face cut to some characters draws them exactly as the
// whole face does, draws nothing for the others, parses as a font, and is
// much smaller; wrapped as WOFF it unwraps to the same tables.
func TestSubsetFont(t *testing.T) {
	for _, face := range []fonts.Face{fonts.SansBlack, fonts.SerifItalic, fonts.Fallback} {
		data, err := fonts.Data(face)
		if err != nil {
			t.Fatal(err)
		}
		keep := []rune("Kabar Lembah “é” Å—12")
		sub, err := subsetFont(data, keep)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		cut, err := sfnt.Parse(sub)
		if err != nil {
			t.Fatalf("%s: the subset does not parse: %v", face, err)
		}
		var b1, b2 sfnt.Buffer
		outline := func(f *sfnt.Font, b *sfnt.Buffer, r rune) sfnt.Segments {
			g, err := f.GlyphIndex(b, r)
			if err != nil {
				t.Fatal(err)
			}
			segs, err := f.LoadGlyph(b, g, fixed.I(100), nil)
			if err != nil {
				t.Fatalf("%s %q: %v", face, r, err)
			}
			return slices.Clone(segs)
		}
		for _, r := range keep {
			if a, b := outline(whole, &b1, r), outline(cut, &b2, r); !slices.Equal(a, b) {
				t.Errorf("%s: %q is drawn differently", face, r)
			}
		}
		if segs := outline(cut, &b2, 'z'); len(segs) != 0 {
			t.Errorf("%s: 'z' was not kept but has %d segments", face, len(segs))
		}
		if len(sub) > len(data)/3 {
			t.Errorf("%s: the subset is %d bytes of %d", face, len(sub), len(data))
		}
		w, err := woff(sub)
		if err != nil {
			t.Fatal(err)
		}
		if len(w) >= len(sub) {
			t.Errorf("%s: the WOFF (%d bytes) is no smaller than the font (%d)", face, len(w), len(sub))
		}
		tables, _ := sfntTables(sub)
		if got := unwoff(t, w); len(got) != len(tables) {
			t.Errorf("%s: %d tables in the WOFF, %d in the font", face, len(got), len(tables))
		} else {
			for tag, d := range tables {
				if !bytes.Equal(got[tag], d) {
					t.Errorf("%s: table %s differs in the WOFF", face, tag)
				}
			}
		}
	}
}

// unwoff reads a WOFF's tables back.
func unwoff(t *testing.T, w []byte) map[string][]byte {
	if string(w[:4]) != "wOFF" || binary.BigEndian.Uint32(w[8:]) != uint32(len(w)) {
		t.Fatal("not a WOFF of its stated length")
	}
	n := int(binary.BigEndian.Uint16(w[12:]))
	out := map[string][]byte{}
	for i := 0; i < n; i++ {
		e := w[44+20*i:]
		off, comp, orig := binary.BigEndian.Uint32(e[4:]), binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		d := w[off : off+comp]
		if comp < orig {
			r, err := zlib.NewReader(bytes.NewReader(d))
			if err != nil {
				t.Fatal(err)
			}
			if d, err = io.ReadAll(r); err != nil {
				t.Fatal(err)
			}
		}
		out[string(e[:4])] = d
	}
	return out
}
