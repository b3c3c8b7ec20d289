package synth

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"
)

// IssueSpec describes a synthetic issue for benchmarks.
type IssueSpec struct {
	Articles      int // articles (12 in the standard benchmark)
	Photos        int // photos in all (30)
	Width, Height int // pixels of each photo (4000×3000)
	Words         int // words per article
	Seed          int64
	// Planned adds planned material (issue.yaml planned:): ads and notices
	// of each size, a photo page and an agenda, for the page budget.
	Planned bool
}

// StandardIssue is the benchmark issue of the photo pipeline: 12 articles
// and 30 camera-sized photos.
var StandardIssue = IssueSpec{Articles: 12, Photos: 30, Width: 4000, Height: 3000, Words: 700, Seed: 1}

// LayoutIssue is the standard issue with planned material: the long issue
// the page layout is measured on.
var LayoutIssue = IssueSpec{Articles: 12, Photos: 30, Width: 4000, Height: 3000, Words: 700, Seed: 1, Planned: true}

var vocab = strings.Fields(`dan yang di ke dari untuk dengan pada dalam itu ini juga tidak akan sudah masih
pembangunan masyarakat kabupaten pendidikan kesehatan pemerintah kampung distrik jalan pasar perahu danau
nelayan anak sekolah guru puskesmas kebun kopi sayur ubi sagu hutan gunung lembah sungai pantai warga
kepala petani pedagang harga ongkos angkutan perjalanan pekerjaan keluarga perempuan bahasa budaya noken
honai gereja pemuda pelatihan pemeliharaan perbaikan kegiatan program anggaran rencana keputusan
pertemuan musyawarah bantuan layanan kader posyandu bidan dokter perawat listrik sinyal internet
membawa menjual membeli menunggu mendengar melihat berbicara bertanya menjawab menjelaskan belajar
mengajar bekerja berjalan berangkat pulang datang tinggal membangun memperbaiki merawat menanam memanen`)

// Text returns n words of Indonesian-looking prose, in sentences.
func Text(rng *rand.Rand, n int) string {
	var b strings.Builder
	start := true
	for i := 0; i < n; i++ {
		w := vocab[rng.Intn(len(vocab))]
		if start {
			w = strings.ToUpper(w[:1]) + w[1:]
			start = false
		}
		b.WriteString(w)
		switch {
		case i == n-1:
			b.WriteString(".")
		case rng.Intn(12) == 0:
			b.WriteString(". ")
			start = true
		case rng.Intn(9) == 0:
			b.WriteString(", ")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

// WriteIssue writes a synthetic issue folder. Photos already present with
// the right name are kept, so a second run only rewrites the text.
func WriteIssue(dir string, spec IssueSpec) error {
	rng := rand.New(rand.NewSource(spec.Seed))
	if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "images"), 0o755); err != nil {
		return err
	}
	yaml := "magazine: Kabar Uji Kinerja\ntitle: Edisi Tolok Ukur\nnumber: 99\ndate: 2026-11-01\nlanguage: id\n" +
		"publisher: Tim magz\ncover:\n  image: images/photo-01.jpg\n  alt: Bukit berlapis di bawah langit\n  credit: Generator magz\n"
	if spec.Planned {
		if err := writePlanned(dir, rng); err != nil {
			return err
		}
		yaml += plannedYAML()
	}
	if err := os.WriteFile(filepath.Join(dir, "issue.yaml"), []byte(yaml), 0o644); err != nil {
		return err
	}
	// Photos: generated in parallel, once.
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for i := 0; i < spec.Photos; i++ {
		name := filepath.Join(dir, "images", fmt.Sprintf("photo-%02d.jpg", i+1))
		if _, err := os.Stat(name); err == nil {
			continue
		}
		g.Go(func() error {
			// Grain like a camera sensor's makes files of camera size (about
			// 4 MB) that decode as slowly as real photos.
			img := Photo(Scene(i%5), spec.Width, spec.Height, spec.Seed*100+int64(i), 30)
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
				return err
			}
			return os.WriteFile(name, buf.Bytes(), 0o644)
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	// Articles: photos dealt out in turn; the first photo of each article
	// is its hero.
	photo := 1
	for a := 0; a < spec.Articles; a++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\nauthor: Penulis %d\nsection: Rubrik %d\n", strings.TrimSuffix(Text(rng, 5), "."), a+1, a%4+1)
		n := spec.Photos / spec.Articles
		if a < spec.Photos%spec.Articles {
			n++
		}
		if n > 0 {
			fmt.Fprintf(&b, "image: ../images/photo-%02d.jpg\nalt: %s\ncaption: %s\ncredit: Generator\n", photo, Text(rng, 6), Text(rng, 8))
			photo++
			n--
		}
		b.WriteString("---\n\n")
		paras := spec.Words / 90
		for p := 0; p < paras; p++ {
			b.WriteString(Text(rng, 90) + "\n\n")
			if p == paras/2 {
				b.WriteString("## " + strings.TrimSuffix(Text(rng, 3), ".") + "\n\n")
			}
			if n > 0 && p%2 == 1 {
				fmt.Fprintf(&b, "![%s](../images/photo-%02d.jpg \"%s | Generator\")\n\n", Text(rng, 4), photo, Text(rng, 10))
				photo++
				n--
			}
		}
		for n > 0 {
			fmt.Fprintf(&b, "![foto](../images/photo-%02d.jpg)\n\n", photo)
			photo++
			n--
		}
		if err := os.WriteFile(filepath.Join(dir, "articles", fmt.Sprintf("%02d-artikel.md", a+1)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
