package reader

import (
	"strings"

	"magz/internal/diag"
	"magz/internal/theme"
)

// openerYAML is the theme's choice of openers: the design photo stories
// take first, and the sections whose articles are interviews.
type openerYAML struct {
	Design     string   `yaml:"design"`
	Interviews []string `yaml:"interviews"`
}

// design reads an opener's design as a header or theme names it.
func design(name string, pos diag.Pos, diags *diag.List) theme.Design {
	if strings.TrimSpace(name) == "" {
		return theme.DesignAuto
	}
	d, ok := theme.ParseDesign(name)
	if !ok {
		diags.Errorf(pos, "opener %q is not one of %s", name, strings.Join(theme.DesignNames(), ", "))
	}
	return d
}

// readOpener applies the theme's opener settings.
func readOpener(y *openerYAML, th *theme.Theme, at func(string) diag.Pos, diags *diag.List) {
	if y == nil {
		return
	}
	th.Opener.Design = design(y.Design, at("theme.opener.design"), diags)
	if y.Interviews != nil {
		th.Opener.Interviews = y.Interviews
	}
}
