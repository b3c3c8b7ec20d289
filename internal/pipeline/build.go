// Package build runs the whole pipeline for one issue: read the folder,
// check and process photos, lay out pages, and write the editions. Outputs
// are written to temporary files and renamed into place only when every
// edition succeeded, so a failed build never leaves half-written files or
// replaces good ones.
package pipeline

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"magz/assets"
	"magz/internal/jpeg"
	"magz/internal/msg"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/sync/errgroup"

	"magz/internal/cache"
	"magz/internal/counter"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/epub"
	"magz/internal/images"
	"magz/internal/reader"
	"magz/internal/svg"
	"magz/layout"
	"magz/layout/page"
	"magz/layout/pdf"
)

// Format is an edition magz can write.
type Format string

const (
	Print  Format = "print"
	Screen Format = "screen"
	EPUB   Format = "epub"
	// For the print shop: the print edition imposed for saddle stitching
	// on press sheets, reader spreads for approval, and pictures of the
	// pages as the press will print them (soft proofs).
	Booklet   Format = "booklet"
	Spreads   Format = "spreads"
	SoftProof Format = "softproof"
)

// AllFormats lists the editions in the order they are written.
var AllFormats = []Format{Print, Screen, EPUB}

// Formats is every format magz makes, in the order they are written; the
// editions (AllFormats) are the default.
var Formats = []Format{Print, Screen, EPUB, Booklet, Spreads, SoftProof}

