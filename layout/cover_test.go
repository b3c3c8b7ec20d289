package layout

import (
	"strings"
	"testing"

	"magz/fonts"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/theme"
	"magz/layout/page"
)

// coverIssue is an issue whose cover photo (the page's shape, so that no
// crop can move its subject) has its subject at focus and the lightness
// luma all over; four articles, the third the lead.
func coverIssue(focus [2]float64, luma uint8, layout string, logo bool) *doc.Issue {
	iss := &doc.Issue{Magazine: "Kabar Uji", Number: 3, Language: "id", Title: "Jalan dan Pasar", Trim: doc.Trim{Width: 210000, Height: 280000}}
	iss.Theme = theme.Default()
	iss.Theme.Cover.Layout = layout
	iss.Cover = &doc.Figure{Image: &doc.Image{Path: "/t/cover.jpg", Rel: "images/cover.jpg"}, Alt: "sampul", Credit: "Tim", Focus: focus, HasLuma: true}
	for r := range iss.Cover.Luma {
		for c := range iss.Cover.Luma[r] {
			iss.Cover.Luma[r][c] = luma
		}
	}
	if logo {
		iss.Logo = &doc.Figure{Image: &doc.Image{Path: "/t/logo.png", Rel: "logo.png"}, Alt: "Kabar Uji"}
	}
	for i, t := range []string{"Tajuk Redaksi", "Sekolah Baru di Kampung", "Jalan Baru Membuka Pasar", "Bidan di Kampung"} {
		a := &doc.Article{Slug: t, Title: t, Subtitle: "Catatan singkat tentang " + strings.ToLower(t) + ".", Section: []string{"Tajuk", "Pendidikan", "Laporan", "Kesehatan"}[i], Columns: 2,
			Blocks: []doc.Block{&doc.Paragraph{Spans: []doc.Span{{Text: "Warga kampung berkumpul di balai desa pagi itu."}}}}}
		if i == 2 {
			a.Rank = doc.RankLead
		}
		iss.Articles = append(iss.Articles, a)
	}
	return iss
}

func composeCover(t *testing.T, iss *doc.Issue) (*page.Issue, *Metrics) {
	t.Helper()
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	model, _ := Compose(iss, Options{Metrics: m, ImageSize: func(img *doc.Image) (int, int, bool) {
		if strings.HasSuffix(img.Path, "logo.png") {
			return 900, 240, true
		}
		return 2100, 2800, true
	}, Graphic: func(img *doc.Image) bool { return strings.HasSuffix(img.Path, ".png") }})
	return model, m
}

// TestCoverHierarchy: on both cover layouts the lead story's line (by
// rank) comes first and is set at the lead's size, the others at the
// smaller secondary size.
func TestCoverHierarchy(t *testing.T) {
	th := theme.Default()
	for _, layout := range []string{theme.CoverPhoto, theme.CoverFrame} {
		model, _ := composeCover(t, coverIssue([2]float64{0.5, 0.5}, 128, layout, false))
		sizes := map[string]Length{}
		order := []string{}
		for _, it := range model.Pages[0].Items {
			if tx, ok := it.(*page.Text); ok {
				for _, w := range []string{"Jalan", "Sekolah", "Bidan", "Tajuk"} {
					if strings.HasPrefix(tx.Text, w) && tx.Size > sizes[w] {
						sizes[w] = tx.Size
						order = append(order, w)
					}
				}
			}
		}
		if sizes["Jalan"] != th.Cover.LeadTitle.Size || sizes["Bidan"] != th.Cover.SecondTitle.Size || sizes["Tajuk"] != 0 {
			t.Errorf("%s: cover line sizes %v; want the lead at %v, the others at %v, the editorial none", layout, sizes, th.Cover.LeadTitle.Size, th.Cover.SecondTitle.Size)
		}
		if len(order) == 0 || order[0] != "Jalan" {
			t.Errorf("%s: cover lines in the order %v, want the lead first", layout, order)
		}
	}
}

// TestCoverKeepsSubjectClear: wherever the photo's subject is — high
// beside the masthead, low on the left, low on the right — no shade lies
// over it and no type crosses it; type on a light or dark photo goes
// without a band, in the colour that reads.
func TestCoverKeepsSubjectClear(t *testing.T) {
	cases := []struct {
		name  string
		focus [2]float64
		luma  uint8
		logo  bool
	}{
		{"high right, mid-light photo", [2]float64{0.72, 0.2}, 150, false},
		{"high right, logo", [2]float64{0.72, 0.2}, 150, true},
		{"low left", [2]float64{0.25, 0.8}, 150, false},
		{"low right", [2]float64{0.8, 0.75}, 90, false},
		{"centre, light photo", [2]float64{0.5, 0.45}, 230, false},
	}
	for _, tc := range cases {
		model, m := composeCover(t, coverIssue(tc.focus, tc.luma, theme.CoverPhoto, tc.logo))
		W, H := model.Width, model.Height
		sx, sy := Length(int64(W)*int64(tc.focus[0]*1000)/1000), Length(int64(H)*int64(tc.focus[1]*1000)/1000)
		r := W * 4 / 100 // the subject's core
		for _, it := range model.Pages[0].Items {
			switch it := it.(type) {
			case *page.Rect:
				shade := it.Alpha > 0 || it.Fill == theme.Default().Paper
				if shade && sx > it.X-r && sx < it.X+it.W+r && sy > it.Y-r && sy < it.Y+it.H+r {
					t.Errorf("%s: a shade %v,%v %v×%v lies over the subject at %v,%v", tc.name, it.X, it.Y, it.W, it.H, sx, sy)
				}
			case *page.Text:
				w := m.Width(fonts.Face(it.Face), it.Size, it.Text)
				if sx+r > it.X && sx-r < it.X+w && sy+r > it.Y-it.Size && sy-r < it.Y {
					t.Errorf("%s: %q crosses the subject at %v,%v", tc.name, it.Text, sx, sy)
				}
			}
		}
	}
}

// TestBackCoverLogo: the back cover carries the magazine's logo when it
// has one, and its name in type when not.
func TestBackCoverLogo(t *testing.T) {
	for _, logo := range []bool{true, false} {
		model, _ := composeCover(t, coverIssue([2]float64{0.5, 0.5}, 128, theme.CoverPhoto, logo))
		back := model.Pages[len(model.Pages)-1]
		hasLogo, hasName := false, false
		for _, it := range back.Items {
			switch it := it.(type) {
			case *page.Image:
				hasLogo = hasLogo || it.Name == "logo.png"
			case *page.Text:
				hasName = hasName || strings.Contains(it.Text, "Kabar")
			}
		}
		if hasLogo != logo || hasName == logo {
			t.Errorf("logo %v: the back cover has the logo %v, the name in type %v", logo, hasLogo, hasName)
		}
	}
}

// TestCoverLineTooLong: a title that cannot stand in three cover lines at
// its size is set smaller and warned of, once.
func TestCoverLineTooLong(t *testing.T) {
	iss := coverIssue([2]float64{0.5, 0.3}, 128, theme.CoverPhoto, false)
	iss.Articles[2].Title = strings.Repeat("Jalan panjang menuju pasar kampung yang baru dibuka ", 4)
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	warned := 0
	Compose(iss, Options{Metrics: m, ImageSize: func(*doc.Image) (int, int, bool) { return 2100, 2800, true },
		Warn: func(_ diag.Pos, format string, _ ...any) {
			if strings.Contains(format, "too long for the cover lines") {
				warned++
			}
		}})
	if warned != 1 {
		t.Errorf("warned %d times of the long cover line, want once", warned)
	}
}
