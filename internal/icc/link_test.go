package icc

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"magz/internal/validate"
)

func assetProfile(t *testing.T, name string) *Profile {
	t.Helper()
	return readProfile(t, filepath.Join("..", "..", "assets", "icc", name))
}

// TestLinkAgainstCollink: magz's sRGB-to-press link gives the inks of
// Argyll's own link made from the same two profiles (collink's simple
// mode, perceptual), read by xicclu.
func TestLinkAgainstCollink(t *testing.T) {
	if _, err := exec.LookPath("collink"); err != nil {
		if validate.Required() {
			t.Fatal("collink (ArgyllCMS) is required")
		}
		t.Skip("collink (ArgyllCMS) not installed")
	}
	root := filepath.Join("..", "..", "assets", "icc")
	for _, press := range []string{"magz-coated-fogra39.icc", "magz-uncoated-fogra29.icc"} {
		linkFile := filepath.Join(t.TempDir(), "link.icc")
		cmd := exec.Command("collink", "-s", "-ip", "-qh", filepath.Join(root, "sRGB.icc"), filepath.Join(root, press), linkFile)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("collink: %v\n%s", err, out)
		}
		l, err := NewLink(assetProfile(t, "sRGB.icc"), assetProfile(t, press), Perceptual, LinkOptions{})
		if err != nil {
			t.Fatal(err)
		}
		samples := deviceSamples(3)
		want := xiccluArgs(t, linkFile, []string{"-ff"}, samples)
		worst, mean := 0.0, 0.0
		for i, s := range samples {
			in := []uint16{uint16(s[0] * 65535), uint16(s[1] * 65535), uint16(s[2] * 65535)}
			got := l.Eval(in)
			for c := range 4 {
				d := math.Abs(float64(got[c])/65535 - want[i][c])
				worst = max(worst, d)
				mean += d / float64(4*len(samples))
			}
		}
		// two tables sampled from the same profiles on different grids
		if worst > 0.02 || mean > 0.003 {
			t.Errorf("%s: inks differ from collink's by up to %.3f (mean %.4f)", press, worst, mean)
		}
		t.Logf("%s: %d colours, inks within %.4f of collink's (mean %.4f)", press, len(samples), worst, mean)
	}
}

// TestLinkInkLimit: no 8-bit sRGB colour separates with more ink than the
// limit, the darkest and most saturated included.
func TestLinkInkLimit(t *testing.T) {
	for _, tc := range []struct {
		press string
		limit int
	}{{"magz-coated-fogra39.icc", 300}, {"magz-uncoated-fogra29.icc", 260}} {
		l, err := NewLink(assetProfile(t, "sRGB.icc"), assetProfile(t, tc.press), Perceptual, LinkOptions{InkLimit: tc.limit})
		if err != nil {
			t.Fatal(err)
		}
		var src []uint8
		for r := 0; r < 256; r += 5 {
			for g := 0; g < 256; g += 5 {
				for b := 0; b < 256; b += 5 {
					src = append(src, uint8(r), uint8(g), uint8(b))
				}
			}
		}
		dst := make([]uint8, len(src)/3*4)
		l.Pixels(dst, src)
		most := 0
		for i := 0; i < len(dst); i += 4 {
			most = max(most, int(dst[i])+int(dst[i+1])+int(dst[i+2])+int(dst[i+3]))
		}
		if most*100 > tc.limit*255+2*255 { // the rounding of four 8-bit inks
			t.Errorf("%s: %.1f %% of ink, limit %d %%", tc.press, float64(most)*100/255, tc.limit)
		}
		// without the cap the profile's own tables must hold the limit too
		free, err := NewLink(assetProfile(t, "sRGB.icc"), assetProfile(t, tc.press), Perceptual, LinkOptions{})
		if err != nil {
			t.Fatal(err)
		}
		free.Pixels(dst, src)
		most = 0
		for i := 0; i < len(dst); i += 4 {
			most = max(most, int(dst[i])+int(dst[i+1])+int(dst[i+2])+int(dst[i+3]))
		}
		t.Logf("%s: perceptual table alone puts down at most %.1f %%", tc.press, float64(most)*100/255)
	}
}

// TestBlackRamp: greys go to black ink alone, white to none, black to
// full, lighter greys to less ink.
func TestBlackRamp(t *testing.T) {
	for _, press := range []string{"magz-coated-fogra39.icc", "magz-uncoated-fogra29.icc"} {
		ramp, err := BlackRamp(assetProfile(t, "sRGB.icc"), assetProfile(t, press))
		if err != nil {
			t.Fatal(err)
		}
		if ramp[255] != 0 || ramp[0] != 255 {
			t.Errorf("%s: white → %d, black → %d", press, ramp[255], ramp[0])
		}
		for g := 1; g < 256; g++ {
			if ramp[g] > ramp[g-1] {
				t.Errorf("%s: grey %d takes more ink (%d) than grey %d (%d)", press, g, ramp[g], g-1, ramp[g-1])
			}
		}
		// sRGB's middle grey (L* 53.4) prints with about half black or
		// less: dot gain darkens the ink
		if ramp[128] < 90 || ramp[128] > 150 {
			t.Errorf("%s: middle grey → %d %% black", press, int(ramp[128])*100/255)
		}
		t.Logf("%s: grey 64/128/192 → K %d/%d/%d %%", press, int(ramp[64])*100/255, int(ramp[128])*100/255, int(ramp[192])*100/255)
	}
}

