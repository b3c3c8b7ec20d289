package pdf

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"magz/assets"
	"magz/layout/page"
)

func TestInks(t *testing.T) {
	for _, tc := range []struct {
		c    page.Color
		want [4]int
	}{
		{page.Color{R: 0x1d, G: 0x1b, B: 0x19}.CMYK(0, 0, 0, 100), [4]int{0, 0, 0, 100}}, // the page model's own print form wins
		{page.Color{}, [4]int{0, 0, 0, 100}},                                             // black: black ink alone
		{page.Color{R: 255, G: 255, B: 255}, [4]int{0, 0, 0, 0}},                         // paper
		{page.Color{R: 0x6b, G: 0x66, B: 0x60}, [4]int{0, 0, 0, 60}},                     // a warm grey is still a grey
		{page.Color{R: 255, G: 0, B: 0}, [4]int{0, 100, 100, 0}},
		{page.Color{R: 0xff, G: 0xd9, B: 0xb0}, [4]int{0, 15, 31, 0}},
	} {
		if got := inks(tc.c); got != tc.want {
			t.Errorf("inks(%v) = %v, want %v", tc.c, got, tc.want)
		}
	}
	// whatever the colour, derived separations stay within 200 %
	for r := 0; r < 256; r += 15 {
		for g := 0; g < 256; g += 15 {
			for b := 0; b < 256; b += 15 {
				if ink := TotalInk(page.Color{R: uint8(r), G: uint8(g), B: uint8(b)}); ink > 200 {
					t.Fatalf("#%02x%02x%02x takes %d %% of ink", r, g, b, ink)
				}
			}
		}
	}
}

func TestWithColorSpace(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<</Font <</F1 3 0 R>>>>", "<</Font <</F1 3 0 R>> /ColorSpace <</DefaultRGB 9 0 R>>>>"},
		{"<</ColorSpace <</CS1 4 0 R>>>>", "<</ColorSpace <</CS1 4 0 R /DefaultRGB 9 0 R>>>>"},
	} {
		v, err := parseValue([]byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if err := withColorSpace(v.(*dict), "DefaultRGB", ref{9, 0}); err != nil {
			t.Fatal(err)
		}
		if got := string(appendValue(nil, v)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.in, got, tc.want)
		}
	}
	v, _ := parseValue([]byte("<</ColorSpace 5 0 R>>"))
	if err := withColorSpace(v.(*dict), "DefaultRGB", ref{9, 0}); err == nil {
		t.Error("a /ColorSpace held elsewhere was overwritten")
	}
}

// TestFinishPrint draws the hand-made model as a print edition and reads
// the finished file back with the finishing step's own reader: every
// object fpdf wrote is still there, the catalog, information and trailer
// carry the PDF/X entries, and the same input gives the same bytes.
func TestFinishPrint(t *testing.T) {
	write := func() []byte {
		var b bytes.Buffer
		opt := Options{Edition: Print, Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Creator: "magz test",
			Image:        func(*page.Image) ([]byte, error) { return jpegBytes(t, 64, 80), nil },
			OutputIntent: &OutputIntent{Profile: assets.CoatedProfile, Identifier: "FOGRA39", Registry: "http://www.color.org", Condition: "Coated (FOGRA39)"},
			SRGB:         []byte("srgb bytes")}
		if err := Write(&b, model(), opt); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	out := write()
	if !bytes.Equal(out, write()) {
		t.Fatal("two writes of the same issue differ")
	}
	if !bytes.HasPrefix(out, []byte("%PDF-1.6\n")) {
		t.Errorf("header %q", out[:12])
	}
	src, err := readSource(out)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := src.dict(src.root)
	if err != nil {
		t.Fatal(err)
	}
	if cat.array("OutputIntents") == nil || cat.get("Metadata") == nil || cat.get("Pages") == nil {
		t.Errorf("catalog lacks an output intent, metadata or pages: %s", cat.bytes())
	}
	if l, _ := cat.get("Lang").(str); l.text() != "id" {
		t.Errorf("catalog language %q", l)
	}
	info, err := src.dict(src.info)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[name]string{"GTS_PDFXVersion": "PDF/X-4", "CreationDate": "D:20261120000000Z00'00'", "Title": "Uji 1"} {
		if s, _ := info.get(key).(str); s.text() != want {
			t.Errorf("information /%s is %q, want %q", key, s, want)
		}
	}
	if info.name("Trapped") != "False" {
		t.Errorf("information /Trapped: %s", info.bytes())
	}
	if !bytes.Contains(out[src.xref:], []byte("/ID [<")) {
		t.Error("trailer has no ID")
	}
	if bytes.Contains(out, []byte("/Group <<")) {
		t.Error("a page group is left")
	}
	if !bytes.Contains(out, []byte("/DefaultRGB [/ICCBased ")) {
		t.Error("RGB is not tagged")
	}
	for n := 1; n < len(src.offsets); n++ {
		if src.offsets[n] == 0 {
			t.Errorf("object %d missing", n)
		} else if !bytes.HasPrefix(src.raw(n), []byte(strconv.Itoa(n)+" 0 obj")) {
			t.Errorf("object %d does not start at its offset", n)
		}
	}
}

func TestReadSourceRefusesDamage(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":       nil,
		"no xref":     []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n"),
		"cut short":   []byte("%PDF-1.4\nxref\n0 3\n0000000000 65535 f \nstartxref\n9\n%%EOF\n"),
		"bad entry":   []byte("%PDF-1.4\nxref\n0 2\n0000000000 65535 f \nxxxxxxxxxx 00000 n \ntrailer\n<</Root 1 0 R /Info 1 0 R>>\nstartxref\n9\n%%EOF\n"),
		"no catalog":  []byte("%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1>>\nstartxref\n9\n%%EOF\n"),
		"beyond file": []byte("%PDF-1.4\nstartxref\n99999\n%%EOF\n"),
	} {
		if _, err := readSource(data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
