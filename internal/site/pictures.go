package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
)

// The site's pictures come from the image stage (internal/images), as
// the editions' do: each source decoded once for all its renditions,
// within the memory budget, kept in the photo cache, cropped around the
// focal point. The site asks for what it needs, writes each file
// atomically, and makes nothing whose inputs did not change.

// picVersion is part of every picture's key: raise it when the site's
// pictures would come out differently.
const picVersion = "site-pictures-1"

// pictureJob makes files of an issue's folder from renditions.
type pictureJob struct {
	names []string // the files, from the folder, slash-separated
	key   string   // what they are made from
	reqs  []images.Request
	// make returns the files' bytes, in the order of names, from the
	// renditions asked for.
	make func(got map[images.Request]images.Result) ([][]byte, error)
}

// pictures are the jobs of one issue's folder.
type pictures struct {
	store *images.Store
	dir   string
	jobs  []*pictureJob
	seen  map[string]bool
	infos map[string]*images.Info
	pos   map[string]diag.Pos
	diags *diag.List
	// managed are the folders whose files are all made by jobs: a file
	// no job makes any more is removed.
	managed []string
}

func newPictures(store *images.Store, dir string) *pictures {
	return &pictures{store: store, dir: dir, seen: map[string]bool{}, infos: map[string]*images.Info{}, pos: map[string]diag.Pos{}, diags: &diag.List{}}
}

// info probes a source (once); nil when it cannot be read, which the
// problems of run then report.
func (ps *pictures) info(img *doc.Image) *images.Info {
	if in, ok := ps.infos[img.Path]; ok {
		return in
	}
	in, _ := ps.store.Probe(img, ps.diags)
	ps.infos[img.Path] = in
	ps.pos[img.Path] = img.Pos
	return in
}

// add adds a job, once for the same files.
func (ps *pictures) add(j *pictureJob) {
	if ps.seen[j.names[0]] {
		return
	}
	for _, n := range j.names {
		ps.seen[n] = true
	}
	ps.jobs = append(ps.jobs, j)
}

// sourceID names a source file by its path, size and time: what its
// pictures' keys start from.
func sourceID(p string) string {
	st, err := os.Stat(p)
	if err != nil {
		return p
	}
	return fmt.Sprintf("%s %d %d", p, st.Size(), st.ModTime().UnixNano())
}

// hash is a short hash of parts, for keys and file names.
func hash(parts ...any) string {
	sum := sha256.Sum256(fmt.Append(nil, append([]any{picVersion}, parts...)...))
	return hex.EncodeToString(sum[:8])
}

// run makes the files of the jobs that are not current.
func (ps *pictures) run(ctx context.Context) error {
	if err := ps.diags.Err(); err != nil {
		return err
	}
	st := readStamps(ps.dir)
	var todo []*pictureJob
	for _, j := range ps.jobs {
		for _, n := range j.names {
			if !st.current(n, j.key) {
				todo = append(todo, j)
				break
			}
		}
	}
	ps.prune(st)
	if len(todo) == 0 {
		return st.save()
	}
	var reqs []images.Request
	for _, j := range todo {
		for _, n := range j.names {
			delete(st.keys, n)
		}
		reqs = append(reqs, j.reqs...)
	}
	if err := st.save(); err != nil {
		return err
	}
	got := ps.store.Render(ctx, reqs, ps.pos, ps.diags)
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := ps.diags.Err(); err != nil {
		return err
	}
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for _, j := range todo {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			files, err := j.make(got)
			if err != nil {
				return fmt.Errorf("%s: %w", j.names[0], err)
			}
			for i, n := range j.names {
				if err := writeFile(filepath.Join(ps.dir, filepath.FromSlash(n)), files[i]); err != nil {
					return err
				}
			}
			mu.Lock()
			for _, n := range j.names {
				st.keys[n] = j.key
			}
			mu.Unlock()
			return nil
		})
	}
	err := g.Wait()
	if serr := st.save(); err == nil {
		err = serr
	}
	return err
}

