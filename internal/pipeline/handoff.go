package pipeline

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"magz/fonts"
	"magz/layout/page"
	"magz/layout/pdf"
)

// saddleStitchMax is the most pages a saddle-stitched magazine usually has;
// thicker issues are perfect bound.
const saddleStitchMax = 64

// HandoffName returns the file name of the printer's hand-off sheet.
func HandoffName(issueName string) string { return issueName + "-print.txt" }

// writeHandoff writes the hand-off sheet for the printer beside the print
// edition: what the file is, how it is to be printed and how to check it
// arrived whole. The file's checksum is taken on the other processor while
// the file is inspected: both read it as it was written.
func (w *editionWriter) writeHandoff(outDir string, print written) (written, error) {
	file, release, err := readBack(print.tmp)
	if err != nil {
		return written{}, fmt.Errorf("reading the print edition back: %w", err)
	}
	type summed struct {
		sum [sha256.Size]byte
		err error
	}
	summing := make(chan summed, 1)
	go func() {
		sum, err := fileSum(print.tmp)
		summing <- summed{sum, err}
	}()
	rep, err := pdf.Inspect(file)
	release()
	s := <-summing
	if err = errors.Join(err, s.err); err != nil {
		return written{}, fmt.Errorf("reading the print edition back: %w", err)
	}
	var b bytes.Buffer
	w.handoff(&b, print, s.sum, w.plan.press, rep)
	name := HandoffName(w.iss.Name)
	tmp, size, err := writeTemp(outDir, name, func(wr io.Writer) error {
		_, err := wr.Write(b.Bytes())
		return err
	})
	if err == nil {
		if err = syncFile(tmp); err != nil {
			os.Remove(tmp)
		}
	}
	if err != nil {
		return written{}, fmt.Errorf("writing the hand-off sheet: %w", err)
	}
	return written{f: Print, dst: filepath.Join(outDir, name), tmp: tmp, size: int64(size)}, nil
}

