package locale

// The example articles `magz new` writes, one per language.

const exampleID = `---
title: Cara Menulis Artikel untuk Majalah Ini
subtitle: Artikel contoh ini menjelaskan formatnya dengan memakai format itu sendiri. Hapus atau ganti setelah dibaca.
author: Tim Redaksi
section: Panduan
image: ../images/contoh.jpg
alt: Pegunungan berlapis di bawah langit pagi
caption: Foto utama muncul besar di halaman pembuka artikel.
credit: Nama Fotografer
columns: 2
---

Setiap artikel adalah satu berkas teks di folder articles. Bagian paling atas, di antara
dua garis tiga strip, adalah kepala artikel: judul, anak judul, penulis, rubrik, dan foto
utama. Di bawahnya adalah isi artikel, ditulis seperti pesan biasa.

Paragraf dipisahkan oleh satu baris kosong. Tulis *miring* dengan satu bintang dan
**tebal** dengan dua bintang. Tanda kutip "seperti ini" otomatis menjadi tanda kutip
cetak, dan dua strip -- menjadi tanda pisah.

## Subjudul dengan dua tanda pagar

Foto di tengah artikel ditulis dengan tanda seru, teks pengganti di dalam kurung siku,
lalu nama berkas dan keterangan di dalam kurung biasa. Nama fotografer ditulis setelah
garis tegak:

![Pegunungan berlapis di bawah langit pagi](../images/contoh.jpg "Keterangan foto ditulis di sini. | Nama Fotografer")

> [!pull]
> Kutipan yang menarik dicetak besar di tengah halaman.
> — Nama Narasumber

Daftar juga mudah dibuat:

1. tulis artikel,
2. jalankan magz check untuk mencari kesalahan,
3. jalankan magz build untuk membuat PDF cetak, PDF layar, dan EPUB.

Catatan kaki ditulis seperti ini.[^1] Tabel pun bisa:

| Hal | Jumlah |
|:----|------:|
| Artikel | 1 |
| Foto | 1 |

[^1]: Catatan kaki dicetak di akhir artikel.
`

const exampleEN = `---
title: How to Write an Article for This Magazine
subtitle: This example explains the format by using it. Delete or replace it once read.
author: The Editors
section: Guide
image: ../images/contoh.jpg
alt: Layered mountains under a morning sky
caption: The hero photo appears large on the article's opening page.
credit: Photographer's Name
columns: 2
---

Each article is one text file in the articles folder. The top part, between two lines of
three dashes, is the header: title, standfirst, author, section and hero photo. Below it
comes the text, written like an ordinary message.

Paragraphs are separated by a blank line. Write *italics* with one star and **bold** with
two. Quotes "like these" become typographic quotes, and two dashes -- become a dash.

## A subheading starts with two hashes

A photo inside the article is written with an exclamation mark, the alt text in square
brackets, then the file name and the caption in parentheses; the photographer comes after
a vertical bar:

![Layered mountains under a morning sky](../images/contoh.jpg "The caption goes here. | Photographer's Name")

> [!pull]
> A striking quote is set large across the page.
> — Name of the Speaker

Lists are easy:

1. write the articles,
2. run magz check to find problems,
3. run magz build to make the print PDF, the screen PDF and the EPUB.

Footnotes look like this.[^1]

[^1]: Footnotes are printed at the end of the article.
`