// ParseFormats reads a comma-separated list such as "print,epub".
func ParseFormats(s string) ([]Format, error) {
	var out []Format
	seen := map[Format]bool{}
	for _, p := range strings.Split(s, ",") {
		f := Format(strings.ToLower(strings.TrimSpace(p)))
		switch f {
		case "":
			continue
		case Print, Screen, EPUB, Booklet, Spreads, SoftProof:
			if !seen[f] {
				out = append(out, f)
				seen[f] = true
			}
		case "all":
			return AllFormats, nil
		default:
			return nil, msg.Errorf("unknown format %q; use print, screen, epub, booklet, spreads or softproof, separated by commas", p)
		}
	}
	if len(out) == 0 {
		return nil, msg.Errorf("no format given; use print, screen, epub, booklet, spreads or softproof, separated by commas")
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
	// JPEG is the codec of the image stage (jpeg.Std rules magz's own out).
	JPEG jpeg.Codec
	// OnPhoto is told each time a photo has all its renditions.
	OnPhoto func(done, total int)
	// OnEdition is told each time an edition is written.
	OnEdition func(f Format)
	// OnPage is told as the pages of the PDF editions are drawn and as
	// each edition is written out; done reaches total when all are.
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
	// SoftProof is the folder of page pictures as the press prints them.
	SoftProof string
	Handoff   string // the printer's hand-off sheet, with the print edition
	Cover     string // the designed cover as a picture, with the screen edition (CoverName)
	// Stale are editions in the output folder from an earlier build that
	// this one did not make (it was asked for other formats).
	Stale    []string
	Warnings []diag.Diagnostic
	UpToDate bool // nothing changed: the editions were left as they were
	Copyfit  *Copyfit
	// NotUA are the reasons the screen edition does not claim PDF/UA-1
	// (empty when it does, or when it was not built).
	NotUA []page.Shortfall
}

// FileName returns the output file name of an edition.
func FileName(issueName string, f Format) string {
	switch f {
	case Print:
		return issueName + "-print.pdf"
	case Screen:
		return issueName + "-screen.pdf"
	case Booklet:
		return issueName + "-booklet.pdf"
	case Spreads:
		return issueName + "-spreads.pdf"
	case SoftProof:
		return "softproof"
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
	for _, f := range figures(iss) {
		if !seen[f.Image.Path] {
			seen[f.Image.Path] = true
			out = append(out, f.Image)
		}
	}
	return out
}

// Run builds the editions of the issue in dir, step by step: read and
// check the issue, lay it out, make the photo renditions the editions
// need, write every edition (and the previews) beside the old ones, and
// only then move them all into place.
func Run(ctx context.Context, dir string, opt Options) (*Result, error) {
	logf := func(format string, args ...any) {
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, msg.T(format)+"\n", args...)
		}
	}
	diags := &diag.List{}
	c, err := cache.Open(opt.CacheDir)
	if err != nil {
		return nil, err
	}
	store := images.NewStore(c, opt.JPEG)
	iss, infos := prepare(ctx, dir, store, diags)
	if diags.HasErrors() {
		// the photos are decoded too, so that a damaged one is told in
		// this run, with the rest, and not only once the rest is fixed
		verifyPhotos(ctx, store, iss, infos, diags)
		return &Result{Warnings: warnings(diags)}, diags.Err()
	}
	logf("read %s, %s", msg.Count(len(iss.Articles), "article"), msg.Count(len(infos), "photo"))
	key := inputsKey(iss, opt)
	if !opt.Force {
		if m := readManifest(opt.OutDir); upToDate(m, key, opt.OutDir, opt.Formats) {
			logf("nothing changed since the last build")
			res := fromManifest(m, iss, opt.OutDir)
			// what reading finds now (an article file not in the list,
			// which changes no edition) is said too, with the layout's
			// warnings kept from the last build
			for _, w := range warnings(diags) {
				if !slices.Contains(res.Warnings, w) {
					res.Warnings = append(res.Warnings, w)
				}
			}
			return res, nil
		}
	}
	want := map[Format]bool{}
	for _, f := range opt.Formats {
		want[f] = true
	}
	pressed := startPress(iss, want)
	model, report, err := composeReport(iss, infos, diags)
	budgetWarning(iss, report, diags)
	if err != nil {
		return nil, err
	}
	logf("laid out %s", msg.Count(len(model.Pages), "page"))
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	pr, err := pressed()
	if err != nil {
		return nil, err
	}
	// a photo below print resolution is an error of the plan: reported
	// with whatever rendering finds, all at once
	pl := newPlan(iss, model, infos, pr, want, opt.Previews, diags)
	reqs := pl.requests()
	logf("processing %d photo renditions", len(reqs))
	done, err := renderPhotos(ctx, store, iss, reqs, opt.OnPhoto, diags)
	if err != nil {
		return &Result{Warnings: warnings(diags)}, err
	}

	if err := os.MkdirAll(opt.OutDir, 0o755); err != nil {
		return nil, msg.Errorf("cannot create output folder: %w", err)
	}
	removeStale(opt.OutDir)
	w := &editionWriter{iss: iss, model: model, plan: pl, done: done, cache: c, date: iss.Date, creator: "magz " + opt.Version}
	if !opt.Date.IsZero() {
		w.date = opt.Date
	}
	var formats []Format
	for _, f := range Formats {
		if want[f] && f != SoftProof {
			formats = append(formats, f)
		}
	}
	// The cover picture and the previews are drawn while the editions are
	// written: the print edition keeps one processor busy the longest.
	var proof *press
	if want[SoftProof] {
		proof = &pr
	}
	side := w.drawSide(ctx, opt.OutDir, want[Screen], opt.Previews, proof)
	eds, err := w.writeAll(ctx, opt.OutDir, formats, opt.OnEdition, opt.OnPage)
	cover, folders, sideErr := side()
	if err = reported([]error{err, sideErr}); err != nil {
		removeTemps(append(eds, cover))
		removeFolders(folders)
		return nil, err
	}
	synced := syncing(append(slices.Clone(eds), cover))
	res := &Result{Issue: iss, Pages: len(model.Pages), Photos: len(infos), Words: countWords(iss), Copyfit: copyfitOf(report)}
	if want[Screen] {
		res.NotUA = model.NotUA
	}
	for _, ed := range eds {
		res.Outputs = append(res.Outputs, Output{Format: ed.f, Path: ed.dst, Bytes: ed.size})
		logf("wrote the %s edition (%d KB)", ed.f, ed.size/1024)
	}
	if i := slices.IndexFunc(eds, func(ed written) bool { return ed.f == Print }); i >= 0 {
		// the hand-off sheet goes with the print edition
		sheet, err := w.writeHandoff(opt.OutDir, eds[i])
		if err != nil {
			synced()
			removeTemps(eds)
			removeFolders(folders)
			return nil, err
		}
		eds = append(eds, sheet)
		res.Handoff = sheet.dst
	}
	if cover.tmp != "" {
		eds = append(eds, cover)
		res.Cover = cover.dst
	}
	if opt.Previews {
		logf("drew %d page previews", len(model.Pages))
	}
	if err := synced(); err != nil {
		removeTemps(eds)
		removeFolders(folders)
		return nil, msg.Errorf("cannot write in %s: %w", opt.OutDir, err)
	}
	if err := moveIntoPlace(eds, folders...); err != nil {
		return nil, err
	}
	for _, f := range folders {
		switch f.name {
		case "previews":
			res.Previews = filepath.Join(opt.OutDir, f.name)
		default:
			res.SoftProof = filepath.Join(opt.OutDir, f.name)
		}
	}
	res.Warnings = warnings(diags)
	for _, f := range AllFormats {
		if p := filepath.Join(opt.OutDir, FileName(iss.Name, f)); !want[f] && fileExists(p) {
			res.Stale = append(res.Stale, p)
		}
	}
	writeManifest(opt.OutDir, key, res, opt)
	return res, nil
}

