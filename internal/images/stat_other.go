//go:build !linux && !darwin

package images

import (
	"fmt"
	"os"
)

// fileIdentity describes a file's version by its size and modification
// time, where the system gives no portable change time or inode.
func fileIdentity(st os.FileInfo) string {
	return fmt.Sprintf("%d:%d", st.Size(), st.ModTime().UnixNano())
}
