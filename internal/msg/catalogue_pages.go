package msg

// pagesID holds the Indonesian of the messages of the page layout: page budget, planned material, copyfitting, type and breaks.
var pagesID = map[string]string{
	// headlines by rank
	"rank %q is not one of %s":                          "rank %q bukan salah satu dari %s",
	"headlines.%s must be from %d to %d points, got %g": "headlines.%s harus dari %d sampai %d poin, bukan %g",
	"headlines.%s (%s pt) is larger than headlines.%s (%s pt): a rank's headline is never larger than the one above it": "headlines.%s (%s pt) lebih besar daripada headlines.%s (%s pt): judul suatu peringkat tidak boleh lebih besar daripada judul peringkat di atasnya",
	"the headline does not fit its opener in %d lines at its rank's size (%s pt): it is set at %s pt; shorten it":       "judul tidak muat dalam %d baris di halaman pembukanya pada ukuran peringkatnya (%s pt): judul dicetak %s pt; persingkat judulnya",
	"the standfirst does not fit its opener in %d lines at its size (%s pt): it is set at %s pt; shorten it":            "pengantar tidak muat dalam %d baris di halaman pembukanya pada ukurannya (%s pt): pengantar dicetak %s pt; persingkat pengantarnya",
	"headline at %d %% of its rank's size": "judul %d %% dari ukuran peringkatnya",
}
