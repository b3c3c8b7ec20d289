package msg

// printID holds the Indonesian of the messages of the print edition: colour separation, ink, the printer's sheet, imposition.
var printID = map[string]string{
	// the plan of the print edition
	"photo %s is %d ppi where it is placed in the print edition (%d×%d mm), under the %d ppi a print shop accepts; use a larger photo, place it smaller, or lower print: min_ppi: on purpose": "foto %s hanya %d ppi di tempatnya pada edisi cetak (%d×%d mm), di bawah %d ppi yang diterima percetakan; pakai foto yang lebih besar, pasang lebih kecil, atau turunkan print: min_ppi: dengan sengaja",
	"the print profile cannot separate photos: %w": "profil cetak tidak dapat memisahkan warna foto: %w",
	// print: settings
	"colour %q is not cmyk or rgb (rgb only when the printer separates photos in the RIP)": "colour %q bukan cmyk atau rgb (rgb hanya bila percetakan memisahkan warna foto di RIP)",
	"min_ppi must be from %d to %d, got %d":                                                "min_ppi harus antara %d dan %d, tertulis %d",
	"weight is the paper's grammage, from 40 to 400 g/m², got %g":                          "weight adalah gramatur kertas, antara 40 dan 400 g/m², tertulis %g",
	"quantity must be at least 1, got %d":                                                  "quantity paling sedikit 1, tertulis %d",
	"thickness is one sheet's, in millimetres, from 0.03 to 0.6, got %g":                   "thickness adalah tebal selembar kertas dalam milimeter, antara 0,03 dan 0,6, tertulis %g",
	"sheet %q is not SRA3, SRA4, A3, B3, A4 or WIDTHxHEIGHTmm (for example 320x450mm)":     "sheet %q bukan SRA3, SRA4, A3, B3, A4 atau LEBARxTINGGImm (misalnya 320x450mm)",
	// the image stage's separation
	"the output profile: %w":                                     "profil keluaran: %w",
	"the output profile is for %s, not CMYK":                     "profil keluaran untuk %s, bukan CMYK",
	"the sRGB profile: %w":                                       "profil sRGB: %w",
	"a rendition in inks without a press":                        "versi gambar dalam tinta cetak tanpa kondisi cetak",
	"a CMYK picture of %d×%d pixels cannot be enlarged to %d×%d": "gambar CMYK %d×%d piksel tidak dapat diperbesar menjadi %d×%d",
	// formats for the print shop
	"what to build, a comma `LIST` of print, screen, epub (the default: all three) and, for the print shop, booklet, spreads, softproof": "apa yang dibuat, `DAFTAR` dengan koma dari print, screen, epub (bawaan: ketiganya) dan, untuk percetakan, booklet, spreads, softproof",
	"unknown format %q; use print, screen, epub, booklet, spreads or softproof, separated by commas":                                     "format %q tidak dikenal; gunakan print, screen, epub, booklet, spreads, atau softproof, dipisah koma",
	"no format given; use print, screen, epub, booklet, spreads or softproof, separated by commas":                                       "tidak ada format; gunakan print, screen, epub, booklet, spreads, atau softproof, dipisah koma",
	"the soft proof: %w": "cetak coba layar: %w",
	"no pages to impose": "tidak ada halaman untuk diimposisi",
	"two pages of %s × %s mm with bleed and marks need a sheet of %s × %s mm; the sheet is %s × %s mm": "dua halaman %s × %s mm dengan bleed dan tanda potong perlu lembar cetak %s × %s mm; lembarnya %s × %s mm",
	"softproof": "cetak coba",
	"  %-9s %s/ (page-NN.png: the pages as the press prints them)\n": "  %-9s %s/ (page-NN.png: halaman seperti yang dicetak mesin cetak)\n",
	// logos drawn as vectors (SVG)
	"is not a drawing magz can print: %v":        "bukan gambar vektor yang dapat dicetak magz: %v",
	"%q is not a number":                         "%q bukan angka",
	"path data %q does not start with a command": "data path %q tidak diawali perintah",
	"numbers after a close (z) in path data":     "ada angka sesudah penutup (z) dalam data path",
	"an arc (A in path data), which magz does not draw: save the logo with arcs as curves (in Inkscape, Path → Object to Path)": "ada busur (A dalam data path), yang tidak digambar magz: simpan logo dengan busur sebagai kurva (di Inkscape, Path → Object to Path)",
	"path data does not start with a move":                                                      "data path tidak diawali perpindahan (M)",
	"a rectangle with round corners: save it as a path":                                         "persegi panjang bersudut bulat: simpan sebagai path",
	"a fill of a gradient or pattern (%s): magz draws flat colours":                             "isian gradasi atau pola (%s): magz menggambar warna rata",
	"fill %q is not a colour magz reads (#rrggbb, #rgb, rgb(r, g, b), or black, white, …)":      "isian %q bukan warna yang dibaca magz (#rrggbb, #rgb, rgb(r, g, b), atau black, white, …)",
	"transform %q is not read":                                                                  "transform %q tidak terbaca",
	"transform %s(…) is not one magz reads (matrix, translate, scale, rotate by quarter turns)": "transform %s(…) tidak dibaca magz (matrix, translate, scale, rotate kelipatan seperempat putaran)",
	"not readable SVG: %v":                                                                      "SVG tidak terbaca: %v",
	"not an SVG drawing (it starts with <%s>)":                                                  "bukan gambar SVG (diawali <%s>)",
	"more than %d shapes: not a logo":                                                           "lebih dari %d bentuk: bukan logo",
	"not an SVG drawing":                                                                        "bukan gambar SVG",
	"the drawing has no filled shape":                                                           "gambar tidak punya bentuk berisi warna",
	"viewBox %q is not four numbers with a size":                                                "viewBox %q bukan empat angka dengan ukuran",
	"the drawing has no viewBox and no width and height":                                        "gambar tidak punya viewBox, lebar, dan tinggi",
	"%q is not a length in user units":                                                          "%q bukan panjang dalam satuan gambar",
	"%s %q is not a number":                                                                     "%s %q bukan angka",
	"a stroke, which magz does not draw: convert strokes to outlines (Object → Path → Stroke to Path in Inkscape)": "ada garis tepi (stroke), yang tidak digambar magz: ubah garis menjadi bentuk (Object → Path → Stroke to Path di Inkscape)",
	"magz draws only filled shapes in a logo: save text as outlines, and pictures, gradients and clones as shapes": "magz hanya menggambar bentuk berisi warna dalam logo: simpan teks sebagai bentuk, dan gambar, gradasi, serta klon sebagai bentuk",
	"the number %g is out of range": "angka %g di luar jangkauan",
}
