// Package build runs the whole pipeline for one issue: read the folder,
// check and process photos, lay out pages, and write the editions. Outputs
// are written to temporary files and renamed into place only when every
// edition succeeded, so a failed build never leaves half-written files or
// replaces good ones.
package build

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"magz/internal/cache"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/epub"
	"magz/internal/images"
	"magz/internal/reader"
	"magz/layout"
	"magz/layout/pdf"
)

// Format is an edition magz can write.
type Format string

const (
	Print  Format = "print"
	Screen Format = "screen"
	EPUB   Format = "epub"
)

// AllFormats lists the editions in the order they are written.
var AllFormats = []Format{Print, Screen, EPUB}

// ParseFormats reads a comma-separated list such as "print,epub".
func ParseFormats(s string) ([]Format, error) {
	var out []Format
	seen := map[Format]bool{}
	for _, p := range strings.Split(s, ",") {
		f := Format(strings.ToLower(strings.TrimSpace(p)))
		switch f {
		case "":
			continue
		case Print, Screen, EPUB:
			if !seen[f] {
				out = append(out, f)
				seen[f] = true
			}
		case "all":
			return AllFormats, nil
		default:
			return nil, fmt.Errorf("unknown format %q; use print, screen or epub, separated by commas", p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no format given; use print, screen or epub, separated by commas")
	}
	return out, nil
}

// Options of a build.
type Options struct {
	Formats []Format
	OutDir  string // where the editions go
	// Date, when set, replaces the issue date as the date stamped in the
	// outputs (SOURCE_DATE_EPOCH).
	Date    time.Time
	Version string
	// Progress receives one line per stage; may be nil.
	Progress io.Writer
	// Previews also writes a PNG of every page and a contact sheet into
	// OutDir/previews.
	Previews bool
	// CacheDir keeps photo renditions between builds; "" disables it.
	CacheDir string
	// Force rebuilds even when the editions are up to date.
	Force bool
	// OnPhoto is told each time a photo has all its renditions.
	OnPhoto func(done, total int)
	// OnEdition is told each time an edition is written.
	OnEdition func(f Format)
	// OnPage is told as the pages of the PDF editions are drawn.
	OnPage func(done, total int)
}

// DefaultCacheDir is the cache beside the issues: for issues/issue-12 it is
// .magz-cache next to issues/; for any other folder, next to that folder.
func DefaultCacheDir(issueDir string) string {
	parent := filepath.Dir(issueDir)
	if filepath.Base(parent) == "issues" {
		parent = filepath.Dir(parent)
	}
	return filepath.Join(parent, ".magz-cache")
}

// Output is one written edition.
type Output struct {
	Format Format
	Path   string
	Bytes  int64
}

// Result sums up a build.
type Result struct {
	Issue    *doc.Issue
	Pages    int
	Words    int
	Photos   int
	Outputs  []Output
	Previews string // folder of page pictures, when asked for
	Warnings []diag.Diagnostic
	UpToDate bool // nothing changed: the editions were left as they were
}

// FileName returns the output file name of an edition.
func FileName(issueName string, f Format) string {
	switch f {
	case Print:
		return issueName + "-print.pdf"
	case Screen:
		return issueName + "-screen.pdf"
	}
	return issueName + ".epub"
}

// Load reads an issue and checks its photos, without laying it out.
func Load(dir string, store *images.Store, diags *diag.List) (*doc.Issue, map[string]*images.Info) {
	iss := reader.Read(dir, diags)
	infos := map[string]*images.Info{}
	if iss == nil {
		return nil, infos
	}
	for _, img := range Images(iss) {
		if in, ok := store.Probe(img, diags); ok {
			infos[img.Path] = in
		}
	}
	return iss, infos
}

// sizes tells layout the displayed size of each probed photo.
func sizes(infos map[string]*images.Info) func(*doc.Image) (int, int, bool) {
	return func(img *doc.Image) (int, int, bool) {
		in := infos[img.Path]
		if in == nil {
			return 0, 0, false
		}
		return in.Width, in.Height, true
	}
}

// Images lists every image an issue uses, first use first.
func Images(iss *doc.Issue) []*doc.Image {
	var out []*doc.Image
	seen := map[string]bool{}
	add := func(f *doc.Figure) {
		if f != nil && f.Image != nil && !seen[f.Image.Path] {
			seen[f.Image.Path] = true
			out = append(out, f.Image)
		}
	}
	add(iss.Cover)
	for _, a := range iss.Articles {
		add(a.Hero)
		doc.Walk(a.Blocks, func(b doc.Block) {
			if f, ok := b.(*doc.Figure); ok {
				add(f)
			}
		})
	}
	return out
}

// Run builds the editions of the issue in dir.
func Run(ctx context.Context, dir string, opt Options) (*Result, error) {
	logf := func(format string, args ...any) {
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, format+"\n", args...)
		}
	}
	diags := &diag.List{}
	c, err := cache.Open(opt.CacheDir)
	if err != nil {
		return nil, err
	}
	store := images.NewStore(c)
	iss, infos := Load(dir, store, diags)
	if err := diags.Err(); err != nil {
		return &Result{Warnings: warnings(diags)}, err
	}
	preflight(iss, infos, diags)
	logf("read %d articles, %d photos", len(iss.Articles), len(infos))
	key := ""
	if !opt.Force {
		key = inputsKey(iss, opt)
		if m := readManifest(opt.OutDir); upToDate(m, key, opt.OutDir, opt.Formats) {
			logf("nothing changed since the last build")
			return fromManifest(m, iss, opt.OutDir), nil
		}
	}
	metrics, err := layout.NewMetrics()
	if err != nil {
		return nil, err
	}
	model := layout.Compose(iss, layout.Options{
		Metrics:   metrics,
		ImageSize: sizes(infos),
		Warn:      diags.Warnf,
	})
	logf("laid out %d pages", len(model.Pages))
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	want := map[Format]bool{}
	for _, f := range opt.Formats {
		want[f] = true
	}
	plan := &renditions{infos: infos, bleed: model.Bleed}
	var reqs []images.Request
	if want[Print] {
		plan.print = plan.forPDF(model, 300, true, diags)
		reqs = append(reqs, values(plan.print)...)
	}
	if want[EPUB] {
		plan.epub = plan.forEPUB(Images(iss))
		reqs = append(reqs, values(plan.epub)...)
	}
	if want[Screen] || opt.Previews {
		plan.screen = plan.forPDF(model, 150, false, nil)
		reqs = append(reqs, values(plan.screen)...)
	}
	pos := map[string]diag.Pos{}
	for _, img := range Images(iss) {
		pos[img.Path] = img.Pos
	}
	logf("processing %d photo renditions", len(reqs))
	if opt.OnPhoto != nil {
		total := len(infos)
		n := 0
		var mu sync.Mutex
		store.OnSourceDone = func() {
			mu.Lock()
			n++
			opt.OnPhoto(n, total)
			mu.Unlock()
		}
	}
	done := store.Render(ctx, reqs, pos, diags)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err := diags.Err(); err != nil {
		return &Result{Warnings: warnings(diags)}, err
	}

	date := iss.Date
	if !opt.Date.IsZero() {
		date = opt.Date
	}
	creator := "magz " + opt.Version
	res := &Result{Issue: iss, Pages: len(model.Pages), Photos: len(infos), Words: countWords(iss)}
	if err := os.MkdirAll(opt.OutDir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create output folder: %w", err)
	}
	removeStale(opt.OutDir)
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	// The editions are independent: write them at the same time.
	type edition struct {
		f    Format
		tmp  string
		size int
		err  error
	}
	var eds []*edition
	for _, f := range AllFormats {
		if want[f] {
			eds = append(eds, &edition{f: f})
		}
	}
	var onPage func()
	if opt.OnPage != nil {
		pdfs := 0
		for _, ed := range eds {
			if ed.f != EPUB {
				pdfs++
			}
		}
		var mu sync.Mutex
		n, total := 0, pdfs*len(model.Pages)
		onPage = func() {
			mu.Lock()
			n++
			opt.OnPage(n, total)
			mu.Unlock()
		}
	}
	var wg sync.WaitGroup
	for _, ed := range eds {
		wg.Add(1)
		go func(ed *edition) {
			defer wg.Done()
			defer func() {
				if v := recover(); v != nil {
					ed.err = fmt.Errorf("internal error: %v", v)
				}
			}()
			if ctx.Err() != nil {
				ed.err = ctx.Err()
				return
			}
			ed.tmp, ed.size, ed.err = writeTemp(opt.OutDir, FileName(iss.Name, ed.f), func(w io.Writer) error {
				return writeEdition(w, ed.f, iss, model, plan, done, date, creator, onPage)
			})
			if ed.err == nil && opt.OnEdition != nil {
				opt.OnEdition(ed.f)
			}
		}(ed)
	}
	wg.Wait()
	for _, ed := range eds {
		if ed.tmp != "" {
			temps = append(temps, ed.tmp)
		}
	}
	for _, ed := range eds {
		if ed.err != nil {
			cleanup()
			if errors.Is(ed.err, context.Canceled) {
				return nil, ed.err
			}
			return nil, fmt.Errorf("writing the %s edition: %w", ed.f, ed.err)
		}
		res.Outputs = append(res.Outputs, Output{Format: ed.f, Path: filepath.Join(opt.OutDir, FileName(iss.Name, ed.f)), Bytes: int64(ed.size)})
		logf("wrote the %s edition (%d KB)", ed.f, ed.size/1024)
	}
	var previewTmp string
	if opt.Previews {
		previewTmp, err = writePreviews(ctx, opt.OutDir, model, func(it *layout.Image) ([]byte, bool) {
			r, ok := done[plan.screen[it]]
			return r.Data, ok
		})
		if err != nil {
			cleanup()
			return nil, err
		}
		logf("drew %d page previews", len(model.Pages))
	}
	// Everything is written: move the editions into place together.
	for i, t := range temps {
		if err := os.Rename(t, res.Outputs[i].Path); err != nil {
			cleanup()
			os.RemoveAll(previewTmp)
			return nil, fmt.Errorf("cannot move %s into place: %w", res.Outputs[i].Path, err)
		}
	}
	if previewTmp != "" {
		dst := filepath.Join(opt.OutDir, "previews")
		os.RemoveAll(dst)
		if err := os.Rename(previewTmp, dst); err != nil {
			os.RemoveAll(previewTmp)
			return nil, fmt.Errorf("cannot move the previews into place: %w", err)
		}
		res.Previews = dst
	}
	res.Warnings = warnings(diags)
	if key == "" {
		key = inputsKey(iss, opt)
	}
	writeManifest(opt.OutDir, key, res, opt)
	return res, nil
}

