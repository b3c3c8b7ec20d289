package site

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	_ "image/png" // renditions with transparency
	"strings"

	"github.com/disintegration/imaging"

	"magz/fonts"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/theme"
	"magz/layout/page"
)

// The sharing kit: pictures that carry the magazine where readers are —
// a square card for posts (1080×1080), a story for WhatsApp status,
// Instagram and TikTok (1080×1920), and the picture of a shared link
// (1200×630) — for the issue (its designed cover) and for every article
// (its photo around the focal point, or type alone when it has none).
// Every card names the magazine (its logo or masthead), the issue and
// the site's address, so that whoever sees it can find the magazine.

// cardFormat is a kind of card and its size.
type cardFormat struct {
	Kind string // link, square, story: the end of the file's name
	W, H int
}

var (
	linkCard   = cardFormat{"link", 1200, 630}
	squareCard = cardFormat{"square", 1080, 1080}
	storyCard  = cardFormat{"story", 1080, 1920}
	cardKinds  = []cardFormat{squareCard, storyCard, linkCard}
)

// thumbWidth is the width of a card's thumbnail on the issue page.
const thumbWidth = 270

// cardText is what a card says.
type cardText struct {
	Kicker   string // the section, or the issue
	Headline string
	Deck     string // the standfirst, when there is room
	Address  string // the site's address ("" without a base URL)
	Issue    string // the masthead, the issue and its month
}

// kit makes the cards of one issue.
type kit struct {
	iss   *doc.Issue
	th    theme.Theme
	ts    *typeset
	ps    *pictures
	base  string // the start of the cards' file names: kabar-lembah-12
	cover *doc.Image
}

// kitItem is a subject's cards, named from the issue's folder.
type kitItem struct {
	Title                      string
	Square, Story, Link, Thumb string
}

// cardNames are the files of a subject's cards: slug "" is the issue.
func (k *kit) cardNames(slug string) kitItem {
	name := k.base
	if slug != "" {
		name += "-" + slug
	}
	return kitItem{Square: "share/" + name + "-square.jpg", Story: "share/" + name + "-story.jpg", Link: "share/" + name + "-link.jpg",
		Thumb: "share/thumbs/" + name + "-square.jpg"}
}

// add asks for a subject's three cards (and the square's thumbnail).
// photo is the article's picture (nil: type alone); an issue's cards
// (slug "") show the cover.
func (k *kit) add(slug string, photo *doc.Figure, txt cardText) kitItem {
	item := k.cardNames(slug)
	item.Title = txt.Headline
	names := map[string]string{"square": item.Square, "story": item.Story, "link": item.Link}
	for _, f := range cardKinds {
		k.addCard(f, names[f.Kind], slug == "", photo, txt, item.Thumb)
	}
	return item
}

