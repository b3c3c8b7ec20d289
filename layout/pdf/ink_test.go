package pdf

import (
	"os"
	"testing"
)

// TestSmallInks: small type keeps one chromatic ink at most — its own when
// it has one, the ink that keeps the hue when there is one, else black
// alone as dark as the colour.
func TestSmallInks(t *testing.T) {
	data, err := os.ReadFile("../../assets/icc/magz-coated-fogra39.icc")
	if err != nil {
		t.Fatal(err)
	}
	r, err := newInkRules(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   [4]int
		ink  int // the chromatic ink kept; -1 for black alone
		same bool
	}{
		{[4]int{0, 0, 0, 100}, -1, true},
		{[4]int{100, 0, 0, 20}, 0, true},     // one ink: as it is
		{[4]int{95, 45, 40, 35}, 0, false},   // deep sea: cyan and black
		{[4]int{10, 85, 100, 10}, -1, false}, // red earth: no single ink keeps its hue
		{[4]int{7, 4, 0, 56}, -1, false},     // a blue-grey: black
		{[4]int{10, 2, 2, 0}, -1, false},     // a pale tint: black
		{[4]int{100, 100, 0, 0}, -1, false},  // violet: neither cyan nor magenta alone
		{[4]int{0, 100, 10, 0}, 1, false},    // a magenta with a trace of yellow: magenta
	} {
		got := r.small(tc.in)
		if chromatic(got) > 1 {
			t.Errorf("%v → %v: more than one ink besides black", tc.in, got)
		}
		if tc.same != (got == tc.in) {
			t.Errorf("%v → %v: changed %v, want %v", tc.in, got, got != tc.in, !tc.same)
		}
		kept := -1
		for i, v := range got[:3] {
			if v > 0 {
				kept = i
			}
		}
		if kept != tc.ink {
			t.Errorf("%v → %v: keeps ink %d, want %d", tc.in, got, kept, tc.ink)
		}
		// as dark as the colour, within 3 L*
		if d := r.measure(got)[0] - r.measure(tc.in)[0]; d > 300 || d < -300 {
			t.Errorf("%v → %v: lightness moves by %.1f", tc.in, got, float64(d)/100)
		}
	}
}
