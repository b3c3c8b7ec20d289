package reader

import (
	"strings"
	"testing"
)

// TestMagazineKeysInConflict: issue.yaml naming the magazine or its
// publisher otherwise than magazine.yaml is a warning naming both files;
// the same name in both, or in one only, is not.
func TestMagazineKeysInConflict(t *testing.T) {
	dir := magazine(t, "magazine: Suara Teluk\npublisher: Dinas Kominfo\n",
		"magazine: Suara Teluk Lama\npublisher: Dinas Kominfo\nnumber: 1\ndate: 2026-01-01\n")
	iss, problems := read(t, dir)
	if iss == nil || iss.Magazine != "Suara Teluk Lama" {
		t.Fatalf("issue %+v", iss)
	}
	want := `issues/issue-1/issue.yaml:1:11: warning: magazine is "Suara Teluk Lama" in issue.yaml and "Suara Teluk" in `
	if !strings.Contains(problems, want) || !strings.Contains(problems, `magazine.yaml; the issue is built with "Suara Teluk Lama": remove it from issue.yaml to use the magazine's, or make them the same`) {
		t.Errorf("problems:\n%s\nwant %s…", problems, want)
	}
	if strings.Contains(problems, "publisher is") {
		t.Errorf("the same publisher in both files is a conflict:\n%s", problems)
	}
	dir = magazine(t, "magazine: Suara Teluk\n", "number: 1\ndate: 2026-01-01\npublisher: Dinas\n")
	if _, problems := read(t, dir); problems != "" {
		t.Errorf("keys set once are a conflict:\n%s", problems)
	}
}

// TestDraftOnlyInIssue: draft: is a key of each issue, not of the
// magazine.
func TestDraftOnlyInIssue(t *testing.T) {
	dir := magazine(t, "magazine: M\ndraft: true\n", "number: 1\ndate: 2026-01-01\n")
	if _, problems := read(t, dir); !strings.Contains(problems, "magazine.yaml:2:8: draft belongs in each issue's issue.yaml, not in magazine.yaml") {
		t.Errorf("problems:\n%s", problems)
	}
}
