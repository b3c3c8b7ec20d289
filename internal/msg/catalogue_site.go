package msg

// siteID holds the Indonesian of the messages of the website, its feeds and the sharing kit.
var siteID = map[string]string{
	"no cover page to draw": "tidak ada halaman sampul untuk digambar",
	"drawing the cover: %w": "menggambar sampul: %w",
	"Builds the screen PDF and the EPUB of every issue under ./issues that is not a draft\n(draft: true in issue.yaml) as magz build does, with the same photo cache, and writes a\nstatic website: the latest issue and the archive with their designed covers, a page per\nissue and per article, section and author pages, a search that works offline, downloads\nwith their size and SHA-256, a sharing kit of cards for WhatsApp, Instagram and Facebook\n(share/ in each issue's folder), an OPDS catalog for e-book apps, an Atom feed and\nrobots.txt; with --base-url also a sitemap, share links and absolute addresses. It works\nopened from disk and from any static host.\n\nExamples:\n   magz site\n   magz site --base-url https://majalah.example.go.id --out /srv/www": "Membuat PDF layar dan EPUB setiap edisi di ./issues yang bukan draf (draft: true di\nissue.yaml), seperti magz build dengan cache foto yang sama, lalu menulis situs web statis:\nedisi terbaru dan arsip dengan sampulnya, satu halaman per edisi dan per artikel, halaman\nrubrik dan penulis, pencarian yang bekerja tanpa internet, unduhan dengan ukuran dan\nSHA-256, kit berbagi berisi kartu untuk WhatsApp, Instagram, dan Facebook (share/ di folder\nsetiap edisi), katalog OPDS untuk aplikasi e-book, umpan Atom, dan robots.txt; dengan\n--base-url juga sitemap, tautan berbagi, dan alamat mutlak. Situs ini bisa dibuka langsung\ndari disk dan dari hosting statis mana pun.\n\nContoh:\n   magz site\n   magz site --base-url https://majalah.example.go.id --out /srv/www",
	"draft issue":                                         "edisi draf",
	"not a TrueType font with glyf outlines":              "bukan fon TrueType dengan kerangka glyf",
	"the font is damaged (its glyph index is cut short)":  "fon rusak (indeks glifnya terpotong)",
	"the font is damaged (cut short)":                     "fon rusak (terpotong)",
	"the font is damaged (a table lies outside the file)": "fon rusak (ada tabel di luar berkasnya)",
	"%v\nmagz site: %s does not build; fix it, mark it draft: true in its issue.yaml, or move it out of the issues folder": "%v\nmagz site: %s tidak bisa dibuat; perbaiki, tandai draft: true di issue.yaml-nya, atau pindahkan keluar dari folder issues",
	"magz site: every issue is a draft (draft: true in issue.yaml); delete that line from those ready to publish":          "magz site: semua edisi masih draf (draft: true di issue.yaml); hapus baris itu dari edisi yang siap terbit",
	"Left out %s (draft: true in issue.yaml): %s\n":                                                                        "Tidak dimuat: %s (draft: true di issue.yaml): %s\n",
	"no issue to publish: every one is a draft":                                                                            "tidak ada edisi untuk diterbitkan: semuanya draf",
}
