// Command magz-bench measures builds of a synthetic issue of 12 articles
// and 30 photos of 4000×3000 pixels (generated on the first run into
// .bench/, never committed). It reports, on this machine:
//
//   - the yardstick: libjpeg-turbo's djpeg decoding the 30 photos, one
//     process per CPU at a time (when djpeg is installed; otherwise Go's
//     image/jpeg, in one process per CPU), and magz's own decoder doing the
//     same;
//   - a cold build (empty cache) and its ratio to the yardstick;
//   - a warm build into a new output folder with every photo cached, a
//     build with nothing changed, and a build after editing one article;
//   - the sizes of the editions.
//
// Each build is timed -runs times (default 3) and the median is printed,
// with its peak memory: a machine shared with other work is noisy.
//
// Run it from the repository root:
//
//	go run ./cmd/magz-bench
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"

	magzjpeg "magz/internal/jpeg"
	"magz/internal/synth"
)

func main() {
	dir := flag.String("dir", ".bench", "work folder for the synthetic issue, the binary and the outputs")
	runs := flag.Int("runs", 3, "times each build is timed (the median is printed)")
	decoder := flag.String("decode", "", "only time decoding the photos in DIR with \"std\" (image/jpeg) or \"magz\" (used by the benchmark itself)")
	flag.Parse()
	if *decoder != "" {
		took, err := decodeIn(*dir, *decoder)
		if err != nil {
			fmt.Fprintln(os.Stderr, "magz-bench:", err)
			os.Exit(1)
		}
		fmt.Println(took.Seconds())
		return
	}
	if err := run(*dir, max(*runs, 1)); err != nil {
		fmt.Fprintln(os.Stderr, "magz-bench:", err)
		os.Exit(1)
	}
}

// timing is one measured run.
type timing struct {
	wall time.Duration
	peak int64 // MB
}

// median returns the run with the median wall time.
func median(ts []timing) timing {
	slices.SortFunc(ts, func(a, b timing) int { return int(a.wall - b.wall) })
	return ts[len(ts)/2]
}

func run(dir string, runs int) error {
	issue := filepath.Join(dir, "issues", "issue-bench")
	fmt.Printf("generating the synthetic issue in %s (first run only for the photos)...\n", issue)
	if err := synth.WriteIssue(issue, synth.StandardIssue); err != nil {
		return err
	}
	bin := filepath.Join(dir, "magz")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/magz").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	photos := filepath.Join(issue, "images")
	fmt.Printf("\nmachine: %d CPUs, %s; each figure the median of %d runs\n", runtime.NumCPU(), runtime.Version(), runs)
	yard, yardName, err := yardstick(photos, runs)
	if err != nil {
		return err
	}
	fmt.Printf("%-36s %8.2f s\n", yardName, yard.Seconds())
	own, err := decodeChild(photos, "magz", runs)
	if err != nil {
		return err
	}
	fmt.Printf("%-36s %8.2f s\n", "decode (magz's decoder)", own.Seconds())

	cache := filepath.Join(dir, "cache")
	out := filepath.Join(dir, "dist")
	// the builds' warnings, the same every time: printed once at the end
	var warnings []byte
	build := func(label string, before func() error, extra ...string) (time.Duration, error) {
		var ts []timing
		for range runs {
			if err := before(); err != nil {
				return 0, err
			}
			args := append([]string{"build", "--quiet", "--cache", cache, "--out", out}, extra...)
			cmd := exec.Command(bin, append(args, issue)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			if err := cmd.Run(); err != nil {
				return 0, fmt.Errorf("%s: %v\n%s", label, err, stderr.Bytes())
			}
			if warnings == nil {
				warnings = stderr.Bytes()
			}
			ts = append(ts, timing{time.Since(start), peakMB(cmd.ProcessState)})
		}
		m := median(ts)
		fmt.Printf("%-36s %8.2f s   peak %4d MB\n", label, m.wall.Seconds(), m.peak)
		return m.wall, nil
	}
	fresh := func() error { return errors.Join(os.RemoveAll(cache), os.RemoveAll(out)) }
	newFolder := func() error { return os.RemoveAll(out) }
	nothing := func() error { return nil }
	cold, err := build("cold build (empty cache)", fresh)
	if err != nil {
		return err
	}
	fmt.Printf("%-36s %8.2f x\n", "cold / "+yardName, cold.Seconds()/yard.Seconds())
	if _, err := build("warm, new output folder (cached)", newFolder); err != nil {
		return err
	}
	if _, err := build("warm build (nothing changed)", nothing); err != nil {
		return err
	}
	art := filepath.Join(issue, "articles", "03-artikel.md")
	data, err := os.ReadFile(art)
	if err != nil {
		return err
	}
	defer os.WriteFile(art, data, 0o644)
	edits := 0
	edit := func() error {
		edits++
		return os.WriteFile(art, fmt.Appendf(bytes.Clone(data), "\nSatu kalimat baru dari penyunting (%d).\n", edits), 0o644)
	}
	if _, err := build("after editing one article", edit); err != nil {
		return err
	}
	for _, f := range []string{"issue-bench-print.pdf", "issue-bench-screen.pdf", "issue-bench.epub"} {
		if st, err := os.Stat(filepath.Join(out, f)); err == nil {
			fmt.Printf("%-36s %8.1f MB\n", f, float64(st.Size())/(1<<20))
		}
	}
	if len(warnings) > 0 {
		fmt.Printf("\nwhat magz says of the benchmark issue (every build):\n%s", warnings)
	}
	return nil
}

// yardstick times decoding the photos with libjpeg-turbo's djpeg, one
// process per photo and one per CPU at a time, or with image/jpeg when
// djpeg is not installed.
func yardstick(photos string, runs int) (time.Duration, string, error) {
	djpeg, err := exec.LookPath("djpeg")
	if err != nil {
		took, err := decodeChild(photos, "std", runs)
		return took, "decode (image/jpeg, no djpeg)", err
	}
	files, _ := filepath.Glob(filepath.Join(photos, "*.jpg"))
	var ts []timing
	for range runs {
		start := time.Now()
		var g errgroup.Group
		g.SetLimit(runtime.NumCPU())
		for _, f := range files {
			g.Go(func() error {
				if out, err := exec.Command(djpeg, "-outfile", os.DevNull, f).CombinedOutput(); err != nil {
					return fmt.Errorf("djpeg %s: %v\n%s", f, err, out)
				}
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			return 0, "", err
		}
		ts = append(ts, timing{wall: time.Since(start)})
	}
	return median(ts).wall, "decode (djpeg, libjpeg-turbo)", nil
}

// decodeChild times decodeIn in a child process: a child inherits the
// resident size of the process that starts it in its peak-memory count,
// so this process must stay small for the builds' peaks to be true.
func decodeChild(photos, decoder string, runs int) (time.Duration, error) {
	var ts []timing
	for range runs {
		out, err := exec.Command(os.Args[0], "-decode", decoder, "-dir", photos).Output()
		if err != nil {
			return 0, fmt.Errorf("timing the %s decoder: %v", decoder, err)
		}
		var secs float64
		fmt.Sscan(string(out), &secs)
		ts = append(ts, timing{wall: time.Duration(secs * float64(time.Second))})
	}
	return median(ts).wall, nil
}

// decodeIn decodes every JPEG in dir, one per CPU, and returns the wall
// time.
func decodeIn(dir, decoder string) (time.Duration, error) {
	decode := func(b []byte) error { _, err := magzjpeg.Fast.Decode(b); return err }
	if decoder == "std" {
		decode = func(b []byte) error { _, err := jpeg.Decode(bytes.NewReader(b)); return err }
	}
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