func (k *kit) addCard(f cardFormat, name string, isIssue bool, photo *doc.Figure, txt cardText, thumb string) {
	lay := layoutOf(f, isIssue, photo != nil && !isIssue)
	var reqs []images.Request
	var photoReq, logoReq, coverReq images.Request
	keyParts := []any{f, txt, k.th.Deep, k.th.Paper, k.th.Highlight, k.th.Tint, k.th.Ink, k.th.Type, lay}
	if lay.Photo != (image.Rectangle{}) && photo != nil {
		in := k.ps.info(photo.Image)
		if in == nil {
			return
		}
		photoReq = images.Request{Path: photo.Image.Path, Crop: focusCrop(in.Width, in.Height, lay.Photo.Dx(), lay.Photo.Dy(), photo.Focus),
			W: lay.Photo.Dx(), H: lay.Photo.Dy(), Quality: 95}
		if in.Alpha {
			photoReq.Encoding = images.PNG
		}
		reqs = append(reqs, photoReq)
		keyParts = append(keyParts, sourceID(photo.Image.Path), photoReq)
	}
	if lay.Cover != (image.Rectangle{}) && k.cover != nil {
		in := k.ps.info(k.cover)
		if in == nil {
			return
		}
		w, h := fitBox(in.Width, in.Height, lay.Cover.Dx(), lay.Cover.Dy())
		coverReq = images.Request{Path: k.cover.Path, Crop: whole, W: w, H: h, Quality: 95}
		reqs = append(reqs, coverReq)
		keyParts = append(keyParts, sourceID(k.cover.Path), coverReq)
	}
	if lay.Strip != (image.Rectangle{}) && k.iss.Logo != nil {
		if in := k.ps.info(k.iss.Logo.Image); in != nil {
			a := logoArea(lay.Strip, lay.Margin)
			w, h := fitBox(in.Width, in.Height, a.Dx(), a.Dy())
			logoReq = images.Request{Path: k.iss.Logo.Image.Path, Crop: whole, W: w, H: h, Encoding: images.PNG}
			reqs = append(reqs, logoReq)
			keyParts = append(keyParts, sourceID(k.iss.Logo.Image.Path), logoReq)
		}
	}
	names := []string{name}
	if thumb != "" && f == squareCard {
		names = append(names, thumb)
	}
	k.ps.add(&pictureJob{names: names, key: hash(keyParts...), reqs: reqs, make: func(got map[images.Request]images.Result) ([][]byte, error) {
		pics := map[string]image.Image{}
		for role, r := range map[string]images.Request{"photo": photoReq, "logo": logoReq, "cover": coverReq} {
			if r.Path == "" {
				continue
			}
			m, _, err := image.Decode(bytes.NewReader(got[r].Data))
			if err != nil {
				return nil, err
			}
			pics[role] = m
		}
		card, err := k.draw(f, lay, txt, pics)
		if err != nil {
			return nil, err
		}
		out := [][]byte{encodeJPEG(card, kitQuality)}
		if len(names) > 1 {
			out = append(out, encodeJPEG(imaging.Resize(card, thumbWidth, 0, imaging.Lanczos), photoQuality))
		}
		return out, nil
	}})
	if !contains(k.ps.managed, "share") {
		k.ps.managed = append(k.ps.managed, "share", "share/thumbs")
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// fitBox is the largest size of a w×h picture inside a bw×bh box.
func fitBox(w, h, bw, bh int) (int, int) {
	if w*bh > h*bw {
		return bw, max(1, (h*bw+w/2)/w)
	}
	return max(1, (w*bh+h/2)/h), bh
}

func encodeJPEG(m image.Image, q int) []byte {
	var buf bytes.Buffer
	jpeg.Encode(&buf, m, &jpeg.Options{Quality: q}) // into memory: cannot fail
	return buf.Bytes()
}

// cardLayout is where a card's parts go. Strip is the paper band with
// the logo or masthead; Photo the article's picture; Cover the issue's
// cover (fitted, centred); Panel the deep-coloured field the text is
// set in; the sizes are the type's, in pixels.
type cardLayout struct {
	Strip, Photo, Cover, Panel image.Rectangle
	Margin, Bottom             int // the panel's margin, and at its foot (a story's screen furniture)
	Kicker, HeadMax, HeadMin   int
	HeadLines, Deck, DeckLines int
	Foot                       int
	Center                     bool // the text in the middle of the panel (cards of type alone)
}

// layoutOf places a card's parts. Stories keep their text clear of the
// top and bottom of the screen, where the apps draw their own controls.
func layoutOf(f cardFormat, isIssue, photo bool) cardLayout {
	W, H := f.W, f.H
	r := image.Rect
	switch {
	case isIssue && f == linkCard:
		return cardLayout{Cover: r(40, 40, 40+412, H-40), Panel: r(0, 0, W, H), Margin: 500, Bottom: 48,
			Kicker: 26, HeadMax: 56, HeadMin: 34, HeadLines: 3, Deck: 26, DeckLines: 4, Foot: 26}
	case isIssue && f == squareCard:
		return cardLayout{Cover: r(0, 56, W, 56+700), Panel: r(0, 0, W, H), Margin: 64, Bottom: 48,
			Kicker: 28, HeadMax: 52, HeadMin: 36, HeadLines: 2, Foot: 28}
	case isIssue:
		return cardLayout{Cover: r(0, 210, W, 210+1060), Panel: r(0, 0, W, H), Margin: 72, Bottom: 260,
			Kicker: 34, HeadMax: 72, HeadMin: 44, HeadLines: 2, Foot: 34}
	case f == linkCard && photo:
		return cardLayout{Photo: r(0, 0, 600, H), Strip: r(600, 0, W, 112), Panel: r(600, 112, W, H), Margin: 44, Bottom: 36,
			Kicker: 24, HeadMax: 50, HeadMin: 32, HeadLines: 5, Foot: 24}
	case f == linkCard:
		return cardLayout{Strip: r(0, 0, W, 112), Panel: r(0, 112, W, H), Margin: 56, Bottom: 40,
			Kicker: 26, HeadMax: 68, HeadMin: 40, HeadLines: 3, Deck: 28, DeckLines: 2, Foot: 26, Center: true}
	case f == squareCard && photo:
		return cardLayout{Strip: r(0, 0, W, 128), Photo: r(0, 128, W, 608), Panel: r(0, 608, W, H), Margin: 60, Bottom: 44,
			Kicker: 28, HeadMax: 68, HeadMin: 40, HeadLines: 3, Foot: 28}
	case f == squareCard:
		return cardLayout{Strip: r(0, 0, W, 128), Panel: r(0, 128, W, H), Margin: 72, Bottom: 56,
			Kicker: 32, HeadMax: 96, HeadMin: 56, HeadLines: 5, Deck: 38, DeckLines: 4, Foot: 30, Center: true}
	case photo:
		return cardLayout{Strip: r(0, 0, W, 250), Photo: r(0, 250, W, 1250), Panel: r(0, 1250, W, H), Margin: 72, Bottom: 250,
			Kicker: 32, HeadMax: 80, HeadMin: 48, HeadLines: 3, Foot: 32}
	}
	return cardLayout{Strip: r(0, 0, W, 250), Panel: r(0, 250, W, H), Margin: 80, Bottom: 260,
		Kicker: 36, HeadMax: 108, HeadMin: 64, HeadLines: 6, Deck: 44, DeckLines: 7, Foot: 34, Center: true}
}

func rgb(c page.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// on picks, of the candidates, the first that reads on bg (contrast of at
// least min), else the last.
func on(bg page.Color, minContrast float64, cands ...page.Color) page.Color {
	for _, c := range cands {
		if theme.Contrast(c, bg) >= minContrast {
			return c
		}
	}
	return cands[len(cands)-1]
}

// draw composes a card.
func (k *kit) draw(f cardFormat, lay cardLayout, txt cardText, pics map[string]image.Image) (*image.RGBA, error) {
	th := k.th
	card := image.NewRGBA(image.Rect(0, 0, f.W, f.H))
	draw.Draw(card, lay.Panel, image.NewUniform(rgb(th.Deep)), image.Point{}, draw.Src)
	if m := pics["photo"]; m != nil {
		draw.Draw(card, lay.Photo, image.NewUniform(rgb(th.Paper)), image.Point{}, draw.Src)
		draw.Draw(card, lay.Photo, m, m.Bounds().Min, draw.Over)
	}
	if m := pics["cover"]; m != nil {
		b := m.Bounds()
		at := image.Pt(lay.Cover.Min.X+(lay.Cover.Dx()-b.Dx())/2, lay.Cover.Min.Y+(lay.Cover.Dy()-b.Dy())/2)
		if lay.Margin > lay.Cover.Max.X { // beside the text: at the left of its box
			at.X = lay.Cover.Min.X
		}
		// a hairline of paper sets the cover off the deep field
		draw.Draw(card, image.Rectangle{at, at.Add(b.Size())}.Inset(-3), image.NewUniform(rgb(th.Paper)), image.Point{}, draw.Src)
		draw.Draw(card, image.Rectangle{at, at.Add(b.Size())}, m, b.Min, draw.Src)
		if lay.Margin < lay.Cover.Max.X { // text below the cover
			lay.Panel.Min.Y = at.Y + b.Dy()
		}
	}
	if lay.Strip != (image.Rectangle{}) {
		if err := k.strip(card, lay.Strip, lay.Margin, pics["logo"]); err != nil {
			return nil, err
		}
	}
	return card, k.panel(card, lay, txt)
}

// logoArea is where the logo or masthead goes in a strip: a story's in
// its lower part, clear of the apps' furniture; the box's height is the
// logo's largest.
func logoArea(strip image.Rectangle, margin int) image.Rectangle {
	a := strip
	if strip.Dy() > 200 {
		a.Min.Y += strip.Dy() * 2 / 5
	}
	pad := a.Dy() * 22 / 100
	return image.Rect(a.Min.X+margin, a.Min.Y+pad, a.Max.X-margin, a.Max.Y-pad)
}

// strip draws the paper band with the logo (over the paper, never on
// black) or the masthead in type.
func (k *kit) strip(card *image.RGBA, r image.Rectangle, margin int, logo image.Image) error {
	th := k.th
	draw.Draw(card, r, image.NewUniform(rgb(th.Paper)), image.Point{}, draw.Src)
	a := logoArea(r, margin)
	if logo != nil {
		b := logo.Bounds()
		y := a.Min.Y + (a.Dy()-b.Dy())/2
		draw.Draw(card, image.Rect(a.Min.X, y, a.Min.X+b.Dx(), y+b.Dy()), logo, b.Min, draw.Over)
		return nil
	}
	face, err := k.ts.face(th.Type.DisplayBlack, a.Dy()*9/10)
	if err != nil {
		return err
	}
	defer face.Close()
	m := face.Metrics()
	base := a.Min.Y + (a.Dy()+m.Ascent.Ceil()-m.Descent.Ceil())/2
	return face.draw(card, rgb(th.Deep), a.Min.X, a.Max.X, base, truncate(k.iss.Magazine, a.Dx(), 1, measurer(face))[0])
}

// panel sets the card's text on the deep field: the kicker, the headline
// (as large as fits, broken by sense), the standfirst when there is
// room, and at the foot the site's address and the issue.
func (k *kit) panel(card *image.RGBA, lay cardLayout, txt cardText) error {
	th := k.th
	p := lay.Panel
	left := p.Min.X + lay.Margin // beside a cover, the margin is where the text starts
	right := p.Max.X - min(lay.Margin, 64)
	width := right - left
	paper := th.Paper
	light := on(th.Deep, 4.5, th.Tint, paper)
	kickerC := on(th.Deep, 4.5, th.Highlight, light)
	faces := map[string]*cardFace{}
	get := func(role string, f fonts.Face, px int) (*cardFace, error) {
		key := fmt.Sprint(role, px)
		if fc, ok := faces[key]; ok {
			return fc, nil
		}
		fc, err := k.ts.face(f, px)
		if err != nil {
			return nil, err
		}
		faces[key] = fc
		return fc, nil
	}
	defer func() {
		for _, f := range faces {
			f.Close()
		}
	}()
	// the foot, from the bottom up
	foot, err := get("foot", th.Type.DisplayBold, lay.Foot)
	if err != nil {
		return err
	}
	small, err := get("small", th.Type.Display, lay.Foot*4/5)
	if err != nil {
		return err
	}
	y := p.Max.Y - lay.Bottom
	issue := truncate(txt.Issue, width, 1, measurer(small))[0]
	if err := small.draw(card, rgb(light), left, right, y, issue); err != nil {
		return err
	}
	y -= lay.Foot * 3 / 2
	if txt.Address != "" {
		if err := foot.draw(card, rgb(paper), left, right, y, txt.Address); err != nil {
			return err
		}
		y -= lay.Foot * 3 / 2
	}
	bottom := y - lay.Foot/2 // the text above stays over this line
	top := p.Min.Y + lay.Margin*4/5
	if lay.Margin > p.Dx()/3 {
		top = p.Min.Y + 64
	}
	// the text block, set first and drawn after: a card of type alone
	// has it in the middle of its field
	type line struct {
		face *cardFace
		c    page.Color
		text string
		step int // from the last baseline
	}
	var block []line
	height := 0
	if txt.Kicker != "" {
		kf, err := get("kicker", th.Type.DisplayBold, lay.Kicker)
		if err != nil {
			return err
		}
		block = append(block, line{kf, kickerC, truncate(strings.ToUpper(txt.Kicker), width, 1, measurer(kf))[0], lay.Kicker})
		height = lay.Kicker * 5 / 3
	}
	// the headline: the largest size at which it fits
	var head *cardFace
	var lines []string
	lead := 0
	for px := lay.HeadMax; px >= lay.HeadMin; px -= 2 {
		f, err := get("head", th.Type.DisplayBlack, px)
		if err != nil {
			return err
		}
		l, ok := breakLines(txt.Headline, width, lay.HeadLines, measurer(f))
		if ok && top+height+len(l)*px*112/100 <= bottom {
			head, lines, lead = f, l, px*112/100
			break
		}
	}
	if head == nil {
		f, err := get("head", th.Type.DisplayBlack, lay.HeadMin)
		if err != nil {
			return err
		}
		head, lead = f, lay.HeadMin*112/100
		lines = truncate(txt.Headline, width, max(1, min(lay.HeadLines, (bottom-top-height)/lead)), measurer(f))
	}
	for i, l := range lines {
		step := lead
		if i == 0 && len(block) > 0 {
			step = lead * 5 / 4 // air between the kicker and the headline
		}
		block = append(block, line{head, paper, l, step})
		height += step
	}
	// the standfirst, when there is room for it
	if lay.Deck > 0 && txt.Deck != "" {
		df, err := get("deck", th.Type.Text, lay.Deck)
		if err != nil {
			return err
		}
		step := lay.Deck * 135 / 100
		room := (bottom - top - height - lay.Deck) / step
		dl, ok := breakLines(txt.Deck, width, min(lay.DeckLines, room), measurer(df))
		if !ok && room > 0 {
			dl = truncate(txt.Deck, width, min(lay.DeckLines, room), measurer(df))
		}
		for i, l := range dl {
			if i == 0 {
				step += lay.Deck / 2
			}
			block = append(block, line{df, light, l, step})
			height += step
			step = lay.Deck * 135 / 100
		}
	}
	if lay.Center {
		top += max(0, (bottom-top-height)/2)
	}
	for _, l := range block {
		top += l.step
		if err := l.face.draw(card, rgb(l.c), left, right, top, l.text); err != nil {
			return err
		}
	}
	return nil
}
