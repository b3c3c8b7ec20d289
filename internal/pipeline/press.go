package pipeline

import (
	"os"

	"magz/assets"
	"magz/internal/doc"
	"magz/internal/msg"
	"magz/layout/pdf"
)

// registry is the ICC's registry of characterised printing conditions,
// where FOGRA39 and FOGRA29 are listed.
const registry = "http://www.color.org"

// press is the printing condition of a print edition.
type press struct {
	intent pdf.OutputIntent
	// inkLimit is the most ink, in percent, the output profile puts down;
	// 0 when it is the printer's own profile and magz cannot know.
	inkLimit int
}

// pressFor returns the printing condition the settings name.
func pressFor(p doc.Print) (press, error) {
	if p.Profile != "" {
		prof, err := os.ReadFile(p.Profile)
		if err != nil {
			return press{}, msg.Errorf("reading the print profile: %w", err)
		}
		return press{intent: pdf.OutputIntent{Profile: prof, Identifier: "Custom", Condition: p.Condition}}, nil
	}
	if p.Paper == doc.Uncoated {
		return press{inkLimit: 260, intent: pdf.OutputIntent{Profile: assets.UncoatedProfile, Identifier: "FOGRA29", Registry: registry,
			Condition: "Offset printing on uncoated paper (ISO 12647-2 PC5), FOGRA29; total ink at most 260 %"}}, nil
	}
	return press{inkLimit: 300, intent: pdf.OutputIntent{Profile: assets.CoatedProfile, Identifier: "FOGRA39", Registry: registry,
		Condition: "Offset printing on coated paper (ISO 12647-2 PC1), FOGRA39; total ink at most 300 %"}}, nil
}
