package reader

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"magz/internal/diag"
	"magz/internal/doc"
)

// FuzzArticle reads arbitrary bytes as an article: the reader must never
// panic, and whatever it accepts must dump.
func FuzzArticle(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: A\n---\nText.",
		"# Title\n\n> [!pull]\n> q\n> — who\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n[^1]\n\n[^1]: n",
		"---\ntitle: [unclosed\n---\n",
		"---\n\x00\xff\n---\n",
		"<div><script>x</script>\n\n![a](b.jpg \"c | d\")\n\n```\ncode\n```\n",
		"- a\n  - b\n    1. c\n\n***\n\n<br>",
		"---\ntitle: A\ncolumns: 99\nfocus: 2,x\nimage: /etc/passwd\n---\n",
		"\xef\xbb\xbf# BOM\r\n\r\nCRLF text\r\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "issue.yaml"), []byte("magazine: M\nnumber: 1\ndate: 2026-01-01\n"), 0o644)
		os.MkdirAll(filepath.Join(dir, "articles"), 0o755)
		os.WriteFile(filepath.Join(dir, "articles", "a.md"), data, 0o644)
		diags := &diag.List{}
		iss := Read(dir, diags)
		for _, d := range diags.All() {
			if d.Pos.Path == "" || d.Msg == "" {
				t.Fatalf("diagnostic without place or message: %+v", d)
			}
		}
		if iss != nil && !diags.HasErrors() {
			var b bytes.Buffer
			doc.Dump(&b, iss)
		}
	})
}

// FuzzIssueYAML reads arbitrary bytes as issue.yaml.
func FuzzIssueYAML(f *testing.F) {
	for _, seed := range []string{
		"magazine: M\nnumber: 1\ndate: 2026-01-01\n",
		"magazine: M\nnumber: -1\ndate: 2026-02-30\ntrim: 1x1mm\nlanguage: '!!'\n",
		"cover: {image: ../x.jpg, focus: '0.5'}\narticles: [a, ../b]\n",
		"magazine: &a M\nnumber: *a\n",
		": : :\n\t- x",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "issue.yaml"), data, 0o644)
		os.MkdirAll(filepath.Join(dir, "articles"), 0o755)
		os.WriteFile(filepath.Join(dir, "articles", "a.md"), []byte("# A\n"), 0o644)
		diags := &diag.List{}
		Read(dir, diags)
	})
}
