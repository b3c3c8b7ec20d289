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
pages: 3
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

![Pantai dan laut biru di bawah langit cerah](../images/contoh-2.jpg "Keterangan foto ditulis di sini. | Nama Fotografer")

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
| Foto | 2 |

## Setiap halaman terisi

Majalah cetak selalu terdiri atas kelipatan empat halaman. magz menghitung berapa halaman
yang dibutuhkan artikel, lalu mengisi sisanya dengan bahan terencana yang ditulis di bagian
planned: pada issue.yaml: iklan dan iklan layanan masyarakat sebagai gambar (satu halaman,
setengah, atau seperempat), satu halaman foto, dan halaman dari berkas Markdown seperti
agenda atau surat pembaca.

Edisi contoh ini memakai tiga di antaranya. Iklan layanan masyarakat satu halaman adalah
gambar images/contoh-iklan.png. Halaman "Foto Bulan Ini" memuat foto
images/foto-bulan-ini.jpg dengan keterangan dan nama fotografernya. Halaman agenda ditulis
di planned/agenda.md, sama seperti artikel, hanya tanpa foto utama. Ganti ketiganya dengan
bahan edisi Anda, atau hapus dari issue.yaml bila tidak diperlukan.

Jalankan magz check kapan saja. Perintah itu menyebutkan anggaran halaman: berapa halaman
untuk sampul dan daftar isi, berapa untuk artikel, berapa untuk bahan terencana, dan berapa
yang masih kosong. Bila ada yang kosong, magz menyarankan apa yang dapat ditambah atau
dipotong. Halaman bergaris untuk catatan hanya dicetak bila diminta.

## Foto yang baik untuk dicetak

Foto untuk majalah cetak sebaiknya besar: paling sedikit 2.000 piksel pada sisi
panjangnya untuk foto selebar halaman. Foto yang terlalu kecil dicetak lebih kecil, dan
ditolak bila kurang dari 150 piksel per inci. Setiap foto perlu teks pengganti untuk
pembaca tunanetra dan nama fotografernya. Bila subjek foto tidak di tengah, magz
mencarinya sendiri sebelum memotong foto; titiknya juga dapat ditulis dengan focus: di
kepala artikel.

## Rubrik, peringkat, dan halaman pembuka

Kepala artikel dapat menyebut peringkatnya dengan rank: lead untuk laporan utama, feature
untuk tulisan panjang, short untuk tulisan pendek, dan brief untuk berita singkat. Ukuran
judul mengikuti peringkat itu, bukan panjang judulnya, dan laporan utama memimpin sampul.
Halaman pembuka dipilih sesuai jenis tulisan dan fotonya; bila ingin yang lain, tulis
opener: dengan salah satu rancangan yang disebut di README.md. Dengan pages: Anda dapat
memesan jumlah halaman sebuah artikel, seperti artikel ini yang memesan tiga halaman, dan
magz akan mengatur foto dan kutipan agar artikel berakhir di halaman itu.

## Memeriksa dan membuat edisi

Perintah magz check membaca semua berkas edisi sekaligus dan menyebutkan setiap kesalahan
dengan nama berkas dan nomor barisnya, dalam bahasa Indonesia bila komputer Anda memakai
bahasa Indonesia. Perbaiki kesalahannya, lalu jalankan lagi sampai tidak ada yang tersisa.

Perintah magz build membuat tiga berkas di folder dist: PDF cetak untuk percetakan,
lengkap dengan lembar keterangan untuk petugas cetak, PDF layar untuk dibaca dan dibagikan,
serta EPUB untuk aplikasi buku elektronik. Setelah edisi siap, hapus baris draft: true
dari issue.yaml, lalu jalankan magz site untuk menerbitkan semua edisi di situs web
majalah, lengkap dengan gambar untuk dibagikan di media sosial.

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
pages: 3
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

![A beach and blue sea under a clear sky](../images/contoh-2.jpg "The caption goes here. | Photographer's Name")

> [!pull]
> A striking quote is set large across the page.
> — Name of the Speaker

Lists are easy:

1. write the articles,
2. run magz check to find problems,
3. run magz build to make the print PDF, the screen PDF and the EPUB.

Footnotes look like this.[^1] Tables too:

| Item | Count |
|:-----|------:|
| Articles | 1 |
| Photos | 2 |

## Every page filled

A printed magazine always has a multiple of four pages. magz works out how many pages the
articles need, then fills the rest with the planned material written under planned: in
issue.yaml: advertisements and public-service notices as pictures (a full, half or quarter
page), a photo page, and pages from Markdown files such as an agenda or readers' letters.

This example issue uses three of them. The full-page public-service notice is the picture
images/contoh-iklan.png. The "Photo of the Month" page shows images/foto-bulan-ini.jpg with
its caption and photographer. The agenda page is written in planned/agenda.md, like an
article but without a hero photo. Replace all three with your issue's own material, or
remove them from issue.yaml when you do not need them.

