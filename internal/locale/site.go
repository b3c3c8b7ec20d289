package locale

// SiteLabels are the words of the website (magz site) beyond those the
// editions share (Labels): navigation, search, sharing.
type SiteLabels struct {
	OGLocale string // Open Graph's locale: id_ID, en_US
	Skip     string // the link that skips to the page's content
	Menu     string // the name of the site's navigation
	Home     string
	// Search: the page, its field's label and hint, what the page says
	// without its script, the count of matches ("%d" is the number).
	Search, SearchLabel, SearchHint, SearchNoScript, Matches string
	AllArticles                                              string
	Sections, Authors                                        string // the lists of sections and of authors
	Section, Author                                          string // before a section's, an author's name as a heading
	Published                                                string // before an article's date
	Previous, Next                                           string
	And                                                      string // between the last two names of a byline
	// Sharing: the links' heading, e-mail's name, the kit's kinds of
	// picture (their sizes follow), and its note to the office.
	ShareOn, Email, LinkPicture, SquareCard, StoryCard, KitNote string
	Table                                                       string // a scrolling table's name
	CoverOf                                                     string // the cover picture's alternative text, before the issue
	DownloadIssue                                               string // the downloads on an article's page
	ReadOnline                                                  string // the articles of an issue
}

var siteIndonesian = SiteLabels{
	OGLocale: "id_ID", Skip: "Langsung ke isi", Menu: "Navigasi situs", Home: "Beranda",
	Search: "Cari", SearchLabel: "Cari artikel di semua edisi", SearchHint: "Ketik kata dari judul, penulis, rubrik, atau isi artikel.",
	SearchNoScript: "Pencarian memerlukan JavaScript; daftar di bawah memuat semua artikel.", Matches: "%d artikel ditemukan",
	AllArticles: "Semua artikel", Sections: "Rubrik", Authors: "Penulis", Section: "Rubrik", Author: "Tulisan",
	Published: "Terbit", Previous: "Sebelumnya", Next: "Berikutnya", And: "dan",
	ShareOn: "Bagikan", Email: "E-mail", LinkPicture: "Gambar tautan", SquareCard: "Kartu persegi", StoryCard: "Story",
	KitNote: "Gambar siap unggah untuk WhatsApp, Instagram, Facebook, dan X: kartu persegi untuk unggahan, story untuk status dan story, gambar tautan untuk pratinjau tautan.",
	Table:   "Tabel", CoverOf: "Sampul", DownloadIssue: "Unduh edisi ini", ReadOnline: "Baca di situs",
}

var siteEnglish = SiteLabels{
	OGLocale: "en_US", Skip: "Skip to content", Menu: "Site navigation", Home: "Home",
	Search: "Search", SearchLabel: "Search articles in every issue", SearchHint: "Type words from a title, an author, a section or an article's text.",
	SearchNoScript: "Search needs JavaScript; the list below has every article.", Matches: "%d articles found",
	AllArticles: "All articles", Sections: "Sections", Authors: "Authors", Section: "Section", Author: "Articles by",
	Published: "Published", Previous: "Previous", Next: "Next", And: "and",
	ShareOn: "Share", Email: "E-mail", LinkPicture: "Link picture", SquareCard: "Square card", StoryCard: "Story",
	KitNote: "Pictures ready to post on WhatsApp, Instagram, Facebook and X: square cards for posts, stories for statuses and stories, link pictures for link previews.",
	Table:   "Table", CoverOf: "Cover of", DownloadIssue: "Download this issue", ReadOnline: "Read online",
}

// Site returns the website's words for a language tag.
func Site(tag string) SiteLabels {
	if For(tag).Tag == "id" {
		return siteIndonesian
	}
	return siteEnglish
}
