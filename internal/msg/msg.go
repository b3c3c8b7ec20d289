// Package msg speaks to editors in their language. Messages are written in
// English in the code; the catalogue (catalogue.go) holds each one's
// Indonesian form, keyed by the English text, as gettext keys by msgid.
// The language is the user's locale (LC_ALL, LC_MESSAGES, LANG, as POSIX
// orders them; on Windows the display language when none is set):
// Indonesian for id (and the old code in), English otherwise.
//
// catalogue_test.go reads magz's source and fails when a message is not
// in the catalogue, when a translation drops or reorders a %-verb, when an
// entry is no longer used, or when user-facing code formats words without
// going through this package.
package msg

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Lang is a language magz speaks.
type Lang string

const (
	English    Lang = "en"
	Indonesian Lang = "id"
)

var current = fromEnvironment()

// fromEnvironment reads the locale the way POSIX programs do: the first
// of LC_ALL, LC_MESSAGES and LANG that is set decides.
func fromEnvironment() Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return Parse(s)
		}
	}
	return Parse(systemLocale())
}

// Parse reads a locale name such as id_ID.UTF-8, id-ID or en_US.
func Parse(locale string) Lang {
	tag := strings.ToLower(locale)
	if i := strings.IndexAny(tag, "_-.@"); i >= 0 {
		tag = tag[:i]
	}
	if tag == "id" || tag == "in" {
		return Indonesian
	}
	return English
}

// Current is the language messages are in.
func Current() Lang { return current }

// Use switches the language, for tests; it returns the one before.
func Use(l Lang) Lang {
	old := current
	current = l
	return old
}

// T returns the text in the current language.
func T(text string) string {
	if current == Indonesian {
		if s, ok := indonesianOf(text); ok {
			return s
		}
	}
	return text
}

// N marks a text for the catalogue where it is written (a table's value)
// and leaves it as it is: T translates it where it is shown.
func N(text string) string { return text }

// Sprintf formats in the current language.
func Sprintf(format string, args ...any) string { return fmt.Sprintf(T(format), args...) }

// Errorf makes an error in the current language (%w wraps, as with fmt).
func Errorf(format string, args ...any) error { return fmt.Errorf(T(format), args...) }

// New makes an error with a fixed text in the current language.
func New(text string) error { return errors.New(T(text)) }

// Fprintf writes formatted in the current language.
func Fprintf(w io.Writer, format string, args ...any) { fmt.Fprintf(w, T(format), args...) }

// Count writes n with a noun: "1 article", "3 articles"; in Indonesian the
// noun does not change ("3 artikel").
func Count(n int, noun string) string {
	if current == Indonesian {
		return fmt.Sprintf("%d %s", n, T(noun))
	}
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
