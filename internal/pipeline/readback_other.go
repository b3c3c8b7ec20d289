//go:build !(linux || darwin)

package pipeline

import "os"

// readBack gives the bytes of a file magz has just written, to read and
// then release.
func readBack(path string) ([]byte, func(), error) {
	data, err := os.ReadFile(path)
	return data, func() {}, err
}
