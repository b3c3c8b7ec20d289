package reader

import (
	"bytes"
	"maps"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"magz/fonts"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/msg"
	"magz/internal/svg"
	"magz/internal/theme"
	"magz/layout/page"

	"golang.org/x/image/font/sfnt"
)

// MagazineFile is the settings file every issue of a magazine shares. It
// lies in the magazine's folder, beside the issues folder; an issue.yaml
// takes every key it does not set itself from it.
const MagazineFile = "magazine.yaml"

// themeYAML is a magazine's design: what it changes of the house design.
type themeYAML struct {
	Columns  *int     `yaml:"columns"`
	BodySize *float64 `yaml:"body_size"` // points
	Leading  *float64 `yaml:"leading"`   // points: the baseline grid
	Margins  *struct {
		Top    *float64 `yaml:"top"` // millimetres
		Bottom *float64 `yaml:"bottom"`
		Inner  *float64 `yaml:"inner"`
		Outer  *float64 `yaml:"outer"`
	} `yaml:"margins"`
	Gutter    *float64 `yaml:"gutter"` // millimetres
	Typefaces *struct {
		Text         string     `yaml:"text"`    // a bundled family: Caladea or Lato
		Display      string     `yaml:"display"` // the same, for headlines and captions
		TextFiles    *faceFiles `yaml:"text_files"`
		DisplayFiles *faceFiles `yaml:"display_files"`
	} `yaml:"typefaces"`
	Colours *struct {
		Ink       string            `yaml:"ink"`
		Accent    string            `yaml:"accent"`
		Deep      string            `yaml:"deep"`
		Muted     string            `yaml:"muted"`
		Paper     string            `yaml:"paper"`
		Tint      string            `yaml:"tint"`
		Highlight string            `yaml:"highlight"`
		Sections  map[string]string `yaml:"sections"` // a section's own accent
	} `yaml:"colours"`
	Furniture *struct {
		Folio        string `yaml:"folio"`         // outer or centre
		RunningHeads *bool  `yaml:"running_heads"` // true (default) or false
	} `yaml:"furniture"`
	Cover *struct {
		Layout       string   `yaml:"layout"`        // photo or frame
		SkipSections []string `yaml:"skip_sections"` // sections given no cover line
	} `yaml:"cover"`
	Headlines *headlinesYAML `yaml:"headlines"` // see plan.go
	Opener    *openerYAML    `yaml:"opener"`    // see pictures.go
	Pictures  *struct {
		CropLimit *float64 `yaml:"crop_limit"` // percent of a photo's side a crop may take
	} `yaml:"pictures"`
	Masthead *struct {
		Logo string `yaml:"logo"` // an image file, relative to the settings file
		Alt  string `yaml:"alt"`  // what it says, for readers who cannot see it (default: the magazine's name)
	} `yaml:"masthead"`
}

// faceFiles are a typeface of a magazine's own: TrueType files, named
// relative to the settings file. Bold italic is the text face's fourth
// style, black (the heaviest weight) the display face's.
type faceFiles struct {
	Regular    string `yaml:"regular"`
	Italic     string `yaml:"italic"`
	Bold       string `yaml:"bold"`
	BoldItalic string `yaml:"bold_italic"`
	Black      string `yaml:"black"`
}

// magazineFile returns the magazine.yaml of the issue in dir, when the
// issue lies in a magazine's issues folder and the file is there.
func magazineFile(dir string) string {
	parent := filepath.Dir(dir)
	if filepath.Base(parent) != "issues" {
		return ""
	}
	p := filepath.Join(filepath.Dir(parent), MagazineFile)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// readMagazine decodes magazine.yaml into y (an issueYAML with the keys a
// magazine may set); ok is false when it cannot be read.
func readMagazine(path string, y *issueYAML, diags *diag.List) (places, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		diags.Errorf(diag.Pos{Path: path}, "cannot read %s: %v", MagazineFile, unwrapPathErr(err))
		return places{}, false
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	p, read, _ := readYAML(data, path, 1, y, diags)
	if !read {
		return places{}, false
	}
	// what only an issue can say
	for _, key := range issueOnly {
		if at, ok := p.at[key]; ok {
			diags.Errorf(at, "%s belongs in each issue's %s, not in %s", key, IssueFile, MagazineFile)
		}
	}
	return p, true
}

// parentKey is the key a nested key is in ("print" for "print.paper").
func parentKey(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[:i]
	}
	return ""
}

