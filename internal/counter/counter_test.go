package counter

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

// full takes n bytes, then fails.
type full struct {
	bytes.Buffer
	n int
}

var errFull = errors.New("disk full")

func (f *full) Write(p []byte) (int, error) {
	if room := f.n - f.Len(); len(p) > room {
		f.Buffer.Write(p[:room])
		return room, errFull
	}
	return f.Buffer.Write(p)
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	c := &Writer{W: &b}
	fmt.Fprintf(c, "%d 0 obj\n", 12)
	c.Write([]byte("<<>>"))
	if c.N != b.Len() || c.N != len("12 0 obj\n<<>>") || c.Err() != nil {
		t.Errorf("N = %d after %q, err %v", c.N, b.String(), c.Err())
	}
}

func TestWriterStopsAtTheFirstError(t *testing.T) {
	f := &full{n: 5}
	c := &Writer{W: f}
	c.Write([]byte("abc"))
	if n, err := c.Write([]byte("defg")); n != 2 || !errors.Is(err, errFull) {
		t.Fatalf("Write = %d, %v; want 2, the writer's error", n, err)
	}
	if n, err := c.Write([]byte("h")); n != 0 || !errors.Is(err, errFull) {
		t.Errorf("after an error, Write = %d, %v; want 0 and the same error", n, err)
	}
	if c.N != 5 || !errors.Is(c.Err(), errFull) || f.String() != "abcde" {
		t.Errorf("N = %d, Err = %v, written %q", c.N, c.Err(), f.String())
	}
}
