// Package locale is magz's one table of languages: the words magz prints
// itself in every edition, which hyphenation rules apply, and what
// `magz new` writes for a new issue. A language tag is matched the same way
// everywhere because only this package matches it: by its primary subtag,
// ignoring case ("id", "id-ID", "ID_id" are Indonesian); Malay ("ms") reads
// as Indonesian; any other tag gets English words and no hyphenation
// beyond the hyphens already in the text.
package locale

import (
	"fmt"
	"strings"
	"time"
)

// Hyphenation names the rules that break words at line ends.
type Hyphenation int

const (
	// ExplicitHyphens breaks words only after hyphens already in them.
	ExplicitHyphens Hyphenation = iota
	// PUEBI breaks Indonesian and Malay words by syllable, as PUEBI
	// (the Indonesian spelling rules) describes.
	PUEBI
)

// Locale is what magz knows of one language.
type Locale struct {
	Tag         string // the primary subtag magz matched: "id" or "en"
	Hyphenation Hyphenation
	Labels      Labels
	// Magazine is the placeholder masthead name `magz new` writes when
	// there is no issue to copy settings from.
	Magazine string
	// Example is the example article `magz new` writes: it explains the
	// format in the format itself. ExampleTitle is its title.
	Example, ExampleTitle string
	// Agenda is the example agenda page `magz new` writes (planned
	// material from Markdown); AgendaTitle is its title.
	Agenda, AgendaTitle string
	// NoticeTitle names the example notice `magz new` paints.
	NoticeTitle string
	// Credit is the placeholder `magz new` writes for a photographer.
	Credit string
}

// Labels are the words magz prints itself.
type Labels struct {
	Contents  string // the contents page and the EPUB's navigation
	Notes     string // the notes heading at the end of an article
	NotesPage string // the planned blank pages that pad a print edition
	By        string // before an author's name
	Issue     string // before the issue number
	Photo     string // before a photo credit
	Publisher string // before the publisher's name
	Cover     string // the EPUB's cover landmark
	Landmarks string // the EPUB's landmarks navigation
	Colophon  string // the masthead box: who makes the magazine
	// BackToNote, followed by a note's number, names the link from the
	// note back to where the text refers to it.
	BackToNote string
	// PhotoPage heads the photo page; Notice and Advert name planned
	// material to readers (and label a notice in print).
	PhotoPage, Notice, Advert string
	// The website (magz site): the latest issue, the archive, the
	// downloads and their kinds.
	Latest, Archive, Download, ScreenPDF, EPUB, Checksum string
	Share                                                string // the sharing kit: pictures for posts
	PrintPDF                                             string // the print edition, offered to print shops
	Months                                               [12]string
}

// Date writes t as "20 November 2026".
func (l Labels) Date(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), l.Months[t.Month()-1], t.Year())
}

// MonthYear writes t as "November 2026".
func (l Labels) MonthYear(t time.Time) string {
	return fmt.Sprintf("%s %d", l.Months[t.Month()-1], t.Year())
}

var indonesian = Locale{
	Tag:         "id",
	Hyphenation: PUEBI,
	Labels: Labels{Contents: "Daftar Isi", Notes: "Catatan", NotesPage: "Catatan", By: "Oleh", Issue: "Edisi",
		Photo: "Foto", Publisher: "Diterbitkan oleh", Cover: "Sampul", Landmarks: "Penanda", Colophon: "Redaksi", BackToNote: "Kembali ke catatan",
		PhotoPage: "Foto Bulan Ini", Notice: "Iklan Layanan Masyarakat", Advert: "Iklan",
		Latest: "Edisi terbaru", Archive: "Semua edisi", Download: "Unduh", ScreenPDF: "PDF untuk dibaca di layar", EPUB: "EPUB untuk aplikasi e-book", Checksum: "SHA-256", Share: "Gambar untuk dibagikan (WhatsApp, Instagram, Facebook)", PrintPDF: "PDF untuk dicetak (PDF/X-4, besar)",
		Months: [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}},
	Magazine:     "Nama Majalah",
	Example:      exampleID,
	ExampleTitle: "Cara Menulis Artikel untuk Majalah Ini",
	Agenda:       agendaID,
	AgendaTitle:  "Agenda Bulan Ini",
	NoticeTitle:  "Contoh Iklan Layanan Masyarakat",
	Credit:       "Nama Fotografer",
}

var english = Locale{
	Tag:         "en",
	Hyphenation: ExplicitHyphens,
	Labels: Labels{Contents: "Contents", Notes: "Notes", NotesPage: "Notes", By: "By", Issue: "Issue",
		Photo: "Photo", Publisher: "Published by", Cover: "Cover", Landmarks: "Landmarks", Colophon: "Masthead", BackToNote: "Back to note",
		PhotoPage: "Photo of the Month", Notice: "Public Service Notice", Advert: "Advertisement",
		Latest: "Latest issue", Archive: "All issues", Download: "Download", ScreenPDF: "PDF to read on screen", EPUB: "EPUB for e-book apps", Checksum: "SHA-256", Share: "Pictures to share (WhatsApp, Instagram, Facebook)", PrintPDF: "PDF for print (PDF/X-4, large)",
		Months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}},
	Magazine:     "Magazine Name",
	Example:      exampleEN,
	ExampleTitle: "How to Write an Article for This Magazine",
	Agenda:       agendaEN,
	AgendaTitle:  "This Month's Agenda",
	NoticeTitle:  "Example Public Service Notice",
	Credit:       "Photographer's Name",
}

// DefaultTag is the language of an issue that names none.
const DefaultTag = "id"

// For returns the locale of a BCP 47 language tag.
func For(tag string) Locale {
	switch Primary(tag) {
	case "id", "ms":
		return indonesian
	}
	return english
}

// Primary returns the primary language subtag of tag, in lower case.
func Primary(tag string) string {
	base := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	return base
}

// ExamplePage tells whether s is the title of the example agenda page
// `magz new` writes, in any language.
func ExamplePage(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && (s == indonesian.AgendaTitle || s == english.AgendaTitle)
}

// Placeholder tells whether s is one of the placeholders `magz new` writes
// (in any language) and an editor is to replace: a magazine name, a
// photographer, the example article's, agenda page's or notice's title.
func Placeholder(s string) bool {
	s = strings.TrimSpace(s)
	for _, l := range []Locale{indonesian, english} {
		if s != "" && (s == l.Magazine || s == l.Credit || s == l.ExampleTitle || s == l.AgendaTitle || s == l.NoticeTitle) {
			return true
		}
	}
	return false
}