// issueOnly are the keys of issue.yaml that name one issue.
var issueOnly = []string{"title", "number", "date", "cover", "articles", "fillers", "draft", "planned"}

// conflicts warns of the keys naming the magazine that issue.yaml sets
// otherwise than magazine.yaml: the issue's win, and the website would
// show both names.
func conflicts(y, m issueYAML, keys places, mpath string, diags *diag.List) {
	for _, k := range []struct{ key, issue, magazine string }{
		{"magazine", y.Magazine, m.Magazine},
		{"publisher", y.Publisher, m.Publisher},
	} {
		is, ms := strings.TrimSpace(k.issue), strings.TrimSpace(k.magazine)
		if is != "" && ms != "" && is != ms {
			diags.Warnf(keys.pos(k.key), "%s is %q in %s and %q in %s; the issue is built with %q: remove it from %s to use the magazine's, or make them the same",
				k.key, is, IssueFile, ms, diag.DisplayPath(mpath), is, IssueFile)
		}
	}
}

// inherit fills every field of y the issue left unset with the
// magazine's, field by field inside nested settings (print:, theme:), and
// records in from the keys that came from the magazine.
func inherit(y, m reflect.Value, prefix string, from map[string]bool) {
	t := y.Type()
	for i := range t.NumField() {
		key := prefix + yamlName(t.Field(i))
		yf, mf := y.Field(i), m.Field(i)
		switch {
		case mf.IsZero():
		case yf.IsZero():
			yf.Set(mf)
			from[key] = true
		case yf.Kind() == reflect.Pointer && yf.Elem().Kind() == reflect.Struct:
			inherit(yf.Elem(), mf.Elem(), key+".", from)
		}
	}
}

func yamlName(f reflect.StructField) string {
	name, _, _ := bytes.Cut([]byte(f.Tag.Get("yaml")), []byte(","))
	return string(name)
}