// fileSum is the SHA-256 of the file at path. It is read, not mapped as
// the inspection maps it: the pictures the inspection skips would count
// in the build's memory.
func fileSum(path string) ([sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	f, err := os.Open(path)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyBuffer(h, f, make([]byte, 1<<20)); err != nil {
		return sum, err
	}
	h.Sum(sum[:0])
	return sum, nil
}

// handoff writes the sheet. What it says of the colours, the type and
// the pictures is measured on the file (rep) and on the pictures' own
// bytes, not taken from what magz meant to write.
func (w *editionWriter) handoff(out io.Writer, print written, sum [sha256.Size]byte, pr press, rep pdf.InkReport) {
	m := w.model
	mm := func(l page.Length) string {
		return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", float64(l)/float64(page.MM)), "0"), ".")
	}
	fmt.Fprintf(out, "%s %d: print edition\nHand-off sheet for the printer, written by %s\n\n", w.iss.Magazine, w.iss.Number, w.creator)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	row := func(k, format string, args ...any) { fmt.Fprintf(tw, "%s\t%s\n", k, fmt.Sprintf(format, args...)) }
	row("File", "%s", filepath.Base(print.dst))
	row("SHA-256", "%x", sum)
	row("Size", "%.1f MB", float64(print.size)/1e6)
	row("Standard", "PDF/X-4 (ISO 15930-7), output profile embedded")
	cond := pr.intent.Identifier
	if pr.intent.Identifier == "Custom" {
		cond = "the printer's own profile"
	}
	row("Printing condition", "%s: %s", cond, pr.intent.Condition)
	row("Trim size", "%s × %s mm", mm(m.Width), mm(m.Height))
	row("Bleed", "%s mm on every edge; crop marks in registration colour outside the bleed", mm(m.Bleed))
	n := len(m.Pages)
	binding := fmt.Sprintf("saddle stitch (%d sheets, folded and nested)", n/4)
	if n%4 != 0 || n > saddleStitchMax {
		binding = "perfect binding"
	}
	row("Pages", "%d, cover included: %s", n, binding)
	pics := fmt.Sprintf("%d pictures in CMYK, %d greyscale in black ink alone, %d with a soft mask",
		rep.Images["DeviceCMYK"], rep.Images["DeviceGray"], rep.Masked)
	if pr.inks != nil {
		row("Colour", "CMYK, photos separated by magz through the output profile (perceptual): %s", pics)
		row("Total ink", "at most %s in the pictures and %d %% in text, rules and fills, as measured on the file; the printing condition allows %d %%",
			percent(w.photoMaxInk()), rep.MostInk, pr.inkLimit)
	} else {
		row("Colour", "CMYK for text, rules and fills; %d photos in sRGB (print: colour: rgb), for the RIP to separate with the output profile; %s",
			rep.Images["DeviceRGB"]+rep.Images["ICCBased"], pics)
		row("Total ink", "%d %% at most in text, rules and fills, as measured on the file; photos as the RIP separates them (the profile's tables put down at most %d %%)",
			rep.MostInk, pr.inkLimit)
	}
	small := "each in black ink alone or in one process ink with black"
	if rep.SmallMulti > 0 {
		small = fmt.Sprintf("%d of them in more than one ink besides black", rep.SmallMulti)
	}
	row("Type", "%d text runs, %d in black ink alone; %d under 12 pt, %s", rep.Texts, rep.BlackTexts, rep.SmallTexts, small)
	thin := "in black ink alone or one process ink with black"
	if rep.ThinMulti > 0 {
		thin = fmt.Sprintf("%d of them in more than one ink besides black", rep.ThinMulti)
	}
	row("Rules", "%d under 0.5 pt, %s", rep.ThinRules, thin)
	row("Overprint", "%d of %d text runs and rules in solid black overprint; everything else knocks out", rep.Overprinted, rep.SolidBlack)
	reversed := "all at 9 pt or more, or bold"
	if rep.ReversedSmall > 0 {
		reversed = fmt.Sprintf("%d of them under 9 pt and not bold", rep.ReversedSmall)
	}
	row("Reversed type", "%d light text runs on four-colour areas, %s", rep.Reversed, reversed)
	row("Fonts", "%s; all embedded", strings.Join(fontsUsed(m), ", "))
	if w.plan.lowestPhoto != "" {
		row("Photos", "lowest effective resolution %d ppi (%s); 300 ppi is best", w.plan.lowestPPI, w.plan.lowestPhoto)
	}
	w.job(row)
	tw.Flush()
}

// job adds the print shop's job details (print: in the settings).
func (w *editionWriter) job(row func(k, format string, args ...any)) {
	j := w.iss.Print.Job
	if j.Stock != "" || j.Weight > 0 {
		paper := j.Stock
		if j.Weight > 0 {
			paper = strings.TrimSpace(fmt.Sprintf("%s, %d g/m²", paper, j.Weight))
			paper = strings.TrimPrefix(paper, ", ")
		}
		row("Paper", "%s (%s)", paper, w.iss.Print.Paper)
	}
	if j.Quantity > 0 {
		row("Quantity", "%d copies", j.Quantity)
	}
	for _, kv := range [][2]string{{"Inks", j.Colours}, {"Binding", j.Binding}, {"Contact", j.Contact}, {"Delivery", j.Delivery}} {
		if kv[1] != "" {
			row(kv[0], "%s", kv[1])
		}
	}
}

// photoMaxInk is the most ink any pixel of the print edition's pictures
// puts down, in tenths of a percent, as each was measured on its JPEG.
func (w *editionWriter) photoMaxInk() int {
	most := 0
	for _, req := range w.plan.print {
		most = max(most, w.done[req].MaxInk)
	}
	return most
}

// percent writes tenths of a percent.
func percent(tenths int) string { return fmt.Sprintf("%d.%d %%", tenths/10, tenths%10) }

// fontsUsed names the faces the pages are set in, as the PDF names them
// (a magazine's own face by its file's name, never the path on the
// machine that built it).
func fontsUsed(m *page.Issue) []string {
	seen := map[string]bool{}
	for _, p := range m.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*page.Text); ok {
				seen[fonts.Face(t.Face).Family()] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
