package pipeline

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fusedAllowed are fused multiply-adds in magz's functions that cannot
// change a result, or that make no output from an issue's files.
var fusedAllowed = map[string]string{
	// fpdf's link rectangles, inlined into the drawer: with the unit in
	// points (scale 1) the products are exact, so fusing changes nothing.
	"magz/layout/pdf.(*drawer).item fpdf.go": "exact",
	// synth paints test and example photos (inputs, not outputs) with
	// math.Sin and math.Pow, which Go itself compiles with fused
	// multiply-adds on arm64.
	"magz/internal/synth.": "inputs",
}

// TestNoFusedMultiplyAdd compiles magz for arm64 and looks for fused
// multiply-add instructions in its own code. Go may fuse x*y+z into one
// instruction on arm64 (not on amd64), rounding once instead of twice, so
// the same issue would give other bytes on an Apple-silicon Mac. magz
// writes such arithmetic in integers, or rounds each product with an
// explicit float conversion, which the Go specification says prevents
// fusing. CI builds the sample issue with magz for arm64 under qemu-user
// and compares the files with amd64's (.ci/run), which checks the
// outcome; this test points at the line that would break it.
func TestNoFusedMultiplyAdd(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("compiles magz for arm64")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	bin := filepath.Join(t.TempDir(), "magz-arm64")
	// -trimpath as the releases are built (cmd/magz-release), so that the
	// packages CI compiles for arm64 before the tests are found in the
	// build cache here.
	build := exec.Command(goTool, "build", "-trimpath", "-o", bin, "magz/cmd/magz")
	build.Env = append(os.Environ(), "GOOS=linux", "GOARCH=arm64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build for arm64: %v\n%s", err, out)
	}
	// magz's own functions, and the math package's: Go fuses in math on
	// arm64, so finding none there means the disassembly was misread.
	dump := exec.Command(goTool, "tool", "objdump", "-s", `^(magz/|math\.)`, bin)
	out, err := dump.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := dump.Start(); err != nil {
		t.Fatal(err)
	}
	fused := regexp.MustCompile(`\b(FMADD|FMSUB|FNMADD|FNMSUB)[SD]\b`)
	fn, found, seen := "", map[string]bool{}, 0
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "TEXT "); ok {
			fn = strings.Fields(rest)[0]
			continue
		}
		if !fused.MatchString(line) {
			continue
		}
		seen++
		if !strings.HasPrefix(fn, "magz/") {
			continue
		}
		where := strings.Fields(line)[0] // file:line
		file, _, _ := strings.Cut(where, ":")
		fnName := strings.TrimSuffix(fn, "(SB)")
		allowed := false
		for k := range fusedAllowed {
			if k == fnName+" "+file || (strings.HasSuffix(k, ".") && strings.HasPrefix(fnName, k)) {
				allowed = true
			}
		}
		if !allowed {
			found[fnName+" at "+where] = true
		}
	}
	if err := dump.Wait(); err != nil {
		t.Fatal(err)
	}
	if seen == 0 {
		t.Fatal("no fused instruction anywhere, not even in package math: the disassembly was not read right")
	}
	for f := range found {
		t.Errorf("fused multiply-add in %s: round the product with an explicit float conversion, or use integers", f)
	}
}