// readTheme applies a magazine's design to the house design, and checks
// it: colours that can be read, sizes that make sense, and text that
// readers with low vision can read on what is behind it.
func readTheme(y *themeYAML, at func(key string) diag.Pos, dirOf func(key string) string, diags *diag.List) (theme.Theme, []string) {
	th := theme.Default()
	if y == nil {
		return th, nil
	}
	var files []string
	if t := y.Typefaces; t != nil {
		files = readTypefaces(t.Text, t.TextFiles, "theme.typefaces.text", &th.Type.Text, &th.Type.TextItalic, &th.Type.TextBold, &th.Type.TextBoldItalic, at, dirOf, diags)
		files = append(files, readTypefaces(t.Display, t.DisplayFiles, "theme.typefaces.display", &th.Type.Display, &th.Type.DisplayItalic, &th.Type.DisplayBold, &th.Type.DisplayBlack, at, dirOf, diags)...)
	}
	if y.Columns != nil {
		if *y.Columns < 1 || *y.Columns > 3 {
			diags.Errorf(at("theme.columns"), "columns must be 1, 2 or 3, got %d", *y.Columns)
		} else {
			th.Columns = *y.Columns
		}
	}
	size := func(key string, v *float64, lo, hi float64, unit page.Length, dst *page.Length) {
		if v == nil {
			return
		}
		if *v < lo || *v > hi {
			diags.Errorf(at(key), "%s must be from %g to %g, got %g", key, lo, hi, *v)
			return
		}
		*dst = page.Length(math.Round(float64(*v*1000))) * unit / 1000
	}
	size("theme.body_size", y.BodySize, 7, 14, page.Pt, &th.BodySize)
	size("theme.leading", y.Leading, 9, 20, page.Pt, &th.Grid)
	if th.Grid < th.BodySize {
		diags.Errorf(at("theme.leading"), "the leading (%s pt) must not be less than the body size (%s pt)", th.Grid, th.BodySize)
	}
	if m := y.Margins; m != nil {
		size("theme.margins.top", m.Top, 8, 40, page.MM, &th.MarginTop)
		size("theme.margins.bottom", m.Bottom, 8, 40, page.MM, &th.MarginBottom)
		size("theme.margins.inner", m.Inner, 8, 40, page.MM, &th.MarginInner)
		size("theme.margins.outer", m.Outer, 8, 40, page.MM, &th.MarginOuter)
	}
	size("theme.gutter", y.Gutter, 2, 12, page.MM, &th.Gutter)
	readOpener(y.Opener, &th, at, diags)
	if p := y.Pictures; p != nil && p.CropLimit != nil {
		if v := *p.CropLimit; v < 0 || v > 50 || v != math.Trunc(v) {
			diags.Errorf(at("theme.pictures.crop_limit"), "%s must be from %g to %g, got %g", "theme.pictures.crop_limit", 0.0, 50.0, v)
		} else {
			th.Pictures.CropLimit = int(v)
		}
	}
	if c := y.Colours; c != nil {
		for _, col := range []struct {
			key string
			s   string
			dst *page.Color
		}{{"ink", c.Ink, &th.Ink}, {"accent", c.Accent, &th.Accent}, {"deep", c.Deep, &th.Deep},
			{"muted", c.Muted, &th.Muted}, {"paper", c.Paper, &th.Paper}, {"tint", c.Tint, &th.Tint}, {"highlight", c.Highlight, &th.Highlight}} {
			if col.s == "" {
				continue
			}
			v, err := theme.ParseColour(col.s)
			if err != nil {
				diags.Errorf(at("theme.colours."+col.key), "colours.%s: %v", col.key, err)
				continue
			}
			*col.dst = v
		}
		for _, name := range slices.Sorted(maps.Keys(c.Sections)) {
			v, err := theme.ParseColour(c.Sections[name])
			if err != nil {
				diags.Errorf(at("theme.colours.sections."+name), "colours.sections.%s: %v", name, err)
				continue
			}
			if th.Sections == nil {
				th.Sections = map[string]page.Color{}
			}
			th.Sections[name] = v
			if r := theme.Contrast(v, th.Paper); r < theme.MinContrast {
				diags.Warnf(at("theme.colours.sections."+name), "the colours give %s a contrast of %.1f:1; readers with low vision need %.1f:1", msg.Sprintf("section %s on paper", name), r, theme.MinContrast)
			}
		}
		for _, p := range th.TextOn() {
			if r := theme.Contrast(p.Text, p.Back); r < theme.MinContrast {
				diags.Warnf(at("theme.colours"), "the colours give %s a contrast of %.1f:1; readers with low vision need %.1f:1", msg.T(p.What), r, theme.MinContrast)
			}
		}
	}
	// oneOf takes a setting that is one of two words
	oneOf := func(key, what, v string, dst *string, a, b string) {
		switch v {
		case "":
		case a, b:
			*dst = v
		default:
			diags.Errorf(at(key), "%s %q is not %s or %s", msg.T(what), v, a, b)
		}
	}
	if f := y.Furniture; f != nil {
		oneOf("theme.furniture.folio", msg.N("folio"), f.Folio, &th.Furniture.Folio, theme.FolioOuter, theme.FolioCentre)
		if f.RunningHeads != nil {
			th.Furniture.RunningHeads = *f.RunningHeads
		}
	}
	readHeadlines(y.Headlines, &th, at, diags)
	if cv := y.Cover; cv != nil {
		oneOf("theme.cover.layout", msg.N("cover layout"), cv.Layout, &th.Cover.Layout, theme.CoverPhoto, theme.CoverFrame)
		if cv.SkipSections != nil {
			th.Cover.SkipSections = cv.SkipSections
		}
	}
	return th, files
}

