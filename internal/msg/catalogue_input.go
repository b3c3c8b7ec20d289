package msg

// inputID holds the Indonesian of the messages of what editors write: Markdown, YAML, scripts and fonts.
var inputID = map[string]string{
	// PDF/UA-1: the screen PDF's claim
	"problem": "masalah",
	"The screen PDF does not claim PDF/UA-1 (accessible PDF) because of %s; fix them and build again:\n": "PDF layar tidak mengklaim PDF/UA-1 (PDF yang aksesibel) karena %s; perbaiki lalu buat ulang:\n",
	"The screen PDF would not claim PDF/UA-1 (accessible PDF) because of %s:\n":                          "PDF layar tidak akan mengklaim PDF/UA-1 (PDF yang aksesibel) karena %s:\n",
	"character %q (U+%04X) cannot be set: no font has it":                                                "karakter %q (U+%04X) tidak dapat dicetak: tidak ada fon yang memilikinya",
}
