package pipeline

import (
	"os"

	"magz/assets"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/msg"
	"magz/layout/pdf"
)

// registry is the ICC's registry of characterised printing conditions,
// where FOGRA39 and FOGRA29 are listed.
const registry = "http://www.color.org"

// press is the printing condition of a print edition.
type press struct {
	intent pdf.OutputIntent
	// inkLimit is the most ink, in percent, the output profile puts down:
	// the condition's for magz's own profiles, measured on the tables of a
	// printer's own.
	inkLimit int
	// inks separates photos for the press; nil when they stay sRGB
	// (colour: rgb), for the RIP to separate. separation is the same,
	// whatever the setting (soft proofs use it).
	inks, separation *images.Press
}

// pressFor returns the printing condition the settings name.
func pressFor(p doc.Print) (press, error) {
	var pr press
	switch {
	case p.Profile != "":
		prof, err := os.ReadFile(p.Profile)
		if err != nil {
			return press{}, msg.Errorf("reading the print profile: %w", err)
		}
		pr = press{intent: pdf.OutputIntent{Profile: prof, Identifier: "Custom", Condition: p.Condition}}
	case p.Paper == doc.Uncoated:
		pr = press{inkLimit: 260, intent: pdf.OutputIntent{Profile: assets.UncoatedProfile, Identifier: "FOGRA29", Registry: registry,
			Condition: "Offset printing on uncoated paper (ISO 12647-2 PC5), FOGRA29; total ink at most 260 %"}}
	default:
		pr = press{inkLimit: 300, intent: pdf.OutputIntent{Profile: assets.CoatedProfile, Identifier: "FOGRA39", Registry: registry,
			Condition: "Offset printing on coated paper (ISO 12647-2 PC1), FOGRA39; total ink at most 300 %"}}
	}
	// made here, beside the layout, not when the print edition is finished
	pr.intent.Packed = pdf.PackProfile(pr.intent.Profile)
	inks, err := images.NewPress(pr.intent.Profile, assets.SRGB, pr.inkLimit)
	if err != nil {
		return press{}, msg.Errorf("the print profile cannot separate photos: %w", err)
	}
	pr.inkLimit = inks.InkLimit()
	pr.separation = inks
	if !p.RGB {
		pr.inks = inks
	}
	return pr, nil
}