// startPress makes the press (its colour links) of the editions wanted,
// on the other processor while the issue is laid out on one: it depends
// only on the print settings. The function it returns waits for it (a
// zero press when no edition is printed).
func startPress(iss *doc.Issue, want map[Format]bool) func() (press, error) {
	if !printed(want) && !want[SoftProof] {
		return func() (press, error) { return press{}, nil }
	}
	type made struct {
		pr  press
		err error
	}
	pressing := make(chan made, 1)
	go func() {
		pr, err := pressFor(iss.Print)
		pressing <- made{pr, err}
	}()
	return func() (press, error) {
		m := <-pressing
		return m.pr, m.err
	}
}

// prepare reads the issue, checks its photos, finds the focal points the
// editor did not write and adds the preflight warnings: the first step of
// both Run and Check. The preflight's warnings come with reading's errors
// (all problems at once); the focal points only matter to a build.
func prepare(ctx context.Context, dir string, store *images.Store, diags *diag.List) (*doc.Issue, map[string]*images.Info) {
	iss, infos := Load(dir, store, diags)
	if iss == nil {
		return nil, infos
	}
	whole := !diags.HasErrors()
	if whole {
		findFocus(ctx, store, iss, infos)
	}
	preflight(iss, infos, whole, diags)
	return iss, infos
}

// compose lays the issue out.
func compose(iss *doc.Issue, infos map[string]*images.Info, diags *diag.List) (*page.Issue, error) {
	model, _, err := composeReport(iss, infos, diags)
	return model, err
}

// composeReport lays the issue out, with the layout's report to editors.
func composeReport(iss *doc.Issue, infos map[string]*images.Info, diags *diag.List) (*page.Issue, *layout.Report, error) {
	metrics, err := layout.NewMetrics()
	if err != nil {
		return nil, nil, err
	}
	model, report := layout.Compose(iss, layout.Options{Metrics: metrics, ImageSize: sizes(infos), Graphic: graphic(infos), Warn: diags.Warnf})
	return model, report, nil
}

// renderPhotos makes every rendition, telling onPhoto as each photo is done.
func renderPhotos(ctx context.Context, store *images.Store, iss *doc.Issue, reqs []images.Request, onPhoto func(done, total int), diags *diag.List) (map[images.Request]images.Result, error) {
	if onPhoto != nil {
		// the photos used: one lying unused in the folder is never done
		sources := map[string]bool{}
		for _, r := range reqs {
			sources[r.Path] = true
		}
		photos := len(sources)
		n := 0
		var mu sync.Mutex
		store.OnSourceDone = func() {
			mu.Lock()
			n++
			onPhoto(n, photos)
			mu.Unlock()
		}
	}
	done := store.Render(ctx, reqs, positions(iss), diags)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return done, diags.Err()
}

// editionWriter writes the editions of one laid-out issue.
type editionWriter struct {
	iss     *doc.Issue
	model   *page.Issue
	plan    *plan
	done    map[images.Request]images.Result
	cache   *cache.Cache // for the cover picture (the photos' renditions are in done)
	date    time.Time
	creator string
}

// written is an edition in its temporary file.
type written struct {
	f    Format
	dst  string // where it goes
	tmp  string
	size int64
}

