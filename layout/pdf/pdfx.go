package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"io"
	"strings"
	"time"

	"magz/internal/icc"
)

// OutputIntent is the printing condition a print edition is made for
// (PDF/X): the printer's CMYK characterisation and how to name it.
type OutputIntent struct {
	Profile []byte // the ICC output profile (CMYK)
	// Identifier is the OutputConditionIdentifier: a registered name such
	// as "FOGRA39" when Registry is the ICC's registry, else "Custom".
	Identifier string
	Registry   string // RegistryName, "http://www.color.org" for registered conditions
	Condition  string // a description of the printing condition
	// Packed is Profile as the file embeds it (PackProfile), when the
	// caller made it beforehand (the pipeline, while the issue is laid
	// out); nil: finishing packs it.
	Packed []byte
}

// PackProfile is an output profile as a print edition embeds it (its
// stream's data, compressed): OutputIntent.Packed.
func PackProfile(profile []byte) []byte { return deflate(profile) }

// Metadata the finished file carries in its document information and XMP.
type Metadata struct {
	Title, Author, Language, Creator string
	Date                             time.Time
	Outline                          []string // the bookmarks' titles, in order
}

// finishPDFX writes src as PDF/X-4: the output intent with its embedded
// profile, RGB colour-managed as sRGB (DefaultRGB), no RGB page groups,
// subset fonts tagged, the overprint states, the pictures' soft masks,
// XMP metadata, PDF/X document information and a trailer ID.
func finishPDFX(w io.Writer, src *source, intent OutputIntent, srgb []byte, meta Metadata, masks []softMask) error {
	r := newRewrite(src)
	if err := r.tagFonts(); err != nil {
		return err
	}
	catalog, err := src.dict(src.root)
	if err != nil {
		return err
	}
	pages, err := src.pages()
	if err != nil {
		return err
	}

	// RGB content (photos, and the RGB colours fpdf writes before magz's
	// process colours) is sRGB: say so through DefaultRGB.
	rgb := r.add(stream("/N 3 /Alternate /DeviceRGB /Filter /FlateDecode", deflate(srgb)))
	resources := map[int]bool{}
	for _, p := range pages {
		d, err := pageDict(src, p)
		if err != nil {
			return err
		}
		if n, ok := d.ref("Resources"); ok {
			resources[n] = true
		}
		// the transparency group fpdf gives every page once any
		// transparency is used: its /CS /DeviceRGB would make a RIP
		// blend whole pages in RGB
		d.del("Group")
		r.replace(p, d.bytes())
	}
	if err := linkMasks(r, sortedKeys(resources), masks); err != nil {
		return err
	}
	for _, n := range sortedKeys(resources) {
		res, err := src.dict(n)
		if err != nil {
			return err
		}
		if err := withColorSpace(res, "DefaultRGB", array{name("ICCBased"), ref{rgb, 0}}); err != nil {
			return fmt.Errorf("finishing the PDF: object %d: %w", n, err)
		}
		if err := overprintStates(res); err != nil {
			return fmt.Errorf("finishing the PDF: object %d: %w", n, err)
		}
		r.replace(n, res.bytes())
	}

	packed := intent.Packed
	if packed == nil {
		packed = PackProfile(intent.Profile)
	}
	profile := r.add(stream("/N 4 /Alternate /DeviceCMYK /Filter /FlateDecode", packed))
	oi := r.add(outputIntent(intent, profile))

	id := r.documentID()
	xmp := r.add(stream("/Type /Metadata /Subtype /XML", xmpPacket(meta, id, "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>")))
	catalog.set("Metadata", ref{xmp, 0})
	catalog.set("OutputIntents", array{ref{oi, 0}})
	setLang(catalog, meta.Language)
	r.replace(src.root, catalog.bytes())
	r.replace(src.info, []byte(infoDict(meta, "/Trapped /False\n/GTS_PDFXVersion (PDF/X-4)\n")))
	trailer := fmt.Sprintf("/Root %d 0 R /Info %d 0 R /ID [<%x> <%x>]", src.root, src.info, id, id)
	return r.writeTo(w, "%PDF-1.6", trailer)
}

// outputIntent is the output intent's dictionary. A registered condition
// (FOGRA39) names its registry; a printer's own names none, and its /Info
// adds the profile's own description, which is what a preflight shows.
func outputIntent(intent OutputIntent, profile int) []byte {
	d := &dict{}
	d.set("Type", name("OutputIntent"))
	d.set("S", name("GTS_PDFX"))
	d.set("OutputConditionIdentifier", pdfText(intent.Identifier))
	if intent.Registry != "" {
		d.set("RegistryName", pdfText(intent.Registry))
	}
	d.set("OutputCondition", pdfText(intent.Condition))
	info := intent.Condition
	if p, err := icc.Parse(intent.Profile); err == nil && p.Description != "" && p.Description != intent.Condition {
		info += " (" + p.Description + ")"
	}
	d.set("Info", pdfText(info))
	d.set("DestOutputProfile", ref{profile, 0})
	return d.appendTo(nil, " ")
}

