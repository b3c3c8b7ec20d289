package theme

import "strings"

// Design is the design of an article's opener. An article's header may
// name it (opener:), a magazine's theme the one its photo stories take
// first (theme: opener: design:); otherwise the layout chooses by the
// article's kind and photo, and never gives two articles in a row the
// same.
type Design int

const (
	DesignAuto     Design = iota // chosen by the layout
	DesignTop                    // the photo across the top, the headline under it
	DesignBeside                 // the photo beside the headline, off the outer edge
	DesignPortrait               // a tall portrait beside the headline and a quote: interviews
	DesignFull                   // the photo fills the page, the headline over its calm part
	DesignType                   // no photo: the headline on the paper
	DesignBand                   // no photo: the headline on a band of colour
)

// DesignNames are the names of the designs, as a header or a theme
// writes them.
func DesignNames() []string {
	return []string{"top", "beside", "portrait", "full", "type", "band"}
}

// ParseDesign reads a design's name.
func ParseDesign(name string) (Design, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for i, n := range DesignNames() {
		if n == name {
			return Design(i + 1), true
		}
	}
	return DesignAuto, false
}

// String is the design's name ("" when the layout chooses).
func (d Design) String() string {
	if d < DesignTop || int(d) > len(DesignNames()) {
		return ""
	}
	return DesignNames()[d-1]
}

// Photo tells whether the design shows the opener's photo.
func (d Design) Photo() bool { return d >= DesignTop && d <= DesignFull }
