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
	"a pull quote from its text":           "kutipan dari teksnya ditampilkan besar",
	// planned material
	"an ad's size must be one of %s, got %q":   "ukuran iklan harus salah satu dari %s, bukan %q",
	"ad":                                       "iklan",
	"add alt: under the ad":                    "tambahkan alt: di bawah iklannya",
	"photo page":                               "halaman foto",
	"add alt: under photo:":                    "tambahkan alt: di bawah photo:",
	"page %q is outside the issue folder":      "halaman %q berada di luar folder edisi",
	"notes_pages must be from 0 to %d, got %d": "notes_pages harus dari 0 sampai %d, bukan %d",
	// the page budget
	"%d of covers and contents": "%d sampul dan daftar isi",
	"%d of articles":            "%d artikel",
	"notice page":               "halaman iklan layanan masyarakat",
	"ad page":                   "halaman iklan",
	"%d pages: %s":              "%d halaman: %s",
	"half-page ad":              "iklan setengah halaman",
	"quarter-page ad":           "iklan seperempat halaman",
	"text panel":                "kotak teks",
	"; on article pages %s":     "; di halaman artikel %s",
	"; %d spare":                "; %d sisa",
	"Page budget:":              "Anggaran halaman:",
	"  %s printed as ruled notes pages for want of material: add planned material (a full-page ad or notice, a photo page, a page from Markdown; see planned: in README.md) or cut %s.\n": "  %s dicetak sebagai halaman catatan bergaris karena bahan kurang: tambahkan bahan terencana (iklan atau pengumuman satu halaman, halaman foto, halaman dari Markdown; lihat planned: di README.md) atau kurangi %s.\n",
	"  Not printed, as no page needed them: %s.\n":                                                     "  Tidak dicetak karena tidak ada halaman yang memerlukannya: %s.\n",
	"  To print %d pages: cut %s of articles (about %d words).\n":                                      "  Untuk mencetak %d halaman: kurangi artikel %s (sekitar %d kata).\n",
	"  To print %d pages: leave out %s of planned material and cut %s of articles (about %d words).\n": "  Untuk mencetak %d halaman: tinggalkan %s bahan terencana dan kurangi artikel %s (sekitar %d kata).\n",
	"  To print %d pages: leave out %s of planned material.\n":                                         "  Untuk mencetak %d halaman: tinggalkan %s bahan terencana.\n",
	"%s printed as ruled notes pages for want of material: add planned material (a full-page ad or notice, a photo page, a page from Markdown) or cut as many pages; magz check shows the page budget": "%s dicetak sebagai halaman catatan bergaris karena bahan kurang: tambahkan bahan terencana (iklan atau pengumuman satu halaman, halaman foto, halaman dari Markdown) atau kurangi halaman sebanyak itu; magz check menampilkan anggaran halamannya",
	// ads' preflight
	"full-page ad %s has no bleed: it is made to the trim; make it %d×%d mm with %d mm more on every side (%d×%d pixels at 300 ppi)": "iklan satu halaman %s tidak memiliki bleed: dibuat seukuran potongan halaman; buat %d×%d mm dengan tambahan %d mm di setiap sisi (%d×%d piksel pada 300 ppi)",
	"ad %s (%s) is %d×%d pixels, not the shape of its slot: make it %d×%d mm (%d×%d pixels at 300 ppi)":                              "iklan %s (%s) berukuran %d×%d piksel, tidak sesuai bentuk tempatnya: buat %d×%d mm (%d×%d piksel pada 300 ppi)",
	"a full page":    "satu halaman penuh",
	"half a page":    "setengah halaman",
	"a quarter page": "seperempat halaman",
}
