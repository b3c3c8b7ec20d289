//go:build linux || darwin

package pipeline

import (
	"os"
	"syscall"
)

// readBack gives the bytes of a file magz has just written, to read and
// then release. The file is mapped, not read: the hand-off sheet's
// inspection of the print edition reads its page contents and
// dictionaries and skips its 50 MB of pictures, which are then never
// copied.
func readBack(path string) ([]byte, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if n := st.Size(); n > 0 && int64(int(n)) == n {
		if data, err := syscall.Mmap(int(f.Fd()), 0, int(n), syscall.PROT_READ, syscall.MAP_SHARED); err == nil {
			return data, func() { _ = syscall.Munmap(data) }, nil
		}
	}
	data, err := os.ReadFile(path)
	return data, func() {}, err
}
