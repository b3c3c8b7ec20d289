package diag

import "testing"

func TestClosest(t *testing.T) {
	for _, tc := range []struct {
		word  string
		cands []string
		want  string
	}{
		{"bulid", []string{"new", "check", "build", "watch", "list"}, "build"},
		{"chek", []string{"new", "check", "build"}, "check"},
		{"pasar-mam.jpg", []string{"pasar-mama.jpg", "cover.jpg"}, "pasar-mama.jpg"},
		{"Pasar-Mama.jpeg", []string{"pasar-mama.jpg"}, "pasar-mama.jpg"},
		{"titel", []string{"title", "subtitle"}, "title"},
		{"xyz", []string{"build", "check"}, ""},
		{"issue-13", []string{"issue-12"}, "issue-12"},
		{"issue-9", []string{"issue-1", "issue-2"}, ""}, // equally near: no guess
	} {
		if got := Closest(tc.word, tc.cands); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}