func TestParseErrors(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("..", "..", "assets", "icc", "magz-coated-fogra39.icc"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not icc":   []byte("not a profile at all, but long enough to have a header of one hundred and thirty-two bytes ........................."),
		"cut short": good[:200],
	} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestPixels3: the quick path for three inputs gives the generic path's
// bytes.
func TestPixels3(t *testing.T) {
	l, err := NewLink(assetProfile(t, "sRGB.icc"), assetProfile(t, "magz-coated-fogra39.icc"), Perceptual, LinkOptions{InkLimit: 297})
	if err != nil {
		t.Fatal(err)
	}
	src := make([]uint8, 3*40000)
	seed := uint32(7)
	for i := range src {
		seed = seed*1664525 + 1013904223
		src[i] = uint8(seed >> 24)
	}
	// equal channels and the extremes, where the order of the fractions ties
	copy(src, []uint8{0, 0, 0, 255, 255, 255, 128, 128, 128, 10, 10, 200, 200, 10, 10, 10, 200, 10})
	fast := make([]uint8, 4*40000)
	l.Pixels(fast, src)
	v := make([]int32, maxChannels)
	for p := range 40000 {
		for c := range 3 {
			v[c] = int32(src[3*p+c]) * 257
		}
		r := l.table.apply(v[:3])
		for c := range 4 {
			if want := uint8((r[c] + 128) / 257); fast[4*p+c] != want {
				t.Fatalf("pixel %v: ink %d is %d, want %d", src[3*p:3*p+3], c, fast[4*p+c], want)
			}
		}
		v = v[:maxChannels]
	}
}

// TestBundledProfiles: magz's own profiles hold their ink limit for every
// colour in every intent, read without black point compensation (a RIP
// given Lab or RGB), and build greys of cyan, magenta and yellow in
// balance under a moderate black — checked against xicclu's own lookups
// of their tables by TestAgainstXicclu.
func TestBundledProfiles(t *testing.T) {
	for _, tc := range []struct {
		file  string
		limit int
	}{{"magz-coated-fogra39.icc", 300}, {"magz-uncoated-fogra29.icc", 260}} {
		p := assetProfile(t, tc.file)
		for intent := Perceptual; intent <= Saturation; intent++ {
			most, at, err := p.MaxInk(intent)
			if err != nil {
				t.Fatal(err)
			}
			if most > tc.limit*10 {
				t.Errorf("%s intent %d: %.1f %% of ink at Lab %v, over %d %%", tc.file, intent, float64(most)/10, at, tc.limit)
			}
		}
		// a middle grey, colorimetrically: all three colours, none far
		// from the others, and not mostly black
		tr, err := p.fromPCS(Relative)
		if err != nil {
			t.Fatal(err)
		}
		e := make([]int32, maxChannels)
		encodePCS(tr.in, pcsColour{lab: true, v: [3]int64{50 << 16, 0, 0}}, e)
		out := tr.p.eval(e[:3])
		pc := func(v int32) int { return int(v) * 100 / 65535 }
		c, m, y, k := pc(out[0]), pc(out[1]), pc(out[2]), pc(out[3])
		if m < 15 || y < 15 || c < m || m-y > 12 || y-m > 12 || k > 60 {
			t.Errorf("%s: the grey of L* 50 is C%d M%d Y%d K%d", tc.file, c, m, y, k)
		}
		t.Logf("%s: L* 50 grey C%d M%d Y%d K%d", tc.file, c, m, y, k)
	}
}

// BenchmarkPixels3 separates a megapixel of photo-like RGB (smooth
// gradients with grain) into the press's inks.
func BenchmarkPixels3(b *testing.B) {
	var ps [2]*Profile
	for i, name := range []string{"sRGB.icc", "magz-coated-fogra39.icc"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "assets", "icc", name))
		if err != nil {
			b.Fatal(err)
		}
		if ps[i], err = Parse(data); err != nil {
			b.Fatal(err)
		}
	}
	l, err := NewLink(ps[0], ps[1], Perceptual, LinkOptions{InkLimit: 297})
	if err != nil {
		b.Fatal(err)
	}
	const w, h = 1000, 1000
	src := make([]uint8, 3*w*h)
	seed := uint32(7)
	for y := range h {
		for x := range w {
			seed = seed*1664525 + 1013904223
			grain := int(seed>>29) - 4
			i := 3 * (y*w + x)
			src[i] = uint8(min(max(x*255/w+grain, 0), 255))
			src[i+1] = uint8(min(max(y*255/h+grain, 0), 255))
			src[i+2] = uint8(min(max((x+y)*255/(w+h)-grain, 0), 255))
		}
	}
	dst := make([]uint8, 4*w*h)
	b.SetBytes(int64(w * h))
	for b.Loop() {
		l.Pixels(dst, src)
	}
}
