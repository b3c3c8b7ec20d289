package main

// magazineYAML is the magazine.yaml magz init writes: the name, the
// publisher line, the language, then the house design's values.
const magazineYAML = `# Settings every issue of this magazine shares. An issue's issue.yaml takes
# each key it does not set itself from here, and may set any of them to
# differ (a special issue's trim, another publisher). README.md explains
# every key.
magazine: %s
%s
language: %s        # BCP 47: id (Indonesian) or en (English) labels and hyphenation
trim: 210x280mm     # A4, A5, B5 or WIDTHxHEIGHTmm

# The masthead box, set where an article leaves room (magz writes the
# magazine, issue and publisher there itself; these lines follow):
# colophon:
#   - "Pemimpin redaksi: ..."
#   - "Alamat redaksi: ..."

# How the print edition is printed (ask the printing shop):
print:
  paper: coated     # coated (FOGRA39) or uncoated (FOGRA29)
  # profile: printer.icc             # or the printer's own CMYK profile,
  # condition: ISO Coated v2 (ECI)   # with its printing condition

# The magazine's look. Every value below is the house design: change the
# ones you want, delete the others. Colours are #rrggbb for screens and
# the EPUB, and may add their print form as "cmyk C M Y K" (ink percent).
theme:
  columns: %d          # an article's columns when its header names none
  body_size: %s       # points
  leading: %s         # points: the baseline grid of every column
  margins:            # millimetres
    top: %s
    bottom: %s
    inner: %s
    outer: %s
  gutter: %s           # millimetres between columns
  colours:
    ink: %s       # text
    accent: %s    # section labels, pull quotes, drop caps
    deep: %s     # headlines, rules, the back cover
    muted: %s                         # captions, running heads
    paper: %s                         # the page
    tint: %s          # behind boxes and table heads
    # highlight: "#ffd9b0"            # the issue's theme and sections on the cover
    # sections:                       # a section's own accent
    #   Lingkungan: "#2e6b30"
  # typefaces:                        # bundled: Caladea, Lato; or TrueType files of your own
  #   text: Caladea
  #   display: Lato
  #   display_files: {regular: fonts/X-Regular.ttf, italic: fonts/X-Italic.ttf, bold: fonts/X-Bold.ttf, black: fonts/X-Black.ttf}
  # cover:
  #   layout: photo                   # photo (the photo fills the cover) or frame (type on the paper)
  #   skip_sections: [Tajuk]          # sections given no cover line
  # masthead:
  #   logo: logo.png                  # an image instead of the name in type
  # furniture:
  #   folio: outer                    # outer or centre
  #   running_heads: true
`

// guideID and guideEN are the editors' guide magz init writes, in the
// magazine's language; %s is the magazine's name.
const guideID = `# Panduan redaksi %s

Majalah ini dibuat dengan magz. Setiap edisi adalah satu folder di
` + "`issues/`" + `: ` + "`issue.yaml`" + ` (nomor, tanggal, sampul), artikel dalam
` + "`articles/`" + ` (satu berkas Markdown per artikel) dan foto dalam ` + "`images/`" + `.
Pengaturan yang sama untuk semua edisi (nama, penerbit, ukuran, tampilan)
ada di ` + "`magazine.yaml`" + `.

## Membuat edisi baru

    magz new issue-2          # folder baru dengan nomor berikutnya
    magz check issue-2        # daftar masalah, dengan berkas dan baris
    magz build issue-2        # PDF cetak, PDF layar dan EPUB di dist/issue-2

## Menulis artikel

Setiap artikel diawali kepala singkat:

    ---
    title: Judul artikel
    subtitle: Satu atau dua kalimat pengantar
    author: Nama Penulis
    section: Rubrik
    image: ../images/foto-utama.jpg
    alt: Apa yang tampak di foto, untuk pembaca yang tidak bisa melihat
    credit: Nama Fotografer
    pages: 2                  # opsional: jumlah halaman menurut flatplan
    ---

Lalu teks biasa. Paragraf dipisah baris kosong; ` + "`## Subjudul`" + ` untuk subjudul;
` + "`![keterangan](../images/foto.jpg \"Keterangan | Fotografer\")`" + ` untuk foto.

## Mengisi setiap halaman

Edisi cetak selalu kelipatan empat halaman. Halaman yang tidak terisi
artikel diisi bahan terencana di bagian ` + "`planned:`" + ` pada issue.yaml: iklan dan
iklan layanan masyarakat sebagai gambar (satu halaman, setengah, seperempat),
halaman "Foto Bulan Ini", dan halaman dari Markdown seperti agenda atau surat
pembaca. Edisi pertama sudah memuat contohnya; ganti dengan bahan edisi Anda.

## Sebelum tenggat

` + "`magz check`" + ` memeriksa semuanya: foto yang hilang atau beresolusi rendah,
teks alternatif, kredit foto, dan cara setiap artikel mengisi halamannya
(pengepasan naskah): berapa kata kurang untuk mengisi halaman, atau berapa
kata dipotong agar selesai satu halaman lebih awal, dan anggaran halaman:
apa yang mengisi setiap halaman, dan apa yang perlu ditambah atau dipotong.
`

const guideEN = `# Editors' guide to %s

This magazine is made with magz. Each issue is a folder in ` + "`issues/`" + `:
` + "`issue.yaml`" + ` (number, date, cover), articles in ` + "`articles/`" + ` (one Markdown
file each) and photos in ` + "`images/`" + `. What every issue shares (name,
publisher, size, look) is in ` + "`magazine.yaml`" + `.

## A new issue

    magz new issue-2          # a new folder with the next number
    magz check issue-2        # what to fix, with file and line
    magz build issue-2        # print PDF, screen PDF and EPUB in dist/issue-2

## Writing an article

Each article starts with a short header:

    ---
    title: The headline
    subtitle: A sentence or two to lead in
    author: The Writer
    section: Section
    image: ../images/lead-photo.jpg
    alt: What the photo shows, for readers who cannot see it
    credit: The Photographer
    pages: 2                  # optional: its pages in the flatplan
    ---

Then plain text. Paragraphs are separated by a blank line; ` + "`## Subheading`" + `
for subheadings; ` + "`![caption](../images/photo.jpg \"Caption | Photographer\")`" + `
for photos.

## Filling every page

A printed issue always has a multiple of four pages. The pages articles
leave are filled with the planned material under ` + "`planned:`" + ` in issue.yaml:
ads and public-service notices as pictures (a full, half or quarter page),
the "Photo of the Month" page, and pages from Markdown such as an agenda or
readers' letters. The first issue carries an example of each; replace them
with your issue's own.

## Before the deadline

` + "`magz check`" + ` checks everything: missing or low-resolution photos, alt text,
photo credits, and how each article fills its pages (copyfitting): how
many words short of filling a page, or how many to cut to end a page
sooner, and the page budget: what fills each page, and what to add or cut.
`
