package locale

import "unicode"

// scripts are the writing systems that say which language a run of text
// is in when it is not the issue's: a run in Arabic letters is Arabic. Han
// is read as Chinese unless kana come with it (see Runs).
var scripts = []struct {
	table *unicode.RangeTable
	lang  string
	rtl   bool
}{
	{unicode.Han, "zh", false},
	{unicode.Hiragana, "ja", false},
	{unicode.Katakana, "ja", false},
	{unicode.Hangul, "ko", false},
	{unicode.Arabic, "ar", true},
	{unicode.Hebrew, "he", true},
	{unicode.Thai, "th", false},
	{unicode.Devanagari, "hi", false},
	{unicode.Cyrillic, "ru", false},
	{unicode.Greek, "el", false},
}

// Run is a piece of text and the language of its script ("" for the text's
// own language: Latin letters, digits, punctuation, spaces).
type Run struct {
	Text string
	Lang string
	RTL  bool // written right to left
}

// Runs splits s into runs of one script. Characters of no particular
// script (spaces, digits, punctuation) join the run around them, so
// "你好，世界" stays one run.
func Runs(s string) []Run {
	if s == "" {
		return nil
	}
	// most text is in the issue's own script: one run, without the
	// slices and joins below (layout asks for every fragment of every
	// line of every trial)
	own := true
	for _, r := range s {
		if lang, _ := scriptOf(r); lang != "" {
			own = false
			break
		}
	}
	if own {
		return []Run{{Text: s}}
	}
	return runs(s)
}

// runs is Runs for text with letters of another script.
func runs(s string) []Run {
	var out []Run
	cur, start := Run{}, -1 // the run being read, from byte start of s
	for i, r := range s {
		lang, rtl := scriptOf(r)
		neutral := !unicode.IsLetter(r)
		switch {
		case start < 0:
			cur, start = Run{Lang: lang, RTL: rtl}, i
		case neutral || lang == cur.Lang:
		default:
			cur.Text = s[start:i]
			out = append(out, cur)
			cur, start = Run{Lang: lang, RTL: rtl}, i
		}
	}
	if start >= 0 {
		cur.Text = s[start:]
		out = append(out, cur)
	}
	// Han with kana is Japanese
	for i := range out {
		if out[i].Lang == "zh" && (i > 0 && out[i-1].Lang == "ja" || i+1 < len(out) && out[i+1].Lang == "ja") {
			out[i].Lang = "ja"
		}
	}
	return trimNeutral(out)
}

// trimNeutral moves trailing spaces and punctuation of a foreign run back
// into the text around it.
func trimNeutral(runs []Run) []Run {
	var out []Run
	for _, r := range runs {
		if r.Lang != "" {
			end := len(r.Text)
			for end > 0 {
				c := rune(r.Text[end-1])
				if c >= 0x80 || unicode.IsLetter(c) || unicode.IsDigit(c) {
					break
				}
				end--
			}
			if end < len(r.Text) {
				tail := r.Text[end:]
				r.Text = r.Text[:end]
				out = append(out, r, Run{Text: tail})
				continue
			}
		}
		out = append(out, r)
	}
	// join neighbouring runs of the same language
	var joined []Run
	for _, r := range out {
		if r.Text == "" {
			continue
		}
		if n := len(joined); n > 0 && joined[n-1].Lang == r.Lang {
			joined[n-1].Text += r.Text
			continue
		}
		joined = append(joined, r)
	}
	return joined
}

func scriptOf(r rune) (string, bool) {
	// Latin, its accents and general punctuation (dashes, quotation
	// marks) are in none of the scripts
	if r < 0x370 || r >= 0x2000 && r < 0x2070 {
		return "", false
	}
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.lang, s.rtl
		}
	}
	return "", false
}

// RightToLeft tells whether text set as a paragraph runs right to left:
// its first letter is of a right-to-left script (Unicode's rule P2, with
// letters for its strong characters).
func RightToLeft(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			_, rtl := scriptOf(r)
			return rtl
		}
	}
	return false
}
