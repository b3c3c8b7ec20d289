package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"

	"github.com/disintegration/imaging"

	"magz/internal/doc"
	"magz/internal/epub"
)

// photoWidths are the widths a photo is offered at to read online: the
// browser picks by the screen (srcset), a phone the smaller.
var photoWidths = []int{480, 960}

// imgAttrs are a photo's attributes online: the largest rendition, all of
// them for the browser to choose from, the column's width, the size (so
// the page does not jump as it loads), and lazy loading when asked.
const imgAttrs = `src="%s" srcset="%s" sizes="(min-width: 40rem) 40rem, 100vw" width="%d" height="%d"%s decoding="async"`

// renditionName is a rendition's file: the photo's key and its width.
const renditionName = "img/%s-%d.jpg"

// articlePage is an article to read online.
type articlePage struct {
	Article    *doc.Article
	Href       string // from the issue's folder
	Body       template.HTML
	Image      string // the picture of a shared link to it (made with the sharing kit)
	Prev, Next *articlePage
}

// writeArticles writes an issue's articles as pages of their own, with
// their photos at the widths of photoWidths.
func writeArticles(out string, p *issuePage, ph *photos) error {
	dir := filepath.Join(out, p.Name)
	var err error
	pages := make([]*articlePage, len(p.Articles))
	for i, a := range p.Articles {
		ap := &articlePage{Article: a, Href: a.Slug + ".html"}
		first := true
		picture := func(f *doc.Figure) string {
			srcset, src, w, h, e := renditions(dir, f.Image, ph)
			if e != nil && err == nil {
				err = e
			}
			lazy := ` loading="lazy"`
			if first {
				lazy = "" // the opening photo is seen at once
			}
			first = false
			return fmt.Sprintf(imgAttrs, src, srcset, w, h, lazy)
		}
		ap.Body = template.HTML(epub.Body(p.Issue, a, picture))
		pages[i] = ap
	}
	for i, ap := range pages {
		if i > 0 {
			ap.Prev = pages[i-1]
		}
		if i+1 < len(pages) {
			ap.Next = pages[i+1]
		}
	}
	p.Pages = pages
	return err
}

// renditions makes a photo's web renditions (once: their names come from
// the file and its time, so an unchanged photo is not made again) and
// returns the srcset, the largest's name and its pixel size.
func renditions(dir string, img *doc.Image, ph *photos) (srcset, src string, w, h int, err error) {
	st, err := os.Stat(img.Path)
	if err != nil {
		return "", "", 0, 0, err
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "%s %d %d", img.Path, st.Size(), st.ModTime().UnixNano()))
	key := hex.EncodeToString(sum[:6])
	var im image.Image // decoded when a rendition is missing
	for i, width := range photoWidths {
		name := fmt.Sprintf(renditionName, key, width)
		path := filepath.Join(dir, filepath.FromSlash(name))
		if _, err := os.Stat(path); err != nil {
			if im == nil {
				if im, err = ph.open(img.Path); err != nil {
					return "", "", 0, 0, err
				}
			}
			if err := saveJPEG(path, imaging.Resize(im, min(width, im.Bounds().Dx()), 0, imaging.Lanczos), photoQuality); err != nil {
				return "", "", 0, 0, err
			}
		}
		f, err := os.Open(path)
		if err != nil {
			return "", "", 0, 0, err
		}
		cfg, err := jpeg.DecodeConfig(f)
		f.Close()
		if err != nil {
			return "", "", 0, 0, err
		}
		w, h = cfg.Width, cfg.Height
		if i > 0 {
			srcset += ", "
		}
		srcset += fmt.Sprintf("%s %dw", name, w)
		src = name
	}
	return srcset, src, w, h, nil
}
