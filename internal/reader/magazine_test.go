package reader

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/theme"
	"magz/layout/page"
)

// magazine writes a magazine folder: magazine.yaml and one issue.
func magazine(t *testing.T, magazineYAML, issueYAML string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "issues", "issue-1")
	for name, content := range map[string]string{
		filepath.Join(root, MagazineFile):      magazineYAML,
		filepath.Join(dir, IssueFile):          issueYAML,
		filepath.Join(dir, "articles", "a.md"): "---\ntitle: A\n---\nTeks.\n",
		filepath.Join(dir, "articles", "b.md"): "---\ntitle: B\ncolumns: 1\n---\nTeks.\n",
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func read(t *testing.T, dir string) (*doc.Issue, string) {
	t.Helper()
	diags := &diag.List{}
	iss := Read(dir, diags)
	var b strings.Builder
	for _, d := range diags.All() {
		b.WriteString(filepath.ToSlash(strings.TrimPrefix(d.String(), filepath.Dir(filepath.Dir(dir))+string(filepath.Separator))) + "\n")
	}
	return iss, b.String()
}

// TestMagazineSettings: an issue takes what it does not set from the
// magazine's settings, and its own keys win, inside nested settings too.
func TestMagazineSettings(t *testing.T) {
	dir := magazine(t, `magazine: Suara Teluk
publisher: Dinas Kominfo
language: id
trim: A4
print:
  paper: uncoated
colophon:
  - "Pemimpin redaksi: Rina"
theme:
  columns: 3
  body_size: 10
  leading: 14
  margins:
    top: 18
  colours:
    accent: "#1e6b3a cmyk 80 20 90 10"
    deep: "#20304a"
    sections:
      Lingkungan: "#2e6b30"
  furniture:
    folio: centre
    running_heads: false
`, `number: 1
date: 2026-05-01
publisher: Dinas Komunikasi dan Informatika
theme:
  colours:
    deep: "#102040"
`)
	iss, problems := read(t, dir)
	// the issue's own publisher wins, and the editor is told that the
	// two files differ
	if lines := strings.Split(strings.TrimSpace(problems), "\n"); len(lines) != 1 || !strings.Contains(lines[0], `warning: publisher is "Dinas Komunikasi dan Informatika" in issue.yaml and "Dinas Kominfo" in `) {
		t.Fatalf("problems:\n%s", problems)
	}
	if iss.Magazine != "Suara Teluk" || iss.Publisher != "Dinas Komunikasi dan Informatika" || iss.Print.Paper != doc.Uncoated ||
		iss.Trim.Width != 210000 || len(iss.Colophon) != 1 {
		t.Errorf("inherited %q %q %v %v %v", iss.Magazine, iss.Publisher, iss.Print.Paper, iss.Trim, iss.Colophon)
	}
	th := iss.Theme
	if th.Columns != 3 || th.BodySize != 10*page.Pt || th.Grid != 14*page.Pt || th.MarginTop != 18*page.MM || th.MarginBottom != theme.Default().MarginBottom {
		t.Errorf("theme sizes %+v", th)
	}
	if theme.Hex(th.Accent) != "#1e6b3a" || th.Accent.Ink != [4]uint8{80, 20, 90, 10} || !th.Accent.HasInk {
		t.Errorf("accent %+v", th.Accent)
	}
	if theme.Hex(th.Deep) != "#102040" || theme.Hex(th.Tint) != theme.Hex(theme.Default().Tint) {
		t.Errorf("the issue's deep colour did not win, or tint changed: %s %s", theme.Hex(th.Deep), theme.Hex(th.Tint))
	}
	if theme.Hex(th.AccentOf("lingkungan")) != "#2e6b30" || theme.Hex(th.AccentOf("Laporan")) != "#1e6b3a" ||
		th.Furniture.Folio != theme.FolioCentre || th.Furniture.RunningHeads {
		t.Errorf("section colours %v, furniture %+v", th.Sections, th.Furniture)
	}
	if iss.Articles[0].Columns != 3 || iss.Articles[1].Columns != 1 {
		t.Errorf("columns %d and %d, want the theme's 3 and the article's own 1", iss.Articles[0].Columns, iss.Articles[1].Columns)
	}
}

// TestMagazineSettingsMistakes: problems in magazine.yaml are reported
// there, at their line and column, all at once; an issue's own key in
// magazine.yaml is named; colours readers cannot read are warned of.
func TestMagazineSettingsMistakes(t *testing.T) {
	dir := magazine(t, `magazine: Suara Teluk
number: 3
theme:
  columns: 4
  body_size: 30
  colours:
    accent: merah
    paper: "#f0f0f0"
    ink: "#999999"
  colurs: {}
  cover:
    layout: kolase
`, "number: 1\ndate: 2026-05-01\n")
	_, problems := read(t, dir)
	for _, want := range []string{
		"magazine.yaml:2:9: number belongs in each issue's issue.yaml, not in magazine.yaml",
		"magazine.yaml:4:12: columns must be 1, 2 or 3, got 4",
		"magazine.yaml:5:14: theme.body_size must be from 7 to 14, got 30",
		`magazine.yaml:7:13: colours.accent: "merah" is not a colour: write it as #rrggbb, such as #b83a1e`,
		`magazine.yaml:10:3: unknown key "colurs"; did you mean "colours"?`,
		`magazine.yaml:12:13: cover layout "kolase" is not photo or frame`,
		"warning: the colours give ink on paper (body text) a contrast of 2.5:1; readers with low vision need 4.5:1",
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("no %q in:\n%s", want, problems)
		}
	}
}

