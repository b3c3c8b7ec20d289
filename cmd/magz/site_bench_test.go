//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"magz/internal/synth"
)

// BenchmarkSiteStandardIssue times magz site on the photo pipeline's
// benchmark issue (12 articles, 30 photos of 4000×3000) with its build up
// to date, against the cold build of that issue, each in a process of its
// own so that its peak memory is its own. It reports the build's and the
// site's seconds and peak MB, and the site's time as a share of the
// build's (the target: at most 1.5, and under 300 MB). The issue is
// generated once into MAGZ_BENCH_DIR (default: a folder in the system's
// temporary folder) and kept for the next run.
//
//	go test ./cmd/magz -run '^$' -bench SiteStandardIssue -benchtime 1x
func BenchmarkSiteStandardIssue(b *testing.B) {
	dir := os.Getenv("MAGZ_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "magz-bench-site")
	}
	issue := filepath.Join(dir, "issues", "issue-bench")
	if err := synth.WriteIssue(issue, synth.StandardIssue); err != nil {
		b.Fatal(err)
	}
	bin := filepath.Join(b.TempDir(), "magz")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(args ...string) (time.Duration, int64) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("magz %v: %v\n%s", args, err, out)
		}
		took := time.Since(start)
		peak := int64(0)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = int64(ru.Maxrss) / 1024 // Linux counts kilobytes
		}
		return took, peak
	}
	var build, site time.Duration
	var buildMB, siteMB int64
	for range b.N {
		for _, d := range []string{"dist", "site", ".magz-cache"} {
			os.RemoveAll(filepath.Join(dir, d))
		}
		build, buildMB = run("build", "-q", "issue-bench")
		site, siteMB = run("site", "-q", "--base-url", "https://majalah.example", "--out", "site")
	}
	b.ReportMetric(build.Seconds(), "build-s")
	b.ReportMetric(float64(buildMB), "build-MB")
	b.ReportMetric(site.Seconds(), "site-s")
	b.ReportMetric(float64(siteMB), "site-MB")
	b.ReportMetric(site.Seconds()/build.Seconds(), "site/build")
}
