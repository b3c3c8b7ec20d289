package icc

import (
	"fmt"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"magz/internal/validate"
)

func TestExp2Steps(t *testing.T) {
	const prec = 256
	c := new(big.Float).SetPrec(prec).SetInt64(2)
	q62 := new(big.Float).SetPrec(prec).SetMantExp(big.NewFloat(1), 62)
	for k := 1; k <= 32; k++ {
		c.Sqrt(c)
		v := new(big.Float).SetPrec(prec).Mul(c, q62)
		v.Add(v, big.NewFloat(0.5))
		want, _ := v.Uint64()
		if exp2Steps[k-1] != want {
			t.Errorf("2^(2^-%d) in Q62: have %d, want %d", k, exp2Steps[k-1], want)
		}
	}
}

func TestPow(t *testing.T) {
	for _, g := range []float64{1.0 / 2.4, 1 / 2.2, 1, 1.8, 2.2, 2.4, 3} {
		for _, x := range []float64{0.0001, 0.001, 0.04045, 0.1, 0.25, 0.5, 0.75, 0.999, 1, 1.2} {
			got := float64(powQ32(uint64(x*(1<<32)), int64(math.Round(g*65536)))) / (1 << 32)
			want := math.Pow(x, math.Round(g*65536)/65536)
			if math.Abs(got-want) > 2e-8*max(1, want) {
				t.Errorf("%g^%g = %.10f, want %.10f", x, g, got, want)
			}
		}
	}
}

func TestCubeRoot(t *testing.T) {
	for _, n := range []uint64{0, 1, 7, 8, 9, 26, 27, 1000, 999999, 1 << 48, 1<<50 - 1} {
		r := icbrt(n)
		if r*r*r > n || (r+1)*(r+1)*(r+1) <= n {
			t.Errorf("icbrt(%d) = %d", n, r)
		}
	}
}

// lookup converts colours with magz's code the way xicclu does: device
// values (0 to 1) forward to Lab, or Lab backward to device values.
// made keeps the transforms made so far, by profile and direction.
func lookup(t *testing.T, made map[string]transform, p *Profile, forward bool, intent Intent, in []float64) []float64 {
	t.Helper()
	key := fmt.Sprint(p.Description, p.Version, forward, intent)
	tr, ok := made[key]
	var err error
	if !ok {
		if forward {
			tr, err = p.toPCS(intent)
		} else {
			tr, err = p.fromPCS(intent)
		}
		if err != nil {
			t.Fatal(err)
		}
		made[key] = tr
	}
	if forward {
		v := make([]int32, maxChannels)
		for i, x := range in {
			v[i] = int32(math.Round(x * 65535))
		}
		c := decodePCS(tr.out, tr.p.eval(v[:len(in)])).toLab()
		return []float64{float64(c.v[0]) / 65536, float64(c.v[1]) / 65536, float64(c.v[2]) / 65536}
	}
	c := pcsColour{lab: true}
	for i, x := range in {
		c.v[i] = int64(math.Round(x * 65536))
	}
	e := make([]int32, maxChannels)
	encodePCS(tr.in, c, e)
	out := tr.p.eval(e[:3])
	res := make([]float64, len(out))
	for i, v := range out {
		res[i] = float64(v) / 65535
	}
	return res
}

// xicclu runs Argyll's xicclu on the colours and returns its results.
func xicclu(t *testing.T, file string, forward bool, intent Intent, in [][]float64) [][]float64 {
	t.Helper()
	args := []string{"-ff", "-i" + string("prsa"[intent]), "-pl"}
	if !forward {
		args[0] = "-fb"
	}
	return xiccluArgs(t, file, args, in)
}

// xiccluArgs runs xicclu with the given options.
func xiccluArgs(t *testing.T, file string, args []string, in [][]float64) [][]float64 {
	t.Helper()
	bin, err := exec.LookPath("xicclu")
	if err != nil {
		if validate.Required() {
			t.Fatal("xicclu (ArgyllCMS) is required")
		}
		t.Skip("xicclu (ArgyllCMS) not installed")
	}
	var input strings.Builder
	for _, c := range in {
		for _, x := range c {
			fmt.Fprintf(&input, "%.6f ", x)
		}
		input.WriteString("\n")
	}
	cmd := exec.Command(bin, append(args, file)...)
	cmd.Stdin = strings.NewReader(input.String())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("xicclu %s: %v", file, err)
	}
	var res [][]float64
	for _, line := range strings.Split(string(out), "\n") {
		i := strings.LastIndex(line, "->")
		if i < 0 {
			continue
		}
		var vals []float64
		for _, f := range strings.Fields(line[i+2:]) {
			if v, err := strconv.ParseFloat(f, 64); err == nil {
				vals = append(vals, v)
			}
		}
		res = append(res, vals)
	}
	if len(res) != len(in) {
		t.Fatalf("xicclu gave %d results for %d colours:\n%s", len(res), len(in), out)
	}
	return res
}

func readProfile(t *testing.T, file string) *Profile {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Skipf("%s: %v", file, err)
	}
	p, err := Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return p
}

// deviceSamples are colours spread over a device space of n channels.
func deviceSamples(n int) [][]float64 {
	levels := []float64{0, 0.07, 0.2, 0.35, 0.5, 0.66, 0.8, 0.93, 1}
	var out [][]float64
	idx := make([]int, n)
	for {
		c := make([]float64, n)
		for i, j := range idx {
			c[i] = levels[j]
		}
		out = append(out, c)
		k := n - 1
		for k >= 0 {
			idx[k] += 1 + k // skip some levels on the later channels: fewer samples
			if idx[k] < len(levels) {
				break
			}
			idx[k] = 0
			k--
		}
		if k < 0 {
			return out
		}
	}
}

