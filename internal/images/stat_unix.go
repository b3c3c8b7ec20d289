//go:build linux || darwin

package images

import (
	"fmt"
	"os"
	"syscall"
)

// fileIdentity describes a file's version without reading it: size,
// modification and change times, device and inode.
func fileIdentity(st os.FileInfo) string {
	id := fmt.Sprintf("%d:%d", st.Size(), st.ModTime().UnixNano())
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		sec, nsec := changeTime(sys)
		id += fmt.Sprintf(":%d:%d:%d.%d", sys.Dev, sys.Ino, sec, nsec)
	}
	return id
}
