// Command magz turns a magazine issue folder (Markdown articles with YAML
// headers, photos, issue.yaml) into a print PDF, a screen PDF and an EPUB.
//
//	magz build issue-12
//	magz build --format epub --out /tmp/out issues/issue-12
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// MAGZ_CPUPROFILE=file writes a CPU profile, for the team's benchmarks.
	if p := os.Getenv("MAGZ_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			pprof.StartCPUProfile(f)
			defer f.Close()
		}
	}
	code := run(ctx, os.Args, os.Stdout, os.Stderr)
	pprof.StopCPUProfile()
	stop()
	os.Exit(code)
}