func labSamples() [][]float64 {
	var out [][]float64
	for _, L := range []float64{0, 5, 12, 25, 37.5, 50, 62, 75, 88, 96, 100} {
		for _, a := range []float64{-90, -40, -8, 0, 3, 20, 60, 100} {
			for _, b := range []float64{-100, -30, 0, 7, 45, 90} {
				out = append(out, []float64{L, a, b})
			}
		}
	}
	return out
}

// TestAgainstXicclu compares magz's conversions with ArgyllCMS's on every
// kind of profile at hand: magz's own output profiles (lut16), sRGB and
// others (matrix/TRC), Ghostscript's CMYK profile (lut8 and lut16), and
// a v4 profile with lutAtoB/lutBtoA made from magz's own by the test.
func TestAgainstXicclu(t *testing.T) {
	root := filepath.Join("..", "..", "assets", "icc")
	sys := "/usr/share/color"
	v4 := filepath.Join(t.TempDir(), "v4.icc")
	coated, err := os.ReadFile(filepath.Join(root, "magz-coated-fogra39.icc"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(v4, toV4(t, coated), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		file     string
		ref      string // the file xicclu reads, when not file
		forward  bool
		intents  []Intent
		tolLab   float64 // ΔE76 for forward lookups
		tolInk   float64 // per channel, 0 to 1, for backward lookups
		optional bool
	}{
		{filepath.Join(root, "magz-coated-fogra39.icc"), "", true, []Intent{Perceptual, Relative}, 0.3, 0, false},
		{filepath.Join(root, "magz-coated-fogra39.icc"), "", false, []Intent{Perceptual, Relative, Saturation}, 0, 0.006, false},
		{filepath.Join(root, "magz-uncoated-fogra29.icc"), "", true, []Intent{Relative}, 0.3, 0, false},
		{filepath.Join(root, "magz-uncoated-fogra29.icc"), "", false, []Intent{Perceptual, Relative}, 0, 0.006, false},
		// matrix/TRC: XYZ passes between the stages in 16 bits, which in
		// dark colours is a few hundredths of ΔE (far below one step of an
		// 8-bit image)
		{filepath.Join(root, "sRGB.icc"), "", true, []Intent{Relative}, 0.1, 0, false},
		// xicclu reads no v4 profile: the same tables as lutAtoB and lutBtoA
		// must give what xicclu gives for the v2 original
		{v4, filepath.Join(root, "magz-coated-fogra39.icc"), true, []Intent{Perceptual, Relative}, 0.3, 0, false},
		{v4, filepath.Join(root, "magz-coated-fogra39.icc"), false, []Intent{Perceptual, Relative}, 0, 0.006, false},
		{filepath.Join(sys, "icc/compatibleWithAdobeRGB1998.icc"), "", true, []Intent{Relative}, 0.1, 0, true},
		{filepath.Join(sys, "argyll/ref/DisplayP3.icm"), "", true, []Intent{Relative}, 0.1, 0, true},
		{filepath.Join(sys, "icc/ghostscript/default_cmyk.icc"), "", true, []Intent{Perceptual, Relative}, 0.6, 0, true},
		{filepath.Join(sys, "icc/ghostscript/default_cmyk.icc"), "", false, []Intent{Perceptual, Relative}, 0, 0.012, true},
	}
	made := map[string]transform{}
	for _, tc := range cases {
		name := filepath.Base(tc.file)
		if tc.optional {
			if _, err := os.Stat(tc.file); err != nil {
				t.Logf("%s: not installed", name)
				continue
			}
		}
		p := readProfile(t, tc.file)
		for _, intent := range tc.intents {
			samples := labSamples()
			if tc.forward {
				samples = deviceSamples(p.Channels())
			}
			ref := tc.file
			if tc.ref != "" {
				ref = tc.ref
			}
			want := xicclu(t, ref, tc.forward, intent, samples)
			worst, at := 0.0, 0
			for i, s := range samples {
				got := lookup(t, made, p, tc.forward, intent, s)
				d := 0.0
				for j := range got {
					if tc.forward {
						d += (got[j] - want[i][j]) * (got[j] - want[i][j])
					} else {
						d = max(d, math.Abs(got[j]-want[i][j]))
					}
				}
				if tc.forward {
					d = math.Sqrt(d)
				}
				if d > worst {
					worst, at = d, i
				}
			}
			tol := tc.tolLab
			if !tc.forward {
				tol = tc.tolInk
			}
			dir := map[bool]string{true: "forward", false: "backward"}[tc.forward]
			if worst > tol {
				got := lookup(t, made, p, tc.forward, intent, samples[at])
				t.Errorf("%s %s intent %d: differs from xicclu by %.4f at %v: %.4f, xicclu %.4f", name, dir, intent, worst, samples[at], got, want[at])
			} else {
				t.Logf("%s %s intent %d: %d colours, at most %.4f from xicclu", name, dir, intent, len(samples), worst)
			}
		}
	}
}

// FuzzParse: no profile, however damaged, makes the reader or a
// conversion through it panic.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"sRGB.icc", "magz-uncoated-fogra29.icc"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "assets", "icc", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		for intent := Perceptual; intent <= Absolute; intent++ {
			for _, tr := range []func(Intent) (transform, error){p.toPCS, p.fromPCS} {
				x, err := tr(intent)
				if err != nil {
					continue
				}
				v := make([]int32, maxChannels)
				for i := range x.p.in {
					v[i] = int32(i * 20000 % 65536)
				}
				x.p.eval(v[:x.p.in])
			}
		}
	})
}
