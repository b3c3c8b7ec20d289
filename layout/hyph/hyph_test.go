package hyph

import (
	"strings"
	"testing"

	"magz/internal/locale"
)

// syllables lists Indonesian words with their breaks as PUEBI describes
// them (syllables, and morpheme boundaries of prefixes and confixes), and
// as this hyphenator must find them. Words that cannot be broken keeping
// two letters each side (akhir, anak) appear unbroken.
const syllables = `
	ma-kan mi-num ru-mah se-ko-lah kam-pung ma-sya-ra-kat pem-ba-ngun-an pe-me-rin-tah ka-bu-pa-ten
	dis-trik pen-di-dik-an ke-se-hat-an pus-kes-mas po-syan-du pa-sar pe-da-gang pe-ta-ni ne-la-yan
	pe-ra-hu da-nau gu-nung lem-bah hu-tan su-ngai ja-lan jem-ba-tan ken-da-ra-an ang-ku-tan
	per-ja-lan-an pe-ker-ja-an peng-ha-sil-an ke-lu-ar-ga anak pe-rem-pu-an laki-laki orang tua gu-ru
	mu-rid pe-la-jar-an ba-ha-sa In-do-ne-sia mem-ba-ca me-nu-lis ber-hi-tung pe-nge-ta-hu-an
	ke-bu-da-ya-an tra-di-si upa-ca-ra ta-ri-an nya-nyi-an la-gu mu-sik no-ken ho-nai pi-nang sa-gu
	ubi pe-ta-tas ko-pi sa-yur bu-ah pe-pa-ya ka-cang la-bu ikan da-ging ayam ba-bi be-ras gu-la
	ga-ram mi-nyak ben-sin se-men ka-yu ba-tu ta-nah air hu-jan angin ma-ta-ha-ri bu-lan bin-tang
	la-ngit pa-gi si-ang so-re ma-lam ming-gu ta-hun ha-ri wak-tu se-ka-rang ke-ma-rin be-sok nan-ti
	se-la-lu ka-dang se-ring ja-rang ba-nyak se-di-kit se-mua be-be-ra-pa se-ti-ap masing-masing
	ber-sa-ma sen-di-ri te-tang-ga te-man sau-da-ra ba-pak ibu ka-kak adik ne-nek ka-kek cu-cu mer-tua
	me-nan-tu su-a-mi is-tri pe-mu-da pe-mu-di re-ma-ja de-wa-sa lan-sia ba-li-ta ba-yi ke-la-hir-an
	ke-ma-ti-an per-ni-kah-an per-ce-rai-an pe-ra-ya-an pes-ta syu-ku-ran iba-dah ge-re-ja mas-jid
	pen-de-ta pas-tor imam je-ma-at ke-bak-ti-an doa nya-nyi me-nya-nyi ber-nya-nyi pe-nya-nyi
	meng-am-bil mem-be-ri me-ne-ri-ma mem-be-li men-ju-al me-min-jam me-ngem-ba-li-kan me-ngi-rim
	me-nung-gu men-de-ngar me-li-hat ber-bi-ca-ra ber-ta-nya men-ja-wab men-je-las-kan me-ma-ha-mi
	me-nger-ti be-la-jar meng-a-jar peng-a-jar pe-la-tih-an pe-me-li-ha-ra-an per-baik-an
	pem-ber-sih-an pe-na-nam-an pe-ma-nen-an peng-o-lah-an pe-ma-sar-an ke-u-ang-an per-bank-an
	ko-pe-ra-si ta-bu-ngan pin-ja-man bu-nga har-ga ong-kos bi-a-ya ang-ga-ran pro-gram ke-gi-at-an
	ren-ca-na ke-pu-tus-an per-te-mu-an mu-sya-wa-rah khu-sus akhir akhir-nya sya-rat
	ma-sya-ra-kat-nya nya-muk nya-man bang-krut in-stru-men ul-tra in-fra-struk-tur trans-por-ta-si
	eks-tra struk-tur sis-tem kon-trak lis-trik elek-tro-nik te-le-pon in-ter-net kom-pu-ter
	ap-li-ka-si in-for-ma-si ko-mu-ni-ka-si do-ku-men ad-mi-nis-tra-si ke-pen-du-duk-an ser-ti-fi-kat
	ban-tu-an so-si-al be-a-sis-wa ma-ha-sis-wa uni-ver-si-tas fa-kul-tas ju-ru-san sar-ja-na pan-tai
	ker-bau sau-da-ra ha-ri-mau pu-lau sungai-sungai am-boi sur-vei main daun ba-ca-kan bu-at-nya
	tu-li-san-nya di-ker-ja-kan di-ta-nya-kan di-per-bai-ki mem-per-bai-ki di-per-ta-han-kan
	pe-re-ko-no-mi-an ke-ma-sya-ra-kat-an per-tang-gung-ja-wab-an ber-a-khir ber-a-da ber-a-sal
	ber-u-bah ter-a-khir per-u-bah-an be-ra-ni be-ras te-rang pe-rang pe-la-yan pe-la-yan-an pa-kai-an
	per-ce-rai-an ke-ku-at-an pen-di-dik-an ta-bu-ngan pe-man-dang-an meng-am-bil meng-a-jar
	peng-a-jar meng-i-ku-ti me-ngi-rim meng-an-tar pe-ngan-tin peng-a-lam-an meng-u-bah meng-ung-si
	peng-ung-si peng-o-lah-an me-nger-ti meng-e-nal
`

