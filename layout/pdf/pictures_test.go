package pdf

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"image"
	_ "image/jpeg"
	"strings"
	"testing"

	"magz/internal/validate"
)

// TestStandIn: a stand-in reads as its picture's size and colour space,
// names its picture, carries none of its image data, and is refused for
// what is not a JPEG read as far as its scan.
func TestStandIn(t *testing.T) {
	rgb := jpegBytes(t, 64, 40)
	cmyk, _ := cmykPicture(t)
	for _, tc := range []struct {
		name string
		data []byte
	}{{"RGB", rgb}, {"CMYK", cmyk}} {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := standIn(tc.data, "abc123")
			if !ok {
				t.Fatal("no stand-in")
			}
			if got := standInKey(s); got != "abc123" {
				t.Errorf("the stand-in names %q", got)
			}
			if standInKey(tc.data) != "" {
				t.Error("the picture itself is taken for a stand-in")
			}
			want, _, err := image.DecodeConfig(bytes.NewReader(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := image.DecodeConfig(bytes.NewReader(s))
			if err != nil {
				t.Fatalf("fpdf cannot read the stand-in: %v", err)
			}
			if got != want {
				t.Errorf("stand-in reads %dx%d %T, the picture %dx%d %T", got.Width, got.Height, got.ColorModel, want.Width, want.Height, want.ColorModel)
			}
			if len(s) >= len(tc.data) {
				t.Errorf("stand-in %d bytes, picture %d", len(s), len(tc.data))
			}
		})
	}
	sos := bytes.Index(rgb, []byte{0xFF, 0xDA})
	for name, data := range map[string][]byte{
		"PNG":          []byte("\x89PNG\r\n\x1a\n"),
		"empty":        nil,
		"before scan":  rgb[:sos],
		"cut segment":  rgb[:sos+3],
		"bad length":   append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01}, rgb[6:]...),
		"no marker":    append([]byte{0xFF, 0xD8, 0x00}, rgb[3:]...),
		"huge segment": []byte{0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0x00},
	} {
		if _, ok := standIn(data, "k"); ok {
			t.Errorf("%s: a stand-in made", name)
		}
	}
}

// TestPicturesWrittenWhole: in both editions every JPEG stream of the
// finished file is exactly a picture the drawer was given, its /Length
// its size; no stand-in is left; the transparent CMYK picture keeps its
// /SMask; the file passes qpdf --check.
func TestPicturesWrittenWhole(t *testing.T) {
	logo, _ := cmykPicture(t)
	for _, tc := range []struct {
		name  string
		out   []byte
		given [][]byte
		masks int
	}{
		{"print", writePress(t), [][]byte{jpegBytes(t, 64, 40), logo}, 1},
		{"screen", write(t, Screen), [][]byte{jpegBytes(t, 64, 80)}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if bytes.Contains(tc.out, []byte(standInMark)) {
				t.Error("a stand-in is left in the file")
			}
			src, err := readSource(tc.out)
			if err != nil {
				t.Fatal(err)
			}
			found, masked := map[int]bool{}, 0
			for n := 1; n < len(src.offsets); n++ {
				if !src.exists(n) {
					continue
				}
				o, err := src.object(n)
				if err != nil {
					t.Fatal(err)
				}
				d := o.dict()
				if o.stream == nil || d.name("Subtype") != "Image" || d.name("Filter") != "DCTDecode" {
					continue
				}
				i := slicesIndex(tc.given, o.stream)
				if i < 0 {
					t.Errorf("object %d: %d bytes, not a picture given", n, len(o.stream))
					continue
				}
				found[i] = true
				if l, ok := d.int("Length"); !ok || l != len(o.stream) {
					t.Errorf("object %d: /Length %v for %d bytes", n, d.get("Length"), len(o.stream))
				}
				if _, ok := d.ref("SMask"); ok {
					masked++
				}
			}
			if len(found) != len(tc.given) {
				t.Errorf("%d of %d pictures found whole", len(found), len(tc.given))
			}
			if masked != tc.masks {
				t.Errorf("%d masked pictures, want %d", masked, tc.masks)
			}
			validate.QPDFCheck(t, save(t, tc.out))
		})
	}
}

// slicesIndex returns the index of the slice in list equal to b, or -1.
func slicesIndex(list [][]byte, b []byte) int {
	for i, x := range list {
		if bytes.Equal(x, b) {
			return i
		}
	}
	return -1
}

// TestPictureNotReplaced: finishing refuses, with an error, to write a
// picture whose object was replaced whole (its stream would be the
// stand-in's).
func TestPictureNotReplaced(t *testing.T) {
	out := writePress(t)
	src, err := readSource(out)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for n = 1; n < len(src.offsets); n++ {
		if d, err := src.dict(n); err == nil && d.name("Subtype") == "Image" {
			break
		}
	}
	o, err := src.object(n)
	if err != nil {
		t.Fatal(err)
	}
	src.pictures = map[int]*picture{n: {o: o, data: o.stream}}
	r := newRewrite(src)
	r.replace(n, o.bytes())
	var b bytes.Buffer
	err = r.writeTo(&b, src.header(), "")
	if err == nil || !strings.Contains(err.Error(), "replaced") {
		t.Fatalf("writeTo: %v", err)
	}
}

// TestImageKey: the same bytes (a copy too) get the same key and are
// known again; other bytes under the same CRC and length get a key of
// their own.
func TestImageKey(t *testing.T) {
	d := &drawer{images: map[string][]byte{}}
	a := jpegBytes(t, 64, 40)
	k, seen := d.imageKey(a)
	if seen {
		t.Fatal("a new picture known")
	}
	if k2, seen := d.imageKey(bytes.Clone(a)); !seen || k2 != k {
		t.Errorf("a copy: key %s (%v), want %s", k2, seen, k)
	}
	// another picture whose CRC and length are a's: put under a's key
	b := jpegBytes(t, 40, 64)
	d = &drawer{images: map[string][]byte{}}
	base := fmt.Sprintf("%08x%x", crc32.Checksum(b, castagnoli), len(b))
	d.images[base] = a
	kb, seen := d.imageKey(b)
	if seen || kb != base+"-1" {
		t.Errorf("a colliding picture: key %s (%v)", kb, seen)
	}
	if again, seen := d.imageKey(b); !seen || again != kb {
		t.Errorf("the colliding picture again: key %s (%v)", again, seen)
	}
}
