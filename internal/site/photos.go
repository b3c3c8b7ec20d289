package site

import (
	"image"
	"sync"

	"github.com/disintegration/imaging"
)

// photos decodes each photo once for all the pictures made of it while
// an issue is published (cover, thumbnails, renditions, cards), and
// forgets them when the issue is done.
type photos struct {
	mu   sync.Mutex
	seen map[string]image.Image
}

func (p *photos) open(path string) (image.Image, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if im, ok := p.seen[path]; ok {
		return im, nil
	}
	im, err := imaging.Open(path, imaging.AutoOrientation(true))
	if err != nil {
		return nil, err
	}
	if p.seen == nil {
		p.seen = map[string]image.Image{}
	}
	p.seen[path] = im
	return im, nil
}
