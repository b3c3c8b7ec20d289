// Package counter counts the bytes written through it: the offsets of a
// PDF's objects for its cross-reference table, the size of an edition as
// it is written. It is the one such writer in magz.
package counter

import "io"

// Writer passes writes on to W and counts in N the bytes W took. After the
// first error it writes nothing more and returns that error again, which
// Err reports too: a writer of many small pieces checks once, at the end.
type Writer struct {
	W   io.Writer
	N   int
	err error
}

func (c *Writer) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.W.Write(p)
	c.N += n
	c.err = err
	return n, err
}

// Err is the first error W returned, if any.
func (c *Writer) Err() error { return c.err }
