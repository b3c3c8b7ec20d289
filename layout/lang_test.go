package layout

import (
	"testing"

	"magz/internal/locale"
)

// TestLangASCII: lang answers ASCII without locale.Runs, as Runs would.
func TestLangASCII(t *testing.T) {
	all := make([]byte, 128)
	for i := range all {
		all[i] = byte(i)
	}
	for _, s := range []string{"", "kata", "Rp 25.000,-", string(all), "café", "سلام", "日本"} {
		want := ""
		if runs := locale.Runs(s); len(runs) == 1 {
			want = runs[0].Lang
		}
		if got := lang(s); got != want {
			t.Errorf("lang(%q) = %q, want %q", s, got, want)
		}
	}
}
