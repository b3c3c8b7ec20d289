//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakMB is the most memory the finished process held, in MB.
func peakMB(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) >> 20 // bytes on macOS
	}
	return int64(ru.Maxrss) >> 10 // KiB on Linux and the BSDs
}
