//go:build !unix

package images

import (
	"fmt"
	"os"
)

func fileIdentity(st os.FileInfo) string {
	return fmt.Sprintf("%d:%d", st.Size(), st.ModTime().UnixNano())
}
