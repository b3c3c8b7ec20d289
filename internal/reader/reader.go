// Package reader turns an issue folder (issue.yaml, articles/*.md, photos)
// into the document model. It is the only package that parses YAML or
// Markdown; every problem it finds is recorded with file and line.
package reader

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"magz/internal/locale"
	"magz/internal/msg"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"magz/internal/diag"
	"magz/internal/doc"
)

// IssueFile is the name of the settings file of an issue folder.
const IssueFile = "issue.yaml"

// Resolve finds the folder of an issue given either a path to it or its name
// under issuesDir.
func Resolve(arg, issuesDir string) (string, error) {
	if arg == "" {
		return "", msg.Errorf("no issue given; name an issue folder, for example: magz build issue-12")
	}
	candidates := []string{arg}
	if !filepath.IsAbs(arg) && !strings.ContainsAny(arg, `/\`) {
		candidates = append(candidates, filepath.Join(issuesDir, arg))
	}
	for _, c := range candidates {
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			if _, err := os.Stat(filepath.Join(c, IssueFile)); err != nil {
				if c == arg && len(candidates) > 1 {
					continue // a folder of that name here, but not an issue: try issues/
				}
				return "", msg.Errorf("%s: missing %s: an issue folder needs one (see README.md for its format)",
					diag.DisplayPath(filepath.Join(c, IssueFile)), IssueFile)
			}
			return filepath.Abs(c)
		}
	}
	known := List(issuesDir)
	text := msg.Sprintf("issue %q not found", arg)
	if near := diag.Closest(filepath.Base(arg), known); near != "" {
		text += msg.Sprintf("; did you mean %q?", near)
	}
	if len(known) > 0 {
		text += msg.Sprintf("; issues in %s: %s", diag.DisplayPath(issuesDir), strings.Join(known, ", "))
	} else {
		text += msg.Sprintf("; there are no issues in %s", diag.DisplayPath(issuesDir))
	}
	return "", errors.New(text)
}

// List returns the names of the issue folders under dir, sorted.
func List(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(dir, e.Name(), IssueFile)); err == nil {
				names = append(names, e.Name())
			}
		}
	}
	sort.Strings(names)
	return names
}

type issueYAML struct {
	Draft     bool       `yaml:"draft"` // not ready: kept off the website
	Magazine  string     `yaml:"magazine"`
	Title     string     `yaml:"title"`
	Number    *int       `yaml:"number"`
	Date      string     `yaml:"date"`
	Language  string     `yaml:"language"`
	Publisher string     `yaml:"publisher"`
	Cover     *coverYAML `yaml:"cover"`
	Trim      string     `yaml:"trim"`
	Print     *printYAML `yaml:"print"`
	Articles  []string   `yaml:"articles"`
	Colophon  []string   `yaml:"colophon"`
	Theme     *themeYAML `yaml:"theme"`
	Fillers   []struct {
		Title string `yaml:"title"`
		Text  string `yaml:"text"`
	} `yaml:"fillers"`
	// Accessibility: who vouches for the editions' accessibility.
	Accessibility *struct {
		CertifiedBy string `yaml:"certified_by"`
	} `yaml:"accessibility"`
	Planned *plannedYAML `yaml:"planned"` // see plan.go
}

type printYAML struct {
	Paper     string `yaml:"paper"`
	Profile   string `yaml:"profile"`
	Condition string `yaml:"condition"`
	// the rest is read in print.go
	Colour    string   `yaml:"colour"`
	MinPPI    *int     `yaml:"min_ppi"`
	Stock     string   `yaml:"stock"`
	Weight    *float64 `yaml:"weight"`
	Thickness *float64 `yaml:"thickness"`
	Quantity  *int     `yaml:"quantity"`
	Colours   string   `yaml:"colours"`
	Binding   string   `yaml:"binding"`
	Contact   string   `yaml:"contact"`
	Delivery  string   `yaml:"delivery"`
	Sheet     string   `yaml:"sheet"`
}

type coverYAML struct {
	Image  string `yaml:"image"`
	Credit string `yaml:"credit"`
	Alt    string `yaml:"alt"`
	Focus  string `yaml:"focus"`
}

var langTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// Read reads the issue folder dir. Problems are recorded in diags; the
// returned issue is nil only when nothing sensible could be read.
func Read(dir string, diags *diag.List) *doc.Issue {
	dir, _ = filepath.Abs(dir)
	path := filepath.Join(dir, IssueFile)
	data, err := os.ReadFile(path)
	if err != nil {
		diags.Errorf(diag.Pos{Path: path}, "cannot read %s: %v", IssueFile, unwrapPathErr(err))
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // saved by Notepad
	var y issueYAML
	keys, read, _ := readYAML(data, path, 1, &y, diags)
	if !read {
		return nil
	}
	// The magazine's settings fill in what the issue does not set, and
	// problems with them are reported where they are written.
	at := keys.pos
	profileDir := dir // a printer's profile is named relative to the file naming it
	themeDir := func(string) string { return dir }
	mpath := magazineFile(dir)
	if mpath != "" {
		var m issueYAML
		if mkeys, ok := readMagazine(mpath, &m, diags); ok {
			conflicts(y, m, keys, mpath, diags)
			from := map[string]bool{}
			inherit(reflect.ValueOf(&y).Elem(), reflect.ValueOf(&m).Elem(), "", from)
			if from["print"] || from["print.profile"] {
				profileDir = filepath.Dir(mpath)
			}
			themeDir = func(key string) string { // typeface files, relative to the file naming them
				for k := key; k != ""; k = parentKey(k) {
					if from[k] {
						return filepath.Dir(mpath)
					}
				}
				return dir
			}
			at = func(key string) diag.Pos {
				for k := key; k != ""; k = parentKey(k) {
					if from[k] {
						return mkeys.pos(key)
					}
				}
				return keys.pos(key)
			}
		}
	}
	iss := &doc.Issue{
		Name:      filepath.Base(dir),
		Dir:       dir,
		Magazine:  strings.TrimSpace(y.Magazine),
		Title:     strings.TrimSpace(y.Title),
		Language:  strings.TrimSpace(y.Language),
		Publisher: strings.TrimSpace(y.Publisher),
		Draft:     y.Draft,
	}
	readIdentity(iss, y, keys, at, diags)
	trim, err := parseTrim(y.Trim)
	if err != nil {
		diags.Errorf(at("trim"), "%v", err)
	}
	iss.Trim = trim
	iss.Settings = append(iss.Settings, path)
	if mpath != "" {
		iss.Settings = append(iss.Settings, mpath)
	}
	iss.Print = readPrint(y.Print, profileDir, at, diags)
	readPrintJob(y.Print, &iss.Print, at, diags)
	if iss.Print.Profile != "" {
		iss.Settings = append(iss.Settings, iss.Print.Profile)
	}
	var fontFiles []string
	iss.Theme, fontFiles = readTheme(y.Theme, at, themeDir, diags)
	iss.Settings = append(iss.Settings, fontFiles...)

	r := &reader{issueDir: dir, diags: diags, columns: iss.Theme.Columns}
	if iss.Logo = r.readLogo(y.Theme, iss.Magazine, at, themeDir); iss.Logo != nil {
		iss.Settings = append(iss.Settings, iss.Logo.Image.Path)
	}
	if y.Cover != nil && y.Cover.Image != "" {
		pos := at("cover.image")
		if img := r.resolveImage(path, y.Cover.Image, pos); img != nil {
			iss.Cover = &doc.Figure{Pos: pos, Image: img, Alt: y.Cover.Alt, Credit: creditName(y.Cover.Credit)}
			iss.Cover.Focus, iss.Cover.FocusWritten = r.focus(y.Cover.Focus, at("cover.focus"))
			r.checkAlt(iss.Cover, pos, msg.T("cover photo"), msg.T("add alt: under cover:"))
		}
	}

	if y.Accessibility != nil {
		iss.CertifiedBy = strings.TrimSpace(y.Accessibility.CertifiedBy)
	}
	for _, l := range y.Colophon {
		if l = strings.TrimSpace(l); l != "" {
			iss.Colophon = append(iss.Colophon, l)
		}
	}
	for i, f := range y.Fillers {
		pos := keys.pos("fillers." + strconv.Itoa(i))
		fl := doc.Filler{Pos: pos, Title: strings.TrimSpace(f.Title), Text: r.inline(f.Text)}
		if fl.Title == "" || len(fl.Text) == 0 {
			diags.Errorf(pos, "a filler needs a title: and a text:")
			continue
		}
		iss.Fillers = append(iss.Fillers, fl)
	}

	iss.Plan = r.readPlan(y.Planned, path, keys.pos)
	files := r.articleFiles(y.Articles, keys)
	slugs := map[string]bool{}
	for _, f := range files {
		a := r.readArticle(f.path, f.pos)
		if a == nil {
			continue
		}
		base := a.Slug
		for i := 2; slugs[a.Slug]; i++ {
			a.Slug = fmt.Sprintf("%s-%d", base, i)
		}
		slugs[a.Slug] = true
		iss.Articles = append(iss.Articles, a)
	}
	if len(files) == 0 && !diags.HasErrors() {
		diags.Errorf(diag.Pos{Path: filepath.Join(dir, "articles")}, "the issue has no articles: add Markdown files to the articles folder")
	}
	return iss
}

// readIdentity checks and sets what names the issue: the masthead, the
// number, the date and the language.
func readIdentity(iss *doc.Issue, y issueYAML, keys places, at func(string) diag.Pos, diags *diag.List) {
	// a required key written with a wrong value was reported as that
	missing := func(key string) bool { return !keys.has(key) }
	if iss.Magazine == "" && missing("magazine") {
		diags.Errorf(at("magazine"), "missing required key \"magazine\" (the masthead name)")
	}
	if y.Number == nil {
		if missing("number") {
			diags.Errorf(at("number"), "missing required key \"number\" (the issue number)")
		}
	} else if *y.Number < 0 {
		diags.Errorf(at("number"), "number must not be negative, got %d", *y.Number)
	} else {
		iss.Number = *y.Number
	}
	if y.Date == "" {
		diags.Errorf(at("date"), "missing required key \"date\" (YYYY-MM-DD)")
	} else if t, err := time.Parse("2006-01-02", strings.TrimSpace(y.Date)); err != nil {
		if isoDate.MatchString(strings.TrimSpace(y.Date)) {
			diags.Errorf(at("date"), "date %q does not exist (check the day and the month)", y.Date)
		} else {
			diags.Errorf(at("date"), "date %q is not a date in the form YYYY-MM-DD", y.Date)
		}
	} else {
		iss.Date = t
	}
	if iss.Language == "" {
		iss.Language = locale.DefaultTag
	} else if !langTag.MatchString(iss.Language) {
		diags.Errorf(at("language"), "language %q is not a BCP 47 tag such as id or en", iss.Language)
	}
}

type articleFile struct {
	path string
	pos  diag.Pos // where it was named, if in issue.yaml
}

func (r *reader) articleFiles(list []string, keys places) []articleFile {
	artDir := filepath.Join(r.issueDir, "articles")
	if len(list) > 0 {
		var out []articleFile
		meant := map[string]bool{} // files a misspelt name was taken to mean
		for i, name := range list {
			pos := keys.pos("articles." + strconv.Itoa(i))
			p := name
			if !strings.HasSuffix(p, ".md") {
				p += ".md"
			}
			full := filepath.Join(artDir, filepath.FromSlash(p))
			if !within(r.issueDir, full) {
				r.diags.Errorf(pos, "article %q is outside the issue folder", name)
				continue
			}
			if _, err := os.Stat(full); err != nil {
				text := msg.Sprintf("article %q not found in the articles folder", name)
				if near := diag.Closest(strings.TrimSuffix(p, ".md"), r.markdownFiles(artDir)); near != "" {
					text += msg.Sprintf("; did you mean %q?", near)
					meant[near] = true
				}
				r.diags.Errorf(pos, "%s", text)
				continue
			}
			if slices.ContainsFunc(out, func(f articleFile) bool { return f.path == full }) {
				r.diags.Errorf(pos, "article %q is listed twice", name)
				continue
			}
			out = append(out, articleFile{path: full, pos: pos})
		}
		// a file written but not listed would be left out without a word
		listed := map[string]bool{}
		for _, f := range out {
			listed[f.path] = true
		}
		for _, name := range r.markdownFiles(artDir) {
			if !listed[filepath.Join(artDir, name+".md")] && !meant[name] {
				r.diags.Warnf(diag.Pos{Path: filepath.Join(artDir, name+".md")}, "article is not in the articles: list of %s, so it is left out of the issue; add %q to the list", IssueFile, name)
			}
		}
		return out
	}
	entries, err := os.ReadDir(artDir)
	if err != nil {
		if !os.IsNotExist(err) {
			r.diags.Errorf(diag.Pos{Path: artDir}, "cannot read the articles folder: %v", unwrapPathErr(err))
		}
		return nil
	}
	var out []articleFile
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		out = append(out, articleFile{path: filepath.Join(artDir, e.Name())})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

func parseTrim(s string) (doc.Trim, error) {
	s = strings.TrimSpace(s)
	mm := func(w, h float64) doc.Trim {
		return doc.Trim{Width: int(math.Round(w * 1000)), Height: int(math.Round(h * 1000))}
	}
	switch strings.ToUpper(s) {
	case "":
		return mm(210, 280), nil
	case "A4":
		return mm(210, 297), nil
	case "B5":
		return mm(176, 250), nil
	case "A5":
		return mm(148, 210), nil
	}
	m := regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*[xX×]\s*(\d+(?:\.\d+)?)\s*mm$`).FindStringSubmatch(s)
	if m == nil {
		return mm(210, 280), msg.Errorf("trim %q is not A4, B5, A5 or WIDTHxHEIGHTmm (for example 210x280mm)", s)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	if w < 90 || h < 120 || w > 500 || h > 700 {
		return mm(210, 280), msg.Errorf("trim %q is outside the sizes magz can lay out (90x120mm to 500x700mm)", s)
	}
	return mm(w, h), nil
}

type reader struct {
	issueDir string
	diags    *diag.List
	columns  int // an article's columns when its header names none
}

// within reports whether path p lies inside dir (lexically).
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// resolveImage finds an image named in file `from`: relative to that file,
// then relative to the issue folder, never outside the issue folder.
// winAbs is an absolute Windows path (C:\Users\..., \\server\...).
var winAbs = regexp.MustCompile(`^(?:[A-Za-z]:[\\/]|\\\\)`)

func (r *reader) resolveImage(from, ref string, pos diag.Pos) *doc.Image {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		r.diags.Errorf(pos, "empty image path")
		return nil
	}
	if schemeRE.MatchString(ref) && !filepath.IsAbs(ref) && len(ref) > 2 && ref[1] != ':' {
		r.diags.Errorf(pos, "image %q is a web address; download it into the issue folder and name the file instead", ref)
		return nil
	}
	if filepath.IsAbs(ref) || strings.HasPrefix(ref, "/") || winAbs.MatchString(ref) {
		r.diags.Errorf(pos, "image %q is an absolute path; name it relative to the article or the issue folder", ref)
		return nil
	}
	// a path written on Windows (images\pasar.jpg) names the same file
	ref = filepath.FromSlash(strings.ReplaceAll(ref, `\`, "/"))
	realIssue, err := filepath.EvalSymlinks(r.issueDir)
	if err != nil {
		realIssue = r.issueDir
	}
	inside := false // some place looked at is inside the issue folder
	for _, base := range []string{filepath.Dir(from), r.issueDir} {
		p := filepath.Clean(filepath.Join(base, ref))
		if !within(r.issueDir, p) {
			continue
		}
		inside = true
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil || !within(realIssue, real) {
			r.diags.Errorf(pos, "image %q points outside the issue folder (through a symbolic link); copy the file into the folder", filepath.ToSlash(ref))
			return nil
		}
		if st.IsDir() {
			r.diags.Errorf(pos, "image %q is a folder, not a file", filepath.ToSlash(ref))
			return nil
		}
		rel, _ := filepath.Rel(r.issueDir, p)
		return &doc.Image{Path: p, Rel: filepath.ToSlash(rel), Pos: pos}
	}
	if !inside {
		r.diags.Errorf(pos, "image %q leaves the issue folder; images must be inside it", filepath.ToSlash(ref))
		return nil
	}
	rel, _ := filepath.Rel(r.issueDir, filepath.Dir(from))
	where := msg.T("the issue folder")
	if rel != "." {
		where = msg.Sprintf("%s/ or the issue folder", filepath.ToSlash(rel))
	}
	text := msg.Sprintf("image %q not found (looked in %s)", filepath.ToSlash(ref), where)
	if hint := r.photoHint(from, ref); hint != "" {
		text += "; " + hint
	}
	r.diags.Errorf(pos, "%s", text)
	return nil
}

// photoHint says what a photo reference that finds nothing may have meant:
// a photo of the issue with a name close to it, written as the reference
// would name it, or that its folder does not exist.
func (r *reader) photoHint(from, ref string) string {
	var names []string
	byName := map[string][]string{}
	filepath.WalkDir(r.issueDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != r.issueDir {
			return filepath.SkipDir
		}
		if !d.IsDir() && PhotoExts[strings.ToLower(filepath.Ext(p))] {
			names = append(names, d.Name())
			byName[d.Name()] = append(byName[d.Name()], p)
		}
		return nil
	})
	if best := diag.Closest(filepath.Base(ref), names); best != "" {
		if rel, err := filepath.Rel(filepath.Dir(from), byName[best][0]); err == nil {
			return msg.Sprintf("did you mean %q?", filepath.ToSlash(rel))
		}
	}
	dir := filepath.Dir(ref)
	for _, base := range []string{filepath.Dir(from), r.issueDir} {
		if _, err := os.Stat(filepath.Join(base, dir)); err == nil || dir == "." {
			return ""
		}
	}
	return msg.Sprintf("the folder %s does not exist", filepath.ToSlash(dir)+"/")
}

// PhotoExts are the endings of photo files: those magz reads, and HEIC,
// which it names when it refuses it.
var PhotoExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".webp": true, ".gif": true, ".tif": true, ".tiff": true, ".bmp": true, ".heic": true}

// focus reads a written focal point; written is false when there is none
// (the pipeline then finds one in the photo).
func (r *reader) focus(s string, pos diag.Pos) (f [2]float64, written bool) {
	f = [2]float64{0.5, 0.5}
	if strings.TrimSpace(s) == "" {
		return f, false
	}
	parts := strings.Split(s, ",")
	if len(parts) == 2 {
		x, err1 := strconv.ParseFloat(strings.TrimSpace(parts[0]), 64)
		y, err2 := strconv.ParseFloat(strings.TrimSpace(parts[1]), 64)
		if err1 == nil && err2 == nil && x >= 0 && x <= 1 && y >= 0 && y <= 1 {
			return [2]float64{x, y}, true
		}
	}
	r.diags.Errorf(pos, "focus %q must be two numbers from 0 to 1, such as \"0.5,0.3\"", s)
	return f, false
}

// unwrapPathErr drops the path from an error: messages name the file
// themselves, relative to where the editor is.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// splitFrontMatter separates "---" YAML front matter from the Markdown body.
// It returns the YAML, the body and the line on which the body starts.
func splitFrontMatter(src []byte) (front []byte, body []byte, bodyLine int, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, src, 1, true
	}
	nl := bytes.IndexByte(src, '\n') + 1
	rest := src[nl:]
	line := 2
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
			end = len(rest) - off
		} else {
			l = rest[off : off+end]
			end++
		}
		t := bytes.TrimRight(l, "\r \t")
		if string(t) == "---" || string(t) == "..." {
			return rest[:off], rest[off+end:], line + 1, true
		}
		off += end
		line++
	}
	return rest, nil, line, false
}

// readPrint checks the print settings: the paper, or a printer's own CMYK
// output profile with the name of its printing condition.
func readPrint(y *printYAML, dir string, at func(string) diag.Pos, diags *diag.List) doc.Print {
	p := doc.Print{Paper: doc.Coated}
	if y == nil {
		return p
	}
	p.Pos = at("print")
	key := func(k string) diag.Pos { return at("print." + k) }
	switch paper := doc.Paper(strings.ToLower(strings.TrimSpace(y.Paper))); paper {
	case "":
	case doc.Coated, doc.Uncoated:
		p.Paper = paper
	default:
		diags.Errorf(key("paper"), "paper %q is not coated or uncoated", y.Paper)
	}
	p.Condition = strings.TrimSpace(y.Condition)
	if y.Profile == "" {
		if p.Condition != "" {
			diags.Errorf(key("condition"), "condition names the printing condition of a printer's own profile: add profile: with the .icc file")
		}
		return p
	}
	prof := filepath.Join(dir, filepath.FromSlash(y.Profile))
	if filepath.IsAbs(y.Profile) {
		prof = y.Profile
	}
	if err := checkCMYKProfile(prof); err != nil {
		diags.Errorf(key("profile"), "profile %s: %v", y.Profile, err)
		return p
	}
	if p.Condition == "" {
		diags.Errorf(key("profile"), "a printer's own profile needs condition: the name of the printing condition it characterises (ask the printer, e.g. \"ISO Coated v2 (ECI)\")")
	}
	p.Profile = prof
	return p
}

// checkCMYKProfile tells whether the file at path is an ICC output profile
// for CMYK printing.
func checkCMYKProfile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return unwrapPathErr(err)
	}
	switch {
	case len(b) < 128 || string(b[36:40]) != "acsp":
		return msg.Errorf("is not an ICC profile")
	case string(b[16:20]) != "CMYK":
		return msg.Errorf("is an ICC profile for %q, not for CMYK printing", strings.TrimSpace(string(b[16:20])))
	case string(b[12:16]) != "prtr":
		return msg.Errorf("is not an output (printer) profile")
	}
	return nil
}

// markdownFiles names the articles in dir, without ".md".
func (r *reader) markdownFiles(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, strings.TrimSuffix(e.Name(), ".md"))
		}
	}
	return out
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
