package images

import "syscall"

// changeTime is the file's status change time (Linux names it Ctim).
func changeTime(st *syscall.Stat_t) (sec, nsec int64) { return st.Ctim.Sec, st.Ctim.Nsec }