// withColorSpace adds an entry to the /ColorSpace dictionary of a
// resource dictionary, making one if there is none.
func withColorSpace(res *dict, key name, v value) error {
	cs := res.dict("ColorSpace")
	switch {
	case cs == nil && res.get("ColorSpace") != nil:
		return fmt.Errorf("a /ColorSpace that is not a dictionary written in place")
	case cs == nil:
		cs = &dict{}
		res.set("ColorSpace", cs)
	}
	cs.set(key, v)
	return nil
}

// setLang sets the document's language in the catalog (fpdf writes it
// unescaped).
func setLang(catalog *dict, lang string) {
	if lang != "" {
		catalog.set("Lang", pdfText(lang))
	}
}

// documentID is the file's identifier: a hash of the objects fpdf wrote,
// as finishing has changed them so far (the pages' boxes in order), so
// the same issue always has the same ID.
func (r *rewrite) documentID() [16]byte {
	h := sha256.New()
	for n := 1; n < len(r.src.offsets); n++ {
		switch {
		case r.replaced[n] != nil:
			h.Write(r.replaced[n])
		case r.src.offsets[n] != 0:
			h.Write(r.src.raw(n))
		}
	}
	var id [16]byte
	copy(id[:], h.Sum(nil))
	return id
}

// infoDict is the document information dictionary of a finished file,
// with the given extra entries.
func infoDict(m Metadata, extra string) string {
	d := pdfDate(m.Date)
	var b strings.Builder
	b.WriteString("<<")
	fmt.Fprintf(&b, "/Title %s\n", textString(m.Title))
	if m.Author != "" {
		fmt.Fprintf(&b, "/Author %s\n", textString(m.Author))
	}
	fmt.Fprintf(&b, "/Creator %s\n/Producer %s\n", textString(m.Creator), textString(m.Creator))
	fmt.Fprintf(&b, "/CreationDate (%s)\n/ModDate (%s)\n%s>>", d, d, extra)
	return b.String()
}

// pdfDate writes t as a PDF date with its time zone.
func pdfDate(t time.Time) string {
	t = t.UTC()
	return t.Format("D:20060102150405") + "Z00'00'"
}

// xmpPacket is the XMP metadata of a finished file: title, creator, dates
// and identifiers, the same as in the document information, and the
// standards it claims (claims are XMP properties, such as the PDF/X
// version).
func xmpPacket(m Metadata, id [16]byte, claims ...string) []byte {
	date := m.Date.UTC().Format("2006-01-02T15:04:05Z")
	lang := m.Language
	if lang == "" {
		lang = "x-default"
	}
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
`)
	fmt.Fprintf(&b, "<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmlEscape(m.Title))
	if m.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlEscape(m.Author))
	}
	if m.Language != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", xmlEscape(lang))
	}
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", xmlEscape(m.Creator))
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n<pdf:Trapped>False</pdf:Trapped>\n", xmlEscape(m.Creator))
	fmt.Fprintf(&b, "<xmpMM:DocumentID>uuid:%s</xmpMM:DocumentID>\n<xmpMM:InstanceID>uuid:%s</xmpMM:InstanceID>\n", uuid(id), uuid(id))
	fmt.Fprintf(&b, "<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n")
	for _, c := range claims {
		b.WriteString(c + "\n")
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.Bytes()
}

// uuid formats 16 bytes as a version-4-shaped UUID.
func uuid(id [16]byte) string {
	id[6] = id[6]&0x0f | 0x40
	id[8] = id[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", id[0:4], id[4:6], id[6:8], id[8:10], id[10:16])
}

var xmlReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func xmlEscape(s string) string { return xmlReplacer.Replace(s) }

// textString writes s as a PDF text string: literal when it is plain
// ASCII, UTF-16 otherwise.
func textString(s string) string {
	for _, c := range s {
		if c < ' ' || c > '~' {
			return utf16Hex(s)
		}
	}
	return "(" + strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s) + ")"
}

// deflate compresses an embedded profile at zlib's default level: the
// best level takes five times as long on the FOGRA39 profile, every print
// build, to save 77 bytes of 177 KB.
func deflate(data []byte) []byte {
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.DefaultCompression)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}
