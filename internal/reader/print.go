package reader

import (
	"math"
	"strings"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/msg"
)

// The print: keys beyond the printing condition (readPrint): how photos
// are separated, the least resolution the editors accept on purpose, the
// press sheet of an imposed booklet, and the job's details for the print
// shop.

// minPPIFloor is the least min_ppi an editor may set: below it no
// printed photo is worth its place.
const minPPIFloor = 10

// readPrintJob reads the rest of print: into p.
func readPrintJob(y *printYAML, p *doc.Print, at func(string) diag.Pos, diags *diag.List) {
	if y == nil {
		return
	}
	key := func(k string) diag.Pos { return at("print." + k) }
	switch c := strings.ToLower(strings.TrimSpace(y.Colour)); c {
	case "", "cmyk":
	case "rgb":
		p.RGB = true
	default:
		diags.Errorf(key("colour"), "colour %q is not cmyk or rgb (rgb only when the printer separates photos in the RIP)", y.Colour)
	}
	if y.MinPPI != nil {
		if *y.MinPPI < minPPIFloor || *y.MinPPI > 600 {
			diags.Errorf(key("min_ppi"), "min_ppi must be from %d to %d, got %d", minPPIFloor, 600, *y.MinPPI)
		} else {
			p.MinPPI = *y.MinPPI
		}
	}
	j := &p.Job
	j.Stock, j.Colours, j.Binding = strings.TrimSpace(y.Stock), strings.TrimSpace(y.Colours), strings.TrimSpace(y.Binding)
	j.Contact, j.Delivery = strings.TrimSpace(y.Contact), strings.TrimSpace(y.Delivery)
	if y.Weight != nil {
		if *y.Weight < 40 || *y.Weight > 400 {
			diags.Errorf(key("weight"), "weight is the paper's grammage, from 40 to 400 g/m², got %g", *y.Weight)
		} else {
			j.Weight = int(math.Round(*y.Weight))
		}
	}
	if y.Quantity != nil {
		if *y.Quantity < 1 {
			diags.Errorf(key("quantity"), "quantity must be at least 1, got %d", *y.Quantity)
		} else {
			j.Quantity = *y.Quantity
		}
	}
	if y.Thickness != nil {
		if *y.Thickness < 0.03 || *y.Thickness > 0.6 {
			diags.Errorf(key("thickness"), "thickness is one sheet's, in millimetres, from 0.03 to 0.6, got %g", *y.Thickness)
		} else {
			p.Caliper = int(math.Round(*y.Thickness * 1000))
		}
	}
	if p.Caliper == 0 && j.Weight > 0 {
		p.Caliper = caliper(j.Weight, p.Paper)
	}
	if y.Sheet != "" {
		s, err := parseSheet(y.Sheet)
		if err != nil {
			diags.Errorf(key("sheet"), "%v", err)
		} else {
			p.Sheet = s
		}
	}
}

// caliper estimates a paper's thickness in micrometres from its weight:
// uncoated offset paper is bulkier (about 1.25 cm³/g) than coated (0.9).
func caliper(weight int, paper doc.Paper) int {
	if paper == doc.Uncoated {
		return weight * 125 / 100
	}
	return weight * 90 / 100
}

// parseSheet reads a press sheet: a name (SRA3, SRA4, A3, B3, A4) or
// WIDTHxHEIGHTmm.
func parseSheet(s string) (doc.Trim, error) {
	mm := func(w, h int) doc.Trim { return doc.Trim{Width: w * 1000, Height: h * 1000} }
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "SRA3":
		return mm(320, 450), nil
	case "SRA4":
		return mm(225, 320), nil
	case "A3":
		return mm(297, 420), nil
	case "B3":
		return mm(353, 500), nil
	case "A4":
		return mm(210, 297), nil
	}
	t, err := parseTrim(s)
	if err != nil || strings.EqualFold(strings.TrimSpace(s), "b5") || strings.EqualFold(strings.TrimSpace(s), "a5") {
		return doc.Trim{}, msg.Errorf("sheet %q is not SRA3, SRA4, A3, B3, A4 or WIDTHxHEIGHTmm (for example 320x450mm)", s)
	}
	return t, nil
}
