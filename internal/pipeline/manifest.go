package pipeline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"magz/internal/cache"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/layout/page"
)

// ManifestName is the file in the output folder that records what the
// editions there were built from, so that a build with nothing changed
// can say "up to date" without redoing the work.
const ManifestName = ".magz-build.json"

type manifest struct {
	Key      string           `json:"key"`
	Formats  []Format         `json:"formats"`
	Date     string           `json:"date,omitempty"` // SOURCE_DATE_EPOCH override, RFC 3339
	Pages    int              `json:"pages"`
	Words    int              `json:"words"`
	Photos   int              `json:"photos"`
	Outputs  []manifestOutput `json:"outputs"`
	Previews bool             `json:"previews,omitempty"`
	Cover    string           `json:"cover,omitempty"` // the cover picture's file name
	Warnings []manifestDiag   `json:"warnings,omitempty"`
	NotUA    []manifestDiag   `json:"not_pdfua,omitempty"`
}

type manifestOutput struct {
	Format  Format `json:"format"`
	Name    string `json:"name"`
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"`
}

type manifestDiag struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Msg  string `json:"msg"`
}

// inputsKey hashes everything an edition depends on: the settings and
// article files, the identity of every photo, the options of the build and
// the magz binary itself.
func inputsKey(iss *doc.Issue, opt Options) string {
	parts := []string{"magz-build-1", opt.Version, fmt.Sprint(opt.Formats), fmt.Sprint(opt.Previews), opt.Date.UTC().String()}
	if exe, err := os.Executable(); err == nil {
		if st, err := os.Stat(exe); err == nil {
			parts = append(parts, fmt.Sprint(st.Size(), st.ModTime().UnixNano()))
		}
	}
	files := append([]string(nil), iss.Settings...)
	for _, a := range iss.Articles {
		files = append(files, a.Pos.Path)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "" // cannot tell: build
		}
		parts = append(parts, f, string(data))
	}
	for _, img := range Images(iss) {
		st, err := os.Stat(img.Path)
		if err != nil {
			return ""
		}
		parts = append(parts, img.Path, fmt.Sprint(st.Size(), st.ModTime().UnixNano()))
	}
	return cache.Key(parts...)
}

func readManifest(outDir string) *manifest {
	data, err := os.ReadFile(filepath.Join(outDir, ManifestName))
	if err != nil {
		return nil
	}
	var m manifest
	if json.Unmarshal(data, &m) != nil {
		return nil
	}
	return &m
}

// upToDate reports whether the editions in outDir were built from exactly
// these inputs and are still there, untouched.
func upToDate(m *manifest, key, outDir string, formats []Format) bool {
	if m == nil || key == "" || m.Key != key || len(m.Outputs) != len(formats) {
		return false
	}
	for _, o := range m.Outputs {
		if !slices.Contains(formats, o.Format) {
			return false
		}
		st, err := os.Stat(filepath.Join(outDir, o.Name))
		if err != nil || st.Size() != o.Size || st.ModTime().UnixNano() != o.ModTime {
			return false
		}
	}
	if m.Previews {
		if _, err := os.Stat(filepath.Join(outDir, "previews", "contact-sheet.png")); err != nil {
			return false
		}
	}
	if slices.Contains(formats, Screen) && (m.Cover == "" || !fileExists(filepath.Join(outDir, m.Cover))) {
		return false // the cover picture goes with the screen edition
	}
	return true
}

