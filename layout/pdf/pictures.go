package pdf

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
)

// Pictures bypass fpdf. fpdf copies a JPEG's bytes five times on their way
// to the file (read into a growing buffer, made a string, written into its
// own growing buffer, copied out to us), and a print edition in CMYK
// carries some 50 MB of them. The drawer gives fpdf a stand-in instead:
// the picture's own segments up to its scan header, which is all fpdf reads
// (size, colour space), with a comment naming the picture, and no image
// data. Finishing writes the picture's bytes where the stand-in's were,
// once, straight to the file. The document ID is made of what fpdf wrote,
// stand-ins included, which name their pictures by their key (imageKey).

// castagnoli is the CRC-32C table (computed by the processor).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// imageKey returns the key of a picture's bytes and whether they were
// registered before. The key is the bytes' CRC-32C and length, computed at
// memory speed (a SHA-256 of the print edition's 50 MB of pictures took
// 30 ms of every build); bytes with the key of others are told apart by
// comparing them, and get a key of their own by the order they are drawn
// in. The key goes into the file (the stand-in's comment, fpdf's name of
// the image): it depends only on the pictures and their order.
func (d *drawer) imageKey(data []byte) (string, bool) {
	base := fmt.Sprintf("%08x%x", crc32.Checksum(data, castagnoli), len(data))
	for i := 0; ; i++ {
		key := base
		if i > 0 {
			key = fmt.Sprintf("%s-%d", base, i)
		}
		prev, ok := d.images[key]
		if !ok {
			d.images[key] = data
			return key, false
		}
		if bytes.Equal(prev, data) {
			return key, true
		}
	}
}

// standInMark begins the comment by which a stand-in names its picture.
const standInMark = "magz-picture "

// standIn returns what fpdf is given in place of the JPEG data known by
// key. It reports false when data is not a JPEG it can read that far.
func standIn(data []byte, key string) ([]byte, bool) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil, false
	}
	for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
		m := data[i+1]
		n := int(data[i+2])<<8 | int(data[i+3])
		if n < 2 || i+2+n > len(data) {
			return nil, false
		}
		i += 2 + n
		if m != 0xDA {
			continue
		}
		// the scan header: its entropy-coded data follows
		com := standInMark + key
		out := make([]byte, 0, i+len(com)+8)
		out = append(out, 0xFF, 0xD8, 0xFF, 0xFE, byte((len(com)+2)>>8), byte(len(com)+2))
		out = append(out, com...)
		out = append(out, data[2:i]...)
		return append(out, 0xFF, 0xD9), true
	}
	return nil, false
}

// standInKey returns the key a stand-in names, or "" when stream is not a
// stand-in.
func standInKey(stream []byte) string {
	if len(stream) < 6 || stream[0] != 0xFF || stream[1] != 0xD8 || stream[2] != 0xFF || stream[3] != 0xFE {
		return ""
	}
	n := int(stream[4])<<8 | int(stream[5])
	if n < 2 || 4+n > len(stream) {
		return ""
	}
	key, ok := strings.CutPrefix(string(stream[6:4+n]), standInMark)
	if !ok {
		return ""
	}
	return key
}

// picture is an image object whose stream finishing writes from the
// picture's own bytes.
type picture struct {
	o    *object // the image XObject as fpdf wrote it: its dictionary is written
	data []byte  // the JPEG
}

// write writes object n with the picture's bytes as its stream.
func (p *picture) write(w io.Writer, n int) {
	d := p.o.dict()
	d.set("Length", integer(len(p.data)))
	fmt.Fprintf(w, "%d 0 obj\n", n)
	w.Write(d.bytes())
	io.WriteString(w, "\nstream\n")
	w.Write(p.data)
	io.WriteString(w, "\nendstream\nendobj\n")
}

// source reads fpdf's output and finds the stand-ins in it, each with the
// bytes of the picture it stands for.
func (d *drawer) source(out []byte) (*source, error) {
	src, err := readSource(out)
	if err != nil || len(d.pictures) == 0 {
		return src, err
	}
	src.pictures = map[int]*picture{}
	for n := 1; n < len(src.offsets); n++ {
		if !src.exists(n) {
			continue
		}
		o, err := src.object(n)
		if err != nil {
			return nil, err
		}
		if o.stream == nil || o.dict() == nil || o.dict().name("Subtype") != "Image" {
			continue
		}
		if key := standInKey(o.stream); key != "" {
			data, ok := d.pictures[key]
			if !ok {
				return nil, fmt.Errorf("finishing the PDF: no picture %s", key)
			}
			src.pictures[n] = &picture{o: o, data: data}
		}
	}
	if len(src.pictures) != len(d.pictures) {
		return nil, fmt.Errorf("finishing the PDF: %d pictures drawn, %d found", len(d.pictures), len(src.pictures))
	}
	return src, nil
}