func warnings(d *diag.List) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, x := range d.All() {
		if x.Severity == diag.Warning {
			out = append(out, x)
		}
	}
	return out
}

// writeEdition writes one edition of the laid-out issue.
func writeEdition(w io.Writer, f Format, iss *doc.Issue, model *layout.Issue, plan *renditions, done map[images.Request]images.Result, date time.Time, creator string, onPage func()) error {
	switch f {
	case Print, Screen:
		m := plan.print
		ed := pdf.Print
		if f == Screen {
			m, ed = plan.screen, pdf.Screen
		}
		return pdf.Write(w, model, pdf.Options{Edition: ed, Date: date, Creator: creator, OnPage: onPage,
			Image: func(it *layout.Image) ([]byte, error) {
				r, ok := done[m[it]]
				if !ok {
					return nil, fmt.Errorf("no rendition of %s", it.Src.Rel)
				}
				return r.Data, nil
			}})
	}
	return epub.Write(w, iss, epub.Options{Date: date, Creator: creator,
		Image: func(img *doc.Image) ([]byte, string, error) {
			req := plan.epub[img.Path]
			r, ok := done[req]
			if !ok {
				return nil, "", fmt.Errorf("no rendition of %s", img.Rel)
			}
			if req.Encoding == images.PNG {
				return r.Data, "png", nil
			}
			return r.Data, "jpg", nil
		}})
}

