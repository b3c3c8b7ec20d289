// Package diag collects content problems (errors and warnings) with the file
// and line they come from, so a build can report all of them at once as
// "path:line: message".
package diag

import (
	"fmt"
	"magz/internal/msg"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Pos is a place in a source file. Line and Col are 1-based; 0 means unknown.
type Pos struct {
	Path string
	Line int
	Col  int
}

func (p Pos) String() string {
	s := DisplayPath(p.Path)
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// DisplayPath shows a path relative to the working directory when it lies
// below it, as editors see it in their terminal.
func DisplayPath(p string) string {
	if p == "" {
		return "(unknown)"
	}
	if !filepath.IsAbs(p) {
		return filepath.ToSlash(p)
	}
	if wd, err := filepath.Abs("."); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

// Diagnostic is one problem found in the content.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": " + msg.T("warning") + ": " + d.Msg
	}
	return d.Pos.String() + ": " + d.Msg
}

// List gathers diagnostics; it is safe for concurrent use.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Errorf records an error at pos, in the editor's language (see msg).
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.add(Diagnostic{Pos: pos, Severity: Error, Msg: msg.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	l.add(Diagnostic{Pos: pos, Severity: Warning, Msg: msg.Sprintf(format, args...)})
}

func (l *List) add(d Diagnostic) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.items {
		if e == d {
			return
		}
	}
	l.items = append(l.items, d)
}

// All returns the diagnostics sorted by file, line and severity.
func (l *List) All() []Diagnostic {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := append([]Diagnostic(nil), l.items...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Pos.Path != b.Pos.Path {
			return a.Pos.Path < b.Pos.Path
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Severity < b.Severity
	})
	return out
}

// HasErrors reports whether any error (not warning) was recorded.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns nil when no error was recorded, else an error listing every
// error (warnings are not part of it).
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	var errs []Diagnostic
	for _, d := range l.All() {
		if d.Severity == Error {
			errs = append(errs, d)
		}
	}
	return &Errors{List: errs}
}

// Errors is the error a build returns for content problems.
type Errors struct{ List []Diagnostic }

func (e *Errors) Error() string {
	var b strings.Builder
	for i, d := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// Closest returns the candidate nearest to word by edit distance, for a
// "did you mean" hint, or "" when none is near enough to be the one meant
// (at most a third of the word's letters wrong) or two are equally near.
func Closest(word string, candidates []string) string {
	best, bestD, tie := "", 0, false
	limit := len([]rune(word)) / 3 // a short word: no guess but its own spelling in other case
	if limit == 0 && len([]rune(word)) >= 3 {
		limit = 1
	}
	for _, c := range candidates {
		d := editDistance(strings.ToLower(word), strings.ToLower(c))
		switch {
		case d > limit || c == best:
		case best == "" || d < bestD:
			best, bestD, tie = c, d, false
		case d == bestD:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// editDistance is the number of letters to insert, delete, change or swap
// with a neighbour to turn a into b (optimal string alignment: "bulid" is
// one swap from "build").
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
