package images

import "syscall"

// changeTime is the file's status change time (macOS names it Ctimespec).
func changeTime(st *syscall.Stat_t) (sec, nsec int64) {
	return int64(st.Ctimespec.Sec), int64(st.Ctimespec.Nsec)
}
