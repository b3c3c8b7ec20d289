package msg

// inputID holds the Indonesian of the messages of what editors write: Markdown, YAML, scripts and fonts.
var inputID = map[string]string{
	// Markdown links
	"link without an address: its words are kept as plain text; write the address between the ( ) after them": "tautan tanpa alamat: kata-katanya dipertahankan sebagai teks biasa; tulis alamatnya di antara ( ) sesudahnya",
	// YAML: every key of every file, mistakes repaired to read on
	"the value of %s has a colon followed by a space, which YAML reads as a new key: put the value in quotes: %s: %s": "nilai %s memuat titik dua yang diikuti spasi, yang dibaca YAML sebagai kunci baru: beri tanda kutip pada nilainya: %s: %s",
	"key %q is written twice (also on line %d): keep one of them":                                                     "kunci %q ditulis dua kali (juga di baris %d): pertahankan salah satunya",
	"%s has no value: YAML reads %q as a comment; put it in quotes: %s: %s":                                           "%s tidak punya nilai: YAML membaca %q sebagai komentar; beri tanda kutip: %s: %s",
	"YAML reads %q as a comment and leaves it out of %s; if it belongs to the value, put the value in quotes: %s: %s": "YAML membaca %q sebagai komentar dan tidak memasukkannya ke %s; bila itu bagian dari nilainya, beri tanda kutip pada nilainya: %s: %s",
	"%s must be a list (lines starting with -), not %s":                                                               "%s harus berupa daftar (baris yang diawali -), bukan %s",
	"%s must be keys with values (key: value), not %s":                                                                "%s harus berupa kunci dengan nilai (kunci: nilai), bukan %s",
	"the header starts with %q instead of three dashes: make its first line ---":                                      "kepala artikel diawali %q, bukan tiga tanda hubung: jadikan baris pertamanya ---",
	"the header ends with %q instead of three dashes: make this line ---":                                             "kepala artikel diakhiri %q, bukan tiga tanda hubung: jadikan baris ini ---",
	"the file": "berkas ini",

	// draft issues, and the magazine's name in two files
	"This issue is a draft (draft: true in issue.yaml): the website leaves it out until you delete that line.\n":              "Edisi ini masih draf (draft: true di issue.yaml): situs web tidak memuatnya sampai baris itu Anda hapus.\n",
	"%s is %q in %s and %q in %s; the issue is built with %q: remove it from %s to use the magazine's, or make them the same": "%s bernilai %q di %s dan %q di %s; edisi ini dibuat dengan %q: hapus dari %s untuk memakai milik majalah, atau samakan keduanya",

	// Markdown read as meant, or told
	"footnote [^%s] has no note; did you mean [^%s]? (the note [^%s] is not referred to)":                "catatan kaki [^%s] tidak punya catatan; maksud Anda [^%s]? (catatan [^%s] tidak dirujuk)",
	"footnote [^%s] has no note: write it on a line of its own, such as \"[^%s]: the note's text\"":      "catatan kaki [^%s] tidak punya catatan: tulis catatannya di baris tersendiri, misalnya \"[^%s]: isi catatan\"",
	"the note [^%s] is not referred to, so it is left out: put [^%s] in the text where the note belongs": "catatan [^%s] tidak dirujuk, jadi tidak dimuat: taruh [^%s] di dalam teks tempat catatan itu berada",
	"unknown callout [!%s]; did you mean [!%s]?":                                                         "callout [!%s] tidak dikenal; maksud Anda [!%s]?",
	"unknown callout [!%s]: magz sets [!pull] (a pull quote); for a plain quote, leave the marker out":   "callout [!%s] tidak dikenal: magz memakai [!pull] (kutipan tarik); untuk kutipan biasa, hapus penandanya",
	"a list":           "daftar",
	"keys with values": "kunci dengan nilai",

	// PDF/UA-1: the screen PDF's claim
	"problem": "masalah",
	"The screen PDF does not claim PDF/UA-1 (accessible PDF) because of %s; fix them and build again:\n": "PDF layar tidak mengklaim PDF/UA-1 (PDF yang aksesibel) karena %s; perbaiki lalu buat ulang:\n",
	"The screen PDF would not claim PDF/UA-1 (accessible PDF) because of %s:\n":                          "PDF layar tidak akan mengklaim PDF/UA-1 (PDF yang aksesibel) karena %s:\n",
	"character %q (U+%04X) cannot be set: no font has it":                                                "karakter %q (U+%04X) tidak dapat dicetak: tidak ada fon yang memilikinya",
}
