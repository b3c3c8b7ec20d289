package pdf

import (
	"crypto/sha256"
	"fmt"
)

// Subset tags. fpdf embeds only the glyphs a document uses, but names the
// subset as the whole font (/utf8caladea-bold). A RIP that keeps fonts
// between jobs could then take one issue's subset for another's. ISO
// 32000-1 (9.6.4) names a subset with a tag of six capital letters and a
// plus sign before the font's name; magz derives the tag from the
// subset's own bytes, so the same subset always has the same tag and two
// different subsets (almost surely) do not.

// subsetTag is the six-letter tag of a font file's bytes.
func subsetTag(fontFile []byte) string {
	sum := sha256.Sum256(fontFile)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// tagSubsets names every embedded TrueType subset with its tag: the Type0
// font's /BaseFont, its CIDFont's /BaseFont and the descriptor's
// /FontName, the three names the font goes by.
func tagSubsets(r *rewrite, fontRefs []int) error {
	src := r.src
	done := map[int]bool{}
	for _, n := range fontRefs {
		if done[n] {
			continue
		}
		done[n] = true
		font, err := src.dict(n)
		if err != nil {
			return err
		}
		kids := font.array("DescendantFonts")
		if font.name("Subtype") != "Type0" || len(kids) != 1 {
			continue
		}
		kid, ok := kids[0].(ref)
		if !ok {
			continue
		}
		cid, err := src.dict(kid.num)
		if err != nil {
			return err
		}
		descNum, ok := cid.ref("FontDescriptor")
		if !ok {
			continue
		}
		desc, err := src.dict(descNum)
		if err != nil {
			return err
		}
		fileNum, ok := desc.ref("FontFile2")
		if !ok {
			continue // not embedded: no subset
		}
		file, err := src.object(fileNum)
		if err != nil {
			return err
		}
		base := desc.name("FontName")
		if base == "" || hasTag(base) {
			continue
		}
		tagged := name(subsetTag(file.stream) + "+" + string(base))
		font.set("BaseFont", tagged)
		cid.set("BaseFont", tagged)
		desc.set("FontName", tagged)
		r.replace(n, font.bytes())
		r.replace(kid.num, cid.bytes())
		r.replace(descNum, desc.bytes())
	}
	return nil
}

// hasTag tells whether a font name already starts with a subset tag.
func hasTag(n name) bool {
	if len(n) < 7 || n[6] != '+' {
		return false
	}
	for _, c := range n[:6] {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// fontsOf lists the fonts the resource dictionaries name, in order.
func fontsOf(src *source, resources []int) ([]int, error) {
	var out []int
	for _, n := range resources {
		res, err := src.dict(n)
		if err != nil {
			return nil, err
		}
		fonts := res.dict("Font")
		if fonts == nil {
			if _, isRef := res.get("Font").(ref); isRef {
				return nil, fmt.Errorf("finishing the PDF: a /Font resource that is not written in place")
			}
			continue
		}
		for _, e := range fonts.entries {
			if r, ok := e.val.(ref); ok {
				out = append(out, r.num)
			}
		}
	}
	return out, nil
}

// tagFonts tags the subsets of every font the pages use.
func (r *rewrite) tagFonts() error {
	pages, err := r.src.pages()
	if err != nil {
		return err
	}
	var resources []int
	seen := map[int]bool{}
	for _, p := range pages {
		d, err := pageDict(r.src, p)
		if err != nil {
			return err
		}
		if n, ok := d.ref("Resources"); ok && !seen[n] {
			seen[n] = true
			resources = append(resources, n)
		}
	}
	fonts, err := fontsOf(r.src, resources)
	if err != nil {
		return err
	}
	return tagSubsets(r, fonts)
}