// readLogo finds the masthead's logo image, named relative to the file
// that names it, inside the magazine's folder.
func (r *reader) readLogo(y *themeYAML, magazine string, at func(string) diag.Pos, dirOf func(string) string) *doc.Figure {
	if y == nil || y.Masthead == nil || y.Masthead.Logo == "" {
		return nil
	}
	pos := at("theme.masthead.logo")
	base := dirOf("theme.masthead.logo")
	path := filepath.Join(base, filepath.FromSlash(y.Masthead.Logo))
	st, err := os.Stat(path)
	switch {
	case filepath.IsAbs(y.Masthead.Logo) || !within(base, path):
		r.diags.Errorf(pos, "logo %q must be inside the magazine's folder, named relative to it", y.Masthead.Logo)
		return nil
	case err != nil:
		r.diags.Errorf(pos, "logo %s: %v", y.Masthead.Logo, unwrapPathErr(err))
		return nil
	case st.IsDir():
		r.diags.Errorf(pos, "logo %q is a folder, not a file", y.Masthead.Logo)
		return nil
	}
	alt := strings.TrimSpace(y.Masthead.Alt)
	if alt == "" {
		alt = magazine
	}
	img := &doc.Image{Path: path, Rel: filepath.ToSlash(y.Masthead.Logo), Pos: pos}
	if strings.EqualFold(filepath.Ext(path), ".svg") {
		// a logo drawn as vectors: read now, so that what it holds that
		// magz cannot draw is said where it is named
		data, err := os.ReadFile(path)
		if err == nil {
			_, err = svg.Parse(data)
		}
		if err != nil {
			r.diags.Errorf(pos, "logo %s: %v", y.Masthead.Logo, err)
			return nil
		}
		img.Vector = true
	}
	return &doc.Figure{Pos: pos, Image: img, Alt: alt, Focus: [2]float64{0.5, 0.5}}
}

// readTypefaces sets a typeface's four faces from a bundled family's name
// or from a magazine's own files, which it checks: they exist, hold
// TrueType outlines (what the PDF writer embeds), allow embedding, and
// have the letters text needs. It returns the files read.
func readTypefaces(family string, own *faceFiles, key string, regular, italic, bold, heavy *fonts.Face, at func(string) diag.Pos, dirOf func(string) string, diags *diag.List) []string {
	if family != "" {
		fam, ok := fonts.Families[family]
		if !ok {
			names := slices.Sorted(maps.Keys(fonts.Families))
			diags.Errorf(at(key), "%s is not a bundled typeface; the bundled ones are %s, or name your own TrueType files with %s_files:", family, strings.Join(names, ", "), key[strings.LastIndexByte(key, '.')+1:])
			return nil
		}
		*regular, *italic, *bold, *heavy = fam[0], fam[1], fam[2], fam[3]
		return nil
	}
	if own == nil {
		return nil
	}
	fkey := key + "_files"
	fourth, fourthKey := own.BoldItalic, "bold_italic"
	if strings.HasSuffix(key, "display") {
		fourth, fourthKey = own.Black, "black"
	}
	var files []string
	for _, f := range []struct {
		name, key string
		dst       *fonts.Face
	}{{own.Regular, "regular", regular}, {own.Italic, "italic", italic}, {own.Bold, "bold", bold}, {fourth, fourthKey, heavy}} {
		k := fkey + "." + f.key
		if f.name == "" {
			diags.Errorf(at(fkey), "%s_files needs %s: a typeface of your own needs its four files (regular, italic, bold, %s)", key[strings.LastIndexByte(key, '.')+1:], f.key, fourthKey)
			continue
		}
		path := filepath.Join(dirOf(k), filepath.FromSlash(f.name))
		data, err := os.ReadFile(path)
		if err != nil {
			diags.Errorf(at(k), "typeface file %s: %v", f.name, unwrapPathErr(err))
			continue
		}
		info, err := fonts.Inspect(data)
		switch {
		case err != nil:
			diags.Errorf(at(k), "typeface file %s: %v", f.name, err)
			continue
		case !info.TrueType:
			diags.Errorf(at(k), "typeface file %s has PostScript (CFF) outlines; magz embeds TrueType outlines: use the font's .ttf version", f.name)
			continue
		case !info.Embeddable():
			diags.Errorf(at(k), "typeface file %s does not allow embedding in a PDF (its licence bits, fsType %#04x, forbid it)", f.name, info.FsType)
			continue
		}
		if missing := missingLetters(data); missing != "" {
			diags.Warnf(at(k), "typeface file %s lacks %s; they are set in the fallback face", f.name, missing)
		}
		*f.dst = fonts.Face(path)
		files = append(files, path)
	}
	return files
}

// textLetters are the characters Indonesian and English text needs.
const textLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,;:!?'\"()-–—“”‘’…%/&éÉ"

// missingLetters lists, quoted, the characters of textLetters a font lacks.
func missingLetters(data []byte) string {
	f, err := sfnt.Parse(data)
	if err != nil {
		return ""
	}
	var buf sfnt.Buffer
	var out []string
	for _, r := range textLetters {
		if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
			out = append(out, strconv.QuoteRune(r))
		}
	}
	return strings.Join(out, " ")
}