// writeAll writes the editions at the same time, each into a temporary
// file in outDir. On any failure it removes them all.
func (w *editionWriter) writeAll(ctx context.Context, outDir string, formats []Format, onEdition func(Format), onPage func(done, total int)) ([]written, error) {
	// The work is each page of each PDF edition, then each edition
	// written out: the bar is full only when every file is.
	pageDone := func() {}
	if onPage != nil {
		pdfs := 0
		for _, f := range formats {
			if f != EPUB {
				pdfs++
			}
		}
		var mu sync.Mutex
		n, total := 0, pdfs*len(w.model.Pages)+len(formats)
		pageDone = func() {
			mu.Lock()
			n++
			onPage(n, total)
			mu.Unlock()
		}
	}
	out := make([]written, len(formats))
	errs := make([]error, len(formats))
	var g errgroup.Group
	for i, f := range formats {
		g.Go(func() (err error) {
			defer func() {
				if v := recover(); v != nil {
					err = msg.Errorf("internal error: %v", v)
				}
				if err != nil && !errors.Is(err, context.Canceled) {
					err = msg.Errorf("writing the %s edition: %w", f, err)
				}
				errs[i] = err
			}()
			if err := ctx.Err(); err != nil {
				return err
			}
			name := FileName(w.iss.Name, f)
			tmp, size, err := writeTemp(outDir, name, func(wr io.Writer) error {
				return w.write(ctx, wr, f, pageDone)
			})
			if err != nil {
				return err
			}
			out[i] = written{f: f, dst: filepath.Join(outDir, name), tmp: tmp, size: int64(size)}
			if onEdition != nil {
				onEdition(f)
			}
			pageDone()
			return nil
		})
	}
	g.Wait()
	if err := reported(errs); err != nil {
		removeTemps(out)
		return nil, err
	}
	return out, nil
}

// drawSide starts drawing the cover picture (with the screen edition)
// and the previews (when asked for) beside the editions; the function it
// returns waits for them and gives their temporary file and folder.
func (w *editionWriter) drawSide(ctx context.Context, outDir string, cover, previews bool, proof *press) func() (written, []folder, error) {
	rendition := func(it *page.Image) ([]byte, bool) {
		r, ok := w.done[w.plan.screen[it]]
		return r.Data, ok
	}
	var c written
	var previewTmp, proofTmp string
	var coverErr, previewErr, proofErr error
	var wg sync.WaitGroup
	if cover {
		wg.Go(func() { c, coverErr = writeCover(ctx, outDir, w.model, w.iss.Name, rendition, w.cache) })
	}
	if previews {
		wg.Go(func() { previewTmp, previewErr = writePreviews(ctx, outDir, w.model, rendition, nil) })
	}
	if proof != nil {
		wg.Go(func() { proofTmp, proofErr = writeSoftProof(ctx, outDir, w.model, rendition, *proof) })
	}
	return func() (written, []folder, error) {
		wg.Wait()
		var fs []folder
		if previewTmp != "" {
			fs = append(fs, folder{previewTmp, "previews"})
		}
		if proofTmp != "" {
			fs = append(fs, folder{proofTmp, FileName(w.iss.Name, SoftProof)})
		}
		return c, fs, errors.Join(coverErr, previewErr, proofErr)
	}
}