// removeStale deletes temporary files left in dir by a build that was
// killed (a build that fails or is interrupted removes its own). Only old
// ones go: a build running at the same time may own the young ones.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasPrefix(n, ".") || !(strings.Contains(n, ".tmp-") || strings.HasPrefix(n, ".previews-tmp-")) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.RemoveAll(filepath.Join(dir, n))
		}
	}
}

// writeTemp writes a file through write into a new temporary file in dir
// (so that it can be renamed into place) and returns its name and size.
func writeTemp(dir, name string, write func(io.Writer) error) (string, int, error) {
	f, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return "", 0, fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	cw := &countWriter{w: bw}
	werr := write(cw)
	if werr == nil {
		werr = bw.Flush()
	}
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(f.Name())
		return "", 0, err
	}
	_ = os.Chmod(f.Name(), 0o644)
	return f.Name(), cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

func values[K comparable](m map[K]images.Request) []images.Request {
	out := make([]images.Request, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// countWords counts the words of the articles' text.
func countWords(iss *doc.Issue) int {
	n := 0
	count := func(s string) {
		n += len(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) }))
	}
	for _, a := range iss.Articles {
		count(a.Title)
		doc.Walk(a.Blocks, func(b doc.Block) {
			switch b := b.(type) {
			case *doc.Paragraph:
				count(doc.PlainText(b.Spans))
			case *doc.Heading:
				count(doc.PlainText(b.Spans))
			case *doc.PullQuote:
				count(doc.PlainText(b.Spans))
			}
		})
	}
	return n
}

// renditions plans which rendition each placed image needs.
type renditions struct {
	infos  map[string]*images.Info
	bleed  layout.Length
	print  map[*layout.Image]images.Request
	screen map[*layout.Image]images.Request
	epub   map[string]images.Request
}