// TestNoMagazineSettings: an issue outside a magazine's issues folder, or
// with no magazine.yaml, has the house design.
func TestNoMagazineSettings(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "articles"), 0o755)
	os.WriteFile(filepath.Join(dir, IssueFile), []byte("magazine: M\nnumber: 1\ndate: 2026-01-01\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "articles", "a.md"), []byte("# A\n\nTeks.\n"), 0o644)
	iss, problems := read(t, dir)
	if problems != "" || !reflect.DeepEqual(iss.Theme, theme.Default()) || iss.Articles[0].Columns != 2 {
		t.Errorf("problems %q, theme %+v", problems, iss.Theme)
	}
}

// TestTypefaceMistakes: a typeface that cannot be used is an error at its
// line: a family magz does not bundle, a missing file, PostScript
// outlines, a licence that forbids embedding, a face left out.
func TestTypefaceMistakes(t *testing.T) {
	dir := magazine(t, `magazine: Suara Teluk
theme:
  typefaces:
    text: Arial
    display_files:
      regular: fonts/hilang.ttf
      italic: fonts/cff.otf
      bold: fonts/restricted.ttf
`, "number: 1\ndate: 2026-05-01\n")
	root := filepath.Dir(filepath.Dir(dir))
	os.MkdirAll(filepath.Join(root, "fonts"), 0o755)
	// an OpenType font with PostScript outlines: no glyf table
	os.WriteFile(filepath.Join(root, "fonts", "cff.otf"), append([]byte("OTTO\x00\x00"), make([]byte, 10)...), 0o644)
	// Lato with its licence bits set to restricted
	lato, err := os.ReadFile("../../fonts/Lato-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	n := int(lato[4])<<8 | int(lato[5])
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if string(lato[rec:rec+4]) == "OS/2" {
			off := int(lato[rec+8])<<24 | int(lato[rec+9])<<16 | int(lato[rec+10])<<8 | int(lato[rec+11])
			lato[off+8], lato[off+9] = 0, 2
		}
	}
	os.WriteFile(filepath.Join(root, "fonts", "restricted.ttf"), lato, 0o644)
	_, problems := read(t, dir)
	for _, want := range []string{
		"magazine.yaml:4:11: Arial is not a bundled typeface; the bundled ones are Caladea, Lato, or name your own TrueType files with text_files:",
		"magazine.yaml:5:5: display_files needs black: a typeface of your own needs its four files (regular, italic, bold, black)",
		"magazine.yaml:6:16: typeface file fonts/hilang.ttf: no such file or directory",
		"magazine.yaml:7:15: typeface file fonts/cff.otf has PostScript (CFF) outlines",
		"magazine.yaml:8:13: typeface file fonts/restricted.ttf does not allow embedding in a PDF (its licence bits, fsType 0x0002, forbid it)",
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("no %q in:\n%s", want, problems)
		}
	}
}

// TestCertifier: the magazine's settings name who vouches for the
// editions' accessibility; without them, no one does.
func TestCertifier(t *testing.T) {
	issue := "number: 1\ndate: 2026-11-20\n"
	for _, tc := range []struct{ magazine, want string }{
		{"magazine: Suara Teluk\naccessibility:\n  certified_by: \" Lembaga Uji Aksesibilitas \"\n", "Lembaga Uji Aksesibilitas"},
		{"magazine: Suara Teluk\n", ""},
	} {
		iss, diags := read(t, magazine(t, tc.magazine, issue))
		if diags != "" || iss.CertifiedBy != tc.want {
			t.Errorf("certified by %q (%s), want %q", iss.CertifiedBy, diags, tc.want)
		}
	}
}