// reported picks the error of a set of editions to report: a
// cancellation wins over the errors it caused, then the first error.
func reported(errs []error) error {
	for _, e := range errs {
		if errors.Is(e, context.Canceled) {
			return e
		}
	}
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// write writes one edition.
func (w *editionWriter) write(ctx context.Context, wr io.Writer, f Format, onPage func()) error {
	switch f {
	case Print, Screen:
		m, ed := w.plan.print, pdf.Print
		if f == Screen {
			m, ed = w.plan.screen, pdf.Screen
		}
		opt := pdf.Options{Edition: ed, Date: w.date, Creator: w.creator, OnPage: onPage, Context: ctx}
		if f == Print {
			opt.OutputIntent, opt.SRGB = &w.plan.press.intent, assets.SRGB
		}
		opt.Image, opt.Mask, opt.Vector = w.picture(m), w.mask(m), w.vector
		return pdf.Write(wr, w.model, opt)
	case Booklet, Spreads:
		opt := pdf.Options{Date: w.date, Creator: w.creator, OnPage: onPage, Context: ctx, Image: w.picture(w.plan.print), Mask: w.mask(w.plan.print), Vector: w.vector,
			OutputIntent: &w.plan.press.intent, SRGB: assets.SRGB}
		sheets, err := w.sheets(f)
		if err != nil {
			return err
		}
		return pdf.WriteSheets(wr, w.model, sheets, opt)
	}
	return epub.Write(wr, w.iss, epub.Options{Date: w.date, Creator: w.creator, Pages: w.model.PageStarts(),
		Image: func(img *doc.Image) ([]byte, string, error) {
			req := w.plan.epub[img.Path]
			r, ok := w.done[req]
			if !ok {
				return nil, "", msg.Errorf("no rendition of %s", img.Rel)
			}
			if req.Encoding == images.PNG {
				return r.Data, "png", nil
			}
			return r.Data, "jpg", nil
		}})
}

// picture gives the PDF writer the rendition each image has in a plan.
func (w *editionWriter) picture(m map[*page.Image]images.Request) func(*page.Image) ([]byte, error) {
	return func(it *page.Image) ([]byte, error) {
		r, ok := w.done[m[it]]
		if !ok {
			return nil, msg.Errorf("no rendition of %s", it.Name)
		}
		return r.Data, nil
	}
}

// vector gives the PDF writer the drawing an image item shows, nil for a
// picture.
func (w *editionWriter) vector(it *page.Image) *svg.Art { return w.plan.vectors[it.Source] }

// mask gives the PDF writer the transparency of a rendition in inks.
func (w *editionWriter) mask(m map[*page.Image]images.Request) func(*page.Image) []byte {
	return func(it *page.Image) []byte { return w.done[m[it]].Mask }
}

func removeTemps(ws []written) {
	for _, w := range ws {
		if w.tmp != "" {
			os.Remove(w.tmp)
		}
	}
}

// moveIntoPlace renames the written editions (and the previews folder, when
// there is one) over the old ones, together.
func moveIntoPlace(ws []written, folders ...folder) error {
	for i, w := range ws {
		if err := os.Rename(w.tmp, w.dst); err != nil {
			removeTemps(ws[i:])
			removeFolders(folders)
			return msg.Errorf("cannot move %s into place: %w", w.dst, err)
		}
	}
	for i, f := range folders {
		dst := filepath.Join(filepath.Dir(f.tmp), f.name)
		os.RemoveAll(dst)
		if err := os.Rename(f.tmp, dst); err != nil {
			removeFolders(folders[i:])
			return msg.Errorf("cannot move the previews into place: %w", err)
		}
	}
	return nil
}

// folder is a folder of pictures in its temporary place, and its name.
type folder struct{ tmp, name string }

func removeFolders(fs []folder) {
	for _, f := range fs {
		os.RemoveAll(f.tmp)
	}
}

// printed tells whether the formats want the print edition's renditions.
func printed(want map[Format]bool) bool { return want[Print] || want[Booklet] || want[Spreads] }

func warnings(d *diag.List) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, x := range d.All() {
		if x.Severity == diag.Warning {
			out = append(out, x)
		}
	}
	return out
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
// Nothing is hashed on the way: the one checksum a build gives, the print
// edition's on the hand-off sheet, is taken from the file as written
// (writeHandoff), on the other processor while the file is inspected. Nor
// is the file flushed to disk: syncing does that for a build's files
// together, before they are moved into place.
func writeTemp(dir, name string, write func(io.Writer) error) (tmp string, size int, err error) {
	f, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return "", 0, msg.Errorf("cannot write in %s: %w", dir, err)
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	cw := &counter.Writer{W: bw}
	werr := write(cw)
	if werr == nil {
		werr = bw.Flush()
	}
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return "", 0, err
	}
	_ = os.Chmod(f.Name(), 0o644)
	return f.Name(), cw.N, nil
}

// syncing starts flushing the written files to disk and returns the
// function that waits for it: every file is on disk before any is moved
// into place, as a build that is cut off (a crash, the power) must leave
// the old editions or the new, whole. The wait is the disk's: the hand-off
// sheet is made meanwhile.
func syncing(ws []written) func() error {
	done := make(chan error, 1)
	go func() {
		var errs []error
		for _, w := range ws {
			if w.tmp != "" {
				errs = append(errs, syncFile(w.tmp))
			}
		}
		done <- errors.Join(errs...)
	}()
	return func() error { return <-done }
}

// syncFile flushes the file at path to disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
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
