// Package assets holds files magz embeds besides fonts: the EPUB style
// sheet.
package assets

import _ "embed"

// EPUBCSS is the style sheet of the EPUB edition.
//
//go:embed epub.css
var EPUBCSS []byte