func TestIndonesianWords(t *testing.T) {
	h := For(locale.For("id").Hyphenation)
	words := strings.Fields(syllables)
	if len(words) < 200 {
		t.Fatalf("only %d words in the list", len(words))
	}
	for _, want := range words {
		word := want
		if !strings.Contains(want, "-") || isReduplication(want) {
			// keep as is
		} else {
			word = strings.ReplaceAll(want, "-", "")
		}
		if got := Hyphenate(h, word); got != want {
			t.Errorf("Hyphenate(%q) = %q, want %q", word, got, want)
		}
	}
}

// isReduplication tells the words written with a hyphen of their own.
func isReduplication(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	return ok && a == b
}

func TestRules(t *testing.T) {
	h := For(locale.For("id").Hyphenation)
	for _, c := range []struct{ word, want string }{
		{"anak-anak", "anak-anak"},      // breaks only at its own hyphen
		{"DPRD", "DPRD"},                // acronyms stay whole
		{"Jayapura", "Ja-ya-pu-ra"},     // a capital first letter is fine
		{"COVID19", "COVID19"},          // digits: never
		{"ubi", "ubi"},                  // two letters each side at least
		{"kafé", "kafé"},                // non-ASCII letters: left alone
		{"nyanyian", "nya-nyi-an"},      // ny is one consonant
		{"khusus", "khu-sus"},           // kh is one consonant
		{"masyarakat", "ma-sya-ra-kat"}, // sy is one consonant
		{"pantai", "pan-tai"},           // diphthong ai kept
		{"kerbau", "ker-bau"},           // diphthong au kept
		{"survei", "sur-vei"},           // diphthong ei kept
		{"amboi", "am-boi"},             // diphthong oi kept
		{"instrumen", "in-stru-men"},    // VC-CCV
		{"bangkrut", "bang-krut"},       // ng counts as one consonant
		{"bantu", "ban-tu"},             // VC-CV
		{"saat", "sa-at"},               // V-V
	} {
		if got := Hyphenate(h, c.word); got != c.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

func TestPreferredBreaks(t *testing.T) {
	h := For(locale.For("id").Hyphenation)
	pref := map[string]int{}
	for _, b := range h.Breaks("berjalan") {
		if b.Preferred {
			pref["berjalan"] = b.Pos
		}
	}
	if pref["berjalan"] != 3 {
		t.Errorf("ber-jalan: want the prefix break preferred, got %v", h.Breaks("berjalan"))
	}
	var sufx bool
	for _, b := range h.Breaks("bacakan") {
		if b.Pos == 4 && b.Preferred {
			sufx = true
		}
	}
	if !sufx {
		t.Errorf("baca-kan: want the suffix break preferred, got %v", h.Breaks("bacakan"))
	}
}

func TestEnglishNeverWrong(t *testing.T) {
	h := For(locale.For("en-GB").Hyphenation)
	for _, w := range []string{"information", "government", "photograph", "table", "hyphenation"} {
		if b := h.Breaks(w); len(b) != 0 {
			t.Errorf("English %q: got breaks %v; only explicit hyphens may break", w, b)
		}
	}
	if got := Hyphenate(h, "well-known"); got != "well-known" {
		t.Errorf("got %q", got)
	}
	if b := h.Breaks("well-known"); len(b) != 1 || !b[0].Explicit || b[0].Pos != 5 {
		t.Errorf("well-known: got %v, want one explicit break after the hyphen", b)
	}
}