Run magz check at any time. It states the page budget: how many pages go to the covers and
contents, how many to articles, how many to planned material, and how many are still
empty. When some are, magz suggests what to add or cut. Ruled pages for notes are printed
only when asked for.

## Photos that print well

Photos for a printed magazine should be large: at least 2,000 pixels on the long side for
a photo across the page. A photo that is too small is printed smaller, and refused below
150 pixels per inch. Every photo needs alt text for blind readers and its photographer's
name. When a photo's subject is not in the middle, magz finds it before cropping; you can
also write the point with focus: in the article's header.

## Sections, rank and opening pages

The header may give the article's rank with rank: lead for the main report, feature for a
long piece, short for a short one and brief for a news item. Headlines are sized by that
rank, not by their length, and the lead story leads the cover. The opening page is chosen
by the kind of article and its photo; for another, write opener: with one of the designs
README.md names. With pages: you can ask for an article's number of pages, as this one
asks for three, and magz arranges its photos and quotes so that it ends on that page.

## Checking and building the issue

The command magz check reads every file of the issue at once and names each mistake with
the file and its line number, in Indonesian when your computer uses Indonesian. Fix them
and run it again until none are left.

The command magz build makes three files in the dist folder: the print PDF for the printer,
with a sheet of details for the print shop, the screen PDF to read and share, and the EPUB
for e-book apps. When the issue is ready, delete the line draft: true from issue.yaml, then
run magz site to publish every issue on the magazine's website, with pictures to share on
social media.

[^1]: Footnotes are printed at the end of the article.
`

// The example agenda page `magz new` writes (planned/agenda.md): a page of
// planned material from Markdown.
const agendaID = `---
title: Agenda Bulan Ini
subtitle: Halaman contoh dari planned/agenda.md. Ganti dengan kegiatan bulan depan, atau hapus dari issue.yaml.
section: Agenda
columns: 2
---

## Kesehatan

**Setiap tanggal 10.** Posyandu di setiap kampung: timbang bayi, vitamin A,
imunisasi dan pemeriksaan ibu hamil. Tulis tanggalnya dengan huruf tebal,
lalu kegiatannya dalam satu atau dua kalimat.

**Tanggal dan jam.** Tempat kegiatan, siapa yang dapat datang, dan apa yang
perlu dibawa. Pembaca menyimpan halaman ini, jadi tulislah selengkap
mungkin.

## Pendidikan

**Tanggal.** Pembagian rapor, pendaftaran sekolah, atau kelas membaca di
perpustakaan keliling, dengan nama sekolah dan kampungnya.

**Tanggal dan jam.** Pelatihan guru atau lomba membaca antarsekolah: tempat,
siapa yang mendaftarkan peserta, dan sampai kapan pendaftaran dibuka.

## Budaya dan pasar

**Tanggal.** Pasar, festival atau lomba, dengan tempat dan jamnya. Bila ada
biaya masuk atau pendaftaran, sebutkan jumlahnya.

**Tanggal.** Ibadah dan perayaan bersama di kampung: gereja atau tempatnya,
jam mulai, dan siapa yang dapat dihubungi.

## Layanan warga

**Setiap hari kerja.** Layanan kantor distrik dan syaratnya: surat yang
perlu dibawa, jam buka, dan nomor yang bisa dihubungi.

**Sampai tanggal.** Pendaftaran bantuan atau program pemerintah: siapa yang
dapat mendaftar, di mana formulirnya, dan kapan batas akhirnya.

**Tanggal.** Hari libur dan jam kantor yang berubah. Sebutkan layanan yang
tetap buka: puskesmas, pemadam kebakaran, dan nomor darurat 112.

Ingin kegiatan kampung Anda dimuat di agenda? Kirim nama kegiatan, tanggal,
tempat dan nomor yang bisa dihubungi ke alamat redaksi.
`

const agendaEN = `---
title: This Month's Agenda
subtitle: An example page from planned/agenda.md. Replace it with next month's events, or remove it from issue.yaml.
section: Agenda
columns: 2
---

## Health

**Every 10th of the month.** Health post in every village: babies weighed,
vitamin A, vaccinations and antenatal checks. Write the date in bold, then
the event in a sentence or two.

**Date and time.** Where it takes place, who may come, and what to bring.
Readers keep this page, so write it in full.

## Schools

**Date.** Report cards, enrolment, or reading classes in the mobile library,
with the names of the schools and villages.

**Date and time.** Teacher training or a reading contest between schools:
the place, who enters the pupils, and until when entries are open.

## Culture and markets

**Date.** Markets, festivals or contests, with their place and hours. If
there is an entry fee, say how much.

**Date.** Services and celebrations held together in the village: the
church or place, the starting time, and whom to ask.

## Public services

**Every working day.** The district office's services and what they need:
the papers to bring, opening hours, and a number to call.

**Until the date.** Applications for aid or government programmes: who may
apply, where the forms are, and the closing date.

**Date.** Holidays and changed office hours. Name the services that stay
open: the clinic, the fire brigade, and the emergency number 112.

Want your village's event in the agenda? Send its name, date, place and a
contact number to the editors' address.
`
