package layout

import (
	"fmt"
	"strings"
	"time"
)

// labels are the words magz prints itself, in the issue's language.
type labels struct {
	Contents, Notes, NotesPage, By, Issue, Photo, Publisher, Continued string
	Months                                                             [12]string
}

var labelsByLang = map[string]labels{
	"id": {Contents: "Daftar Isi", Notes: "Catatan", NotesPage: "Catatan", By: "Oleh", Issue: "Edisi",
		Photo: "Foto", Publisher: "Diterbitkan oleh",
		Months: [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}},
	"en": {Contents: "Contents", Notes: "Notes", NotesPage: "Notes", By: "By", Issue: "Issue",
		Photo: "Photo", Publisher: "Published by",
		Months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}},
}

func labelsFor(lang string) labels {
	base := strings.ToLower(lang)
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	if l, ok := labelsByLang[base]; ok {
		return l
	}
	if base == "ms" {
		return labelsByLang["id"]
	}
	return labelsByLang["en"]
}

func (l labels) date(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), l.Months[t.Month()-1], t.Year())
}

func (l labels) monthYear(t time.Time) string {
	return fmt.Sprintf("%s %d", l.Months[t.Month()-1], t.Year())
}
