package images

import "syscall"

// changeTime is the file's status change time (macOS names it Ctimespec).
func changeTime(st *syscall.Stat_t) (sec, nsec int64) { return st.Ctimespec.Sec, st.Ctimespec.Nsec }
