package reader

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"magz/internal/diag"
)

// Markdown editors write that CommonMark reads otherwise: each is either
// read as meant or reported with its fix, so that nothing of the source
// is printed as raw Markdown and no text is silently left out.

// creditLabel is a credit written with the label magz prints before it
// ("Foto: Tim Redaksi" would print "Foto: Foto: Tim Redaksi").
var creditLabel = regexp.MustCompile(`(?i)^\s*(?:foto|photo|photograph|photos|fotografer|photographer)\s*(?:oleh|by|:|-|–|—|/)\s*`)

// creditName is the name in a credit, without a label before it.
func creditName(credit string) string {
	credit = strings.TrimSpace(credit)
	if name := creditLabel.ReplaceAllString(credit, ""); name != "" {
		return name
	}
	return credit
}

// imageLink is an image written ![alt](destination), the destination not
// in <...>.
var imageLink = regexp.MustCompile(`!\[([^\]\n]*)\]\(([^)<>\n]+)\)`)

// angleSpacedPaths writes the destination of every image whose path has
// a space in it in <...>, as CommonMark needs: written bare, the image is
// no image but text, and its Markdown would be printed. Code (fenced
// blocks and code spans) is left as it is. Lines stay where they are.
func angleSpacedPaths(body []byte) []byte {
	lines := bytes.Split(body, []byte("\n"))
	fence := ""
	changed := false
	for i, l := range lines {
		t := strings.TrimSpace(string(l))
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		var out []byte
		last := 0
		for _, m := range imageLink.FindAllSubmatchIndex(l, -1) {
			if bytes.Count(l[:m[0]], []byte("`"))%2 == 1 {
				continue // inside a code span
			}
			inner := strings.TrimSpace(string(l[m[4]:m[5]]))
			dest, title := inner, ""
			if j := strings.Index(inner, ` "`); j >= 0 && strings.HasSuffix(inner, `"`) {
				dest, title = strings.TrimSpace(inner[:j]), inner[j:]
			}
			if !strings.ContainsAny(dest, " \t") {
				continue
			}
			out = append(out, l[last:m[0]]...)
			out = append(out, "!["...)
			out = append(out, l[m[2]:m[3]]...)
			out = append(out, "](<"+dest+">"+title+")"...)
			last = m[1]
		}
		if out != nil {
			lines[i] = append(out, l[last:]...)
			changed = true
		}
	}
	if !changed {
		return body
	}
	return bytes.Join(lines, []byte("\n"))
}

var (
	// footnoteDef is a footnote's text: "[^label]: text" at the start of
	// a line.
	footnoteDef = regexp.MustCompile(`(?m)^ {0,3}\[\^([^\]\s]+)\]:`)
	// footnoteRef is a reference "[^label]" anywhere.
	footnoteRef = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
)

// footnotes reports references without a note (printed as "[^2]" and the
// note lost) as errors, and notes no reference uses (left out of the
// article) as warnings, each with its fix. root is goldmark's reading of
// the body: the notes it used are those referred to.
func (c *converter) footnotes(root ast.Node) {
	used := map[string]bool{}
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*east.Footnote); ok && entering {
			used[strings.ToLower(string(fn.Ref))] = true
		}
		return ast.WalkContinue, nil
	})
	type place struct {
		label string
		off   int
	}
	var defs, refs []place
	defined := map[string]bool{}
	forEachProse(c.src, func(line []byte, off int) {
		if m := footnoteDef.FindSubmatchIndex(line); m != nil {
			label := string(line[m[2]:m[3]])
			defs = append(defs, place{label, off + m[0]})
			defined[strings.ToLower(label)] = true
			line = line[m[1]:]
			off += m[1]
		}
		for _, m := range footnoteRef.FindAllSubmatchIndex(line, -1) {
			if bytes.Count(line[:m[0]], []byte("`"))%2 == 0 {
				refs = append(refs, place{string(line[m[2]:m[3]]), off + m[0]})
			}
		}
	})
	var unused []string
	for _, d := range defs {
		if !used[strings.ToLower(d.label)] && !slices.Contains(unused, d.label) {
			unused = append(unused, d.label)
		}
	}
	for _, r := range refs {
		if defined[strings.ToLower(r.label)] {
			continue
		}
		if len(unused) == 1 {
			c.r.diags.Errorf(c.posAt(r.off), "footnote [^%s] has no note; did you mean [^%s]? (the note [^%s] is not referred to)", r.label, unused[0], unused[0])
			continue
		}
		c.r.diags.Errorf(c.posAt(r.off), "footnote [^%s] has no note: write it on a line of its own, such as \"[^%s]: the note's text\"", r.label, r.label)
	}
	for _, d := range defs {
		if !used[strings.ToLower(d.label)] {
			c.r.diags.Warnf(c.posAt(d.off), "the note [^%s] is not referred to, so it is left out: put [^%s] in the text where the note belongs", d.label, d.label)
		}
	}
}

// forEachProse calls f with each line of src outside fenced code blocks,
// and where the line starts.
func forEachProse(src []byte, f func(line []byte, off int)) {
	fence := ""
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := src[off : off+end]
		t := strings.TrimSpace(string(line))
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
		default:
			f(line, off)
		}
		off += end + 1
	}
}

// posAt is where byte off of the body is.
func (c *converter) posAt(off int) diag.Pos {
	line := c.lineAt(off)
	start := c.lineStarts[line-c.lineBase]
	return diag.Pos{Path: c.path, Line: line, Col: 1 + utf8.RuneCount(c.src[start:off])}
}

// calloutMarker is a "> [!name]" marker opening a blockquote.
var calloutMarker = regexp.MustCompile(`^\s*\[!([^\]\s]*)\]`)

// callouts are the callouts magz sets, and what editors write for them.
var callouts = map[string]string{
	"pull": "pull", "kutipan": "pull", "kutip": "pull", "petikan": "pull", "quote": "pull",
	"pullquote": "pull", "pull-quote": "pull", "tarik": "pull",
}

// unknownCallout reports a "> [!name]" marker magz does not know (it
// would be printed), with the one it may have meant.
func (c *converter) unknownCallout(first ast.Node, pos diag.Pos) bool {
	p, ok := first.(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return false
	}
	seg := p.Lines().At(0)
	line := seg.Value(c.src)
	m := calloutMarker.FindSubmatch(line)
	if m == nil || strings.EqualFold(string(m[1]), "pull") {
		return false
	}
	name := string(m[1])
	near := callouts[strings.ToLower(name)]
	if near == "" {
		near = diag.Closest(strings.ToLower(name), []string{"pull"})
	}
	if near != "" {
		c.r.diags.Errorf(pos, "unknown callout [!%s]; did you mean [!%s]?", name, near)
	} else {
		c.r.diags.Errorf(pos, "unknown callout [!%s]: magz sets [!pull] (a pull quote); for a plain quote, leave the marker out", name)
	}
	return true
}
