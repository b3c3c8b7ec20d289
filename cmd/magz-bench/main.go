// Command magz-bench measures the photo pipeline on a synthetic issue of
// 12 articles and 30 photos of 4000×3000 pixels (generated on the first run
// into .bench/, never committed). It reports, on this machine:
//
//   - the floor: decoding the 30 JPEGs with Go's image/jpeg, one per CPU
//     (and, for comparison, with magz's own decoder, which is faster);
//   - a cold build (empty cache), a warm build (nothing changed) and a build
//     after editing one article, each with wall time and peak memory;
//   - the sizes of the editions.
//
// Run it from the repository root:
//
//	go run ./cmd/magz-bench
package main

import (
	"bytes"
	"flag"
	"fmt"
	"golang.org/x/sync/errgroup"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	magzjpeg "magz/internal/jpeg"
	"magz/internal/synth"
)

func main() {
	dir := flag.String("dir", ".bench", "work folder for the synthetic issue, the binary and the outputs")
	floorOnly := flag.Bool("floor", false, "only time the decoding of the photos in DIR (used by the benchmark itself)")
	flag.Parse()
	if *floorOnly {
		std, err := decodeAll(*dir, func(b []byte) error { _, err := jpeg.Decode(bytes.NewReader(b)); return err })
		if err == nil {
			var own time.Duration
			own, err = decodeAll(*dir, func(b []byte) error { _, err := magzjpeg.Fast.Decode(b); return err })
			fmt.Println(std.Seconds(), own.Seconds())
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "magz-bench:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "magz-bench:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	issue := filepath.Join(dir, "issues", "issue-bench")
	fmt.Printf("generating the synthetic issue in %s (first run only for the photos)...\n", issue)
	if err := synth.WriteIssue(issue, synth.StandardIssue); err != nil {
		return err
	}
	bin := filepath.Join(dir, "magz")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/magz").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	// The floor is timed in a child process: a child inherits the resident
	// size of the process that starts it in its peak-memory count, so this
	// process must stay small for the builds' peaks to be true.
	floorOut, err := exec.Command(os.Args[0], "-floor", "-dir", filepath.Join(issue, "images")).Output()
	if err != nil {
		return fmt.Errorf("timing the decode floor: %v", err)
	}
	var secs, own float64
	fmt.Sscan(string(floorOut), &secs, &own)
	floor := time.Duration(secs * float64(time.Second))
	fmt.Printf("\nmachine: %d CPUs, %s\n", runtime.NumCPU(), runtime.Version())
	fmt.Printf("%-28s %8.2f s\n", "decode floor (image/jpeg)", floor.Seconds())
	fmt.Printf("%-28s %8.2f s\n", "decode (magz's decoder)", own)
	cache := filepath.Join(dir, "cache")
	out := filepath.Join(dir, "dist")
	os.RemoveAll(cache)
	os.RemoveAll(out)
	build := func(label string, extra ...string) (time.Duration, error) {
		args := append([]string{"build", "--quiet", "--cache", cache, "--out", out}, extra...)
		cmd := exec.Command(bin, append(args, issue)...)
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, fmt.Errorf("%s: %v", label, err)
		}
		took := time.Since(start)
		fmt.Printf("%-28s %8.2f s   peak %4d MB\n", label, took.Seconds(), peakMB(cmd.ProcessState))
		return took, nil
	}
	cold, err := build("cold build (empty cache)")
	if err != nil {
		return err
	}
	if _, err := build("warm build (nothing changed)"); err != nil {
		return err
	}
	if _, err := build("warm, --force (photo cache)", "--force"); err != nil {
		return err
	}
	art := filepath.Join(issue, "articles", "03-artikel.md")
	data, _ := os.ReadFile(art)
	if err := os.WriteFile(art, append(data, []byte("\nSatu kalimat baru dari penyunting.\n")...), 0o644); err != nil {
		return err
	}
	defer os.WriteFile(art, data, 0o644)
	if _, err := build("after editing one article"); err != nil {
		return err
	}
	fmt.Printf("%-28s %8.2f x the decode floor\n", "cold / floor", cold.Seconds()/floor.Seconds())
	for _, f := range []string{"issue-bench-print.pdf", "issue-bench-screen.pdf", "issue-bench.epub"} {
		if st, err := os.Stat(filepath.Join(out, f)); err == nil {
			fmt.Printf("%-28s %8.1f MB\n", f, float64(st.Size())/(1<<20))
		}
	}
	return nil
}

// decodeAll decodes every JPEG in dir, one per CPU, and returns the wall
// time. With image/jpeg it is the floor the targets are measured against.
func decodeAll(dir string, decode func([]byte) error) (time.Duration, error) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.jpg"))
	datas := make([][]byte, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return 0, err
		}
		datas[i] = b
	}
	start := time.Now()
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for _, d := range datas {
		g.Go(func() error { return decode(d) })
	}
	err := g.Wait()
	return time.Since(start), err
}