// prune forgets the stamps of files no job makes, and removes such files
// from the managed folders.
func (ps *pictures) prune(st *stamps) {
	for n := range st.keys {
		if !ps.seen[n] {
			delete(st.keys, n)
		}
	}
	for _, m := range ps.managed {
		entries, _ := os.ReadDir(filepath.Join(ps.dir, filepath.FromSlash(m)))
		for _, e := range entries {
			n := path.Join(m, e.Name())
			if !e.IsDir() && !ps.seen[n] && !strings.Contains(e.Name(), tmpMark) {
				os.Remove(filepath.Join(ps.dir, filepath.FromSlash(n)))
			}
		}
	}
}

// whole is a request's crop of the whole source.
var whole = [4]int{0, 0, images.Whole, images.Whole}

// fitWidth is a source's size at width w (never wider than the source).
func fitWidth(in *images.Info, w int) (int, int) {
	w = min(w, in.Width)
	return w, max(1, int(math.Round(float64(w)*float64(in.Height)/float64(in.Width))))
}

// focusCrop is the part of a source (millionths of its oriented size)
// that fills a frame of fw×fh around the focal point: the crop the pages,
// the EPUB and the site share.
func focusCrop(sw, sh, fw, fh int, focus [2]float64) [4]int {
	return images.Crop(sw, sh, int64(fw), int64(fh), focus)
}

// photoWidths are the widths a photo is offered at to read online: the
// browser picks by the screen and its density (srcset).
var photoWidths = []int{480, 720, 960}

// rendition is a photo as the site shows it: its files and their sizes.
type rendition struct {
	srcset string
	src    string // the largest
	w, h   int    // the largest's pixels
}

// renditions asks for a photo's renditions at photoWidths (those the
// source is wide enough for) and returns how pages name them, from the
// issue's folder. A photo with transparency stays a PNG (with its alpha),
// never a JPEG on black.
func (ps *pictures) renditions(img *doc.Image) (rendition, bool) {
	in := ps.info(img)
	if in == nil {
		return rendition{}, false
	}
	id := sourceID(img.Path)
	enc, ext := images.JPEG, "jpg"
	if in.Alpha {
		enc, ext = images.PNG, "png"
	}
	var r rendition
	for _, width := range photoWidths {
		w, h := fitWidth(in, width)
		if w <= r.w {
			break
		}
		req := images.Request{Path: img.Path, Crop: whole, W: w, H: h, Encoding: enc, Quality: photoQuality}
		key := hash(id, req)
		name := "img/" + key + "-" + strconv.Itoa(w) + "." + ext
		ps.add(&pictureJob{names: []string{name}, key: key, reqs: []images.Request{req},
			make: func(got map[images.Request]images.Result) ([][]byte, error) { return [][]byte{got[req].Data}, nil }})
		if r.srcset != "" {
			r.srcset += ", "
		}
		r.srcset += fmt.Sprintf("%s %dw", name, w)
		r.src, r.w, r.h = name, w, h
	}
	if !slices.Contains(ps.managed, "img") {
		ps.managed = append(ps.managed, "img")
	}
	return r, true
}

// thumbSide is the side of a photo's square thumbnail in a list of
// contents (twice the 7rem it is shown at, for 2× screens).
const thumbSide = 224

// thumbnail asks for a photo's square thumbnail, cut around its focal
// point, and returns its name from the folder.
func (ps *pictures) thumbnail(f *doc.Figure) (string, bool) {
	in := ps.info(f.Image)
	if in == nil {
		return "", false
	}
	req := images.Request{Path: f.Image.Path, Crop: focusCrop(in.Width, in.Height, 1, 1, f.Focus), W: thumbSide, H: thumbSide, Quality: photoQuality}
	if in.Alpha {
		req.Encoding = images.PNG
	}
	key := hash(sourceID(f.Image.Path), req)
	name := "img/" + key + "-square.jpg"
	if in.Alpha {
		name = "img/" + key + "-square.png"
	}
	ps.add(&pictureJob{names: []string{name}, key: key, reqs: []images.Request{req},
		make: func(got map[images.Request]images.Result) ([][]byte, error) { return [][]byte{got[req].Data}, nil }})
	return name, true
}

// The JPEG qualities of the site's pictures: photos in articles (mobile
// data is dear), covers, and the sharing kit (posted, and compressed
// again by the social sites).
const (
	photoQuality = 75
	coverQuality = 80
	kitQuality   = 88
)