func (p *renditions) forPDF(model *layout.Issue, ppi int, print bool, diags *diag.List) map[*layout.Image]images.Request {
	out := map[*layout.Image]images.Request{}
	var order []*layout.Image
	for _, pg := range model.Pages {
		for _, it := range pg.Items {
			img, ok := it.(*layout.Image)
			if !ok {
				continue
			}
			in := p.infos[img.Src.Path]
			if in == nil {
				continue
			}
			w, h := img.W, img.H
			if img.Bleed&layout.EdgeLeft != 0 {
				w += p.bleed
			}
			if img.Bleed&layout.EdgeRight != 0 {
				w += p.bleed
			}
			if img.Bleed&layout.EdgeTop != 0 {
				h += p.bleed
			}
			if img.Bleed&layout.EdgeBottom != 0 {
				h += p.bleed
			}
			cropW := float64(img.Crop[2]-img.Crop[0]) / 1e6 * float64(in.Width)
			inchW := w.Points() / 72
			inchH := h.Points() / 72
			tw := int(math.Ceil(inchW * float64(ppi)))
			if float64(tw) > cropW {
				tw = int(cropW)
			}
			th := int(math.Round(float64(tw) * inchH / inchW))
			if cropH := float64(img.Crop[3]-img.Crop[1]) / 1e6 * float64(in.Height); float64(th) > cropH {
				// never more pixels than the source has, in either direction
				th = int(cropH)
				tw = int(math.Round(float64(th) * inchW / inchH))
			}
			if th < 1 {
				th = 1
			}
			if tw < 1 {
				tw = 1
			}
			req := images.Request{Path: img.Src.Path, Crop: img.Crop, W: tw, H: th, Quality: 82}
			full := img.Crop[0] <= 2500 && img.Crop[1] <= 2500 && img.Crop[2] >= 997500 && img.Crop[3] >= 997500
			if e, ok := p.epub[img.Src.Path]; ok && !print && full && e.W >= tw && e.W <= 2*tw {
				// The EPUB's rendition of an uncropped photo serves the
				// screen PDF too: one encoding fewer, the same picture.
				req = e
			}
			if print {
				req.Quality = 88
				eff := cropW / inchW
				if eff < 200 && diags != nil {
					diags.Warnf(img.Src.Pos, "photo %s is low resolution for print: %d ppi where it is placed (%.0f×%.0f mm); 300 ppi is best, under 200 looks soft",
						img.Src.Rel, int(eff), inchW*25.4, inchH*25.4)
				}
				if full && in.Format == "jpeg" && in.Orientation == 1 && in.Model != "cmyk" && eff <= 450 {
					req = images.Request{Path: img.Src.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: in.Width, H: in.Height, Original: true}
				}
			}
			out[img] = req
			order = append(order, img)
		}
	}
	uniqueWidths(out, order)
	return out
}

// uniqueWidths makes every distinct rendition of one PDF differ in pixel
// width: fpdf orders images of equal width in Go map order, which would
// make the same issue give different bytes from run to run.
func uniqueWidths(m map[*layout.Image]images.Request, order []*layout.Image) {
	type key struct {
		path string
		crop [4]int
		w, h int
		orig bool
	}
	used := map[int]key{}
	seen := map[key]int{}
	for _, img := range order {
		r := m[img]
		k := key{r.Path, r.Crop, r.W, r.H, r.Original}
		if w, ok := seen[k]; ok {
			r.W, r.H = w, r.H*w/max(r.W, 1)
			if w != k.w {
				r.Original = false
			}
			m[img] = r
			continue
		}
		w := r.W
		for {
			if other, ok := used[w]; !ok || other == k {
				break
			}
			w--
		}
		if w != r.W {
			r.H = int(math.Round(float64(r.H) * float64(w) / float64(r.W)))
			r.W = w
			r.Original = false
		}
		used[w] = k
		seen[k] = w
		m[img] = r
	}
}

func (p *renditions) forEPUB(imgs []*doc.Image) map[string]images.Request {
	out := map[string]images.Request{}
	sort.Slice(imgs, func(i, j int) bool { return imgs[i].Path < imgs[j].Path })
	for _, img := range imgs {
		in := p.infos[img.Path]
		if in == nil {
			continue
		}
		w, h := in.Width, in.Height
		scale := 1.0
		if long := max(w, h); long > 1600 {
			scale = 1600 / float64(long)
		}
		if px := float64(w) * float64(h) * scale * scale; px > 4e6 {
			scale *= math.Sqrt(4e6 / px)
		}
		req := images.Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6},
			W: max(1, int(math.Round(float64(w)*scale))), H: max(1, int(math.Round(float64(h)*scale))), Quality: 80}
		if in.Alpha {
			req.Encoding = images.PNG
		}
		out[img.Path] = req
	}
	return out
}