func writeManifest(outDir, key string, res *Result, opt Options) {
	m := manifest{Key: key, Formats: opt.Formats, Pages: res.Pages, Words: res.Words, Photos: res.Photos, Previews: opt.Previews}
	if res.Cover != "" {
		m.Cover = filepath.Base(res.Cover)
	}
	if !opt.Date.IsZero() {
		m.Date = opt.Date.UTC().Format(time.RFC3339)
	}
	for _, o := range res.Outputs {
		st, err := os.Stat(o.Path)
		if err != nil {
			return
		}
		m.Outputs = append(m.Outputs, manifestOutput{Format: o.Format, Name: filepath.Base(o.Path), Size: st.Size(), ModTime: st.ModTime().UnixNano()})
	}
	// paths relative to the issue folder: the output folder is handed on,
	// and says nothing of the machine that built it
	// a message naming another file names it as seen from where magz
	// ran: from outside the magazine, by its absolute path
	root := filepath.Dir(filepath.Dir(res.Issue.Dir)) + string(filepath.Separator)
	text := func(s string) string {
		if len(root) < 3 { // the file system's root: nothing to take off
			return s
		}
		return strings.ReplaceAll(s, filepath.ToSlash(root), "")
	}
	for _, w := range res.Warnings {
		m.Warnings = append(m.Warnings, manifestDiag{relTo(res.Issue.Dir, w.Pos.Path), w.Pos.Line, w.Pos.Col, text(w.Msg)})
	}
	for _, s := range res.NotUA {
		m.NotUA = append(m.NotUA, manifestDiag{relTo(res.Issue.Dir, s.Path), s.Line, s.Col, text(s.Reason)})
	}
	tmp, _, err := writeTemp(outDir, ManifestName, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	})
	if err == nil {
		if syncFile(tmp) == nil {
			os.Rename(tmp, filepath.Join(outDir, ManifestName))
		} else {
			os.Remove(tmp)
		}
	}
}

// fromManifest rebuilds the result of the build that made the editions.
func fromManifest(m *manifest, iss *doc.Issue, outDir string) *Result {
	res := &Result{Issue: iss, Pages: m.Pages, Words: m.Words, Photos: m.Photos, UpToDate: true}
	for _, o := range m.Outputs {
		res.Outputs = append(res.Outputs, Output{Format: o.Format, Path: filepath.Join(outDir, o.Name), Bytes: o.Size})
		if sheet := filepath.Join(outDir, HandoffName(iss.Name)); o.Format == Print && fileExists(sheet) {
			res.Handoff = sheet
		}
	}
	if m.Previews {
		res.Previews = filepath.Join(outDir, "previews")
	}
	if m.Cover != "" {
		res.Cover = filepath.Join(outDir, m.Cover)
	}
	for _, w := range m.Warnings {
		res.Warnings = append(res.Warnings, diag.Diagnostic{Pos: diag.Pos{Path: fromRel(iss.Dir, w.Path), Line: w.Line, Col: w.Col}, Severity: diag.Warning, Msg: w.Msg})
	}
	for _, s := range m.NotUA {
		res.NotUA = append(res.NotUA, page.Shortfall{Path: fromRel(iss.Dir, s.Path), Line: s.Line, Col: s.Col, Reason: s.Msg})
	}
	return res
}

// Status tells whether the editions of an issue in outDir are built, and
// whether they are up to date with the issue as it is now (built by the
// same magz with the same options), for "magz list".
func Status(iss *doc.Issue, outDir, version string) (built, current bool) {
	m := readManifest(outDir)
	if m == nil {
		return false, false
	}
	opt := Options{Formats: m.Formats, Previews: m.Previews, Version: version, OutDir: outDir}
	if m.Date != "" {
		opt.Date, _ = time.Parse(time.RFC3339, m.Date)
	}
	return true, upToDate(m, inputsKey(iss, opt), outDir, opt.Formats)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Built lists the editions the last build in outDir made (none when there
// is none): magz site asks for them with its own, so that publishing a
// built issue does not build it again for fewer editions.
func Built(outDir string) []Format {
	if m := readManifest(outDir); m != nil {
		return m.Formats
	}
	return nil
}

// relTo writes path relative to dir, with slashes.
func relTo(dir, path string) string {
	if rel, err := filepath.Rel(dir, path); err == nil && path != "" {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}

// fromRel is the path relTo wrote, again.
func fromRel(dir, rel string) string {
	if rel == "" || filepath.IsAbs(rel) {
		return rel
	}
	return filepath.Join(dir, filepath.FromSlash(rel))
}
