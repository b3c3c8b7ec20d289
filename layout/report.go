package layout

// Report is what the layout tells editors about the issue it composed:
// how each article fills its pages (the copyfit report) and how the
// printed pages are made up (the page budget). It is not part of the page
// model: no edition prints it.
type Report struct {
	Articles []Fit
	Budget   Budget
}

// Fit is how an article fills its pages, measured on the layout.
type Fit struct {
	Path        string // the article's file
	Title       string
	First, Last int // its first and last page, as folios
	Planned     int // pages the flatplan gives it (0: none)
	// Empty is the share of the last page's text area left empty below
	// the article, in thousandths; ShortLines is that room in lines of
	// body text across its columns, and EndLines the lines' worth set on
	// the last page (what to cut to end a page sooner).
	Empty                int
	ShortLines, EndLines int
	WordsPerLine         int // in tenths of a word, measured on the article
	// What copyfitting did: the opener photo's and the figures' height in
	// percent of the design, whether it starts below the article before,
	// and the planned filler set in its last page's room.
	HeroPct, FigsPct int
	RunIn            bool
	Pull             bool // a pull quote from the article was added
	// TitlePct is the headline's size in percent of its rank's: under
	// 100 only when it could not fit its opener otherwise.
	TitlePct int
	Filler   string // the planned filler set in the last page's room
	Followed string // the short item that starts in that room
}
