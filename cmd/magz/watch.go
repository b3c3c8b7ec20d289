package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/urfave/cli/v2"

	"magz/internal/diag"
	"magz/internal/msg"
	"magz/internal/pipeline"
)

func watchCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "watch",
		Usage:     msg.T("build an issue, then build again whenever one of its files changes"),
		ArgsUsage: msg.T("ISSUE"),
		Description: msg.T("Builds ISSUE, then watches its folder: every time you save an article, issue.yaml\n" +
			"or a photo, the editions you asked for are built again. A failed build is reported\n" +
			"and watching goes on. Stop with Ctrl-C.\n\n" +
			"Examples:\n" +
			"   magz watch issue-13\n" +
			"   magz watch --format screen --previews issue-13    (quick proofs while editing)"),
		Flags: append(append([]cli.Flag{}, outputFlags...),
			&cli.IntFlag{Name: "max-builds", Hidden: true, Usage: msg.T("stop after N builds (for tests)")}),
		Action: func(c *cli.Context) error {
			opt, dir, err := buildOptions(c, "watch")
			if err != nil {
				return err
			}
			// The editions may be written inside the issue folder: their
			// own files changing is no reason to build again.
			outAbs, _ := filepath.Abs(opt.OutDir)
			builds := 0
			rebuild := func(why string) {
				builds++
				start := time.Now()
				res, err := pipeline.Run(c.Context, dir, opt)
				stamp := time.Now().Format("15:04:05")
				if res != nil {
					for _, d := range res.Warnings {
						fmt.Fprintln(stderr, d.String())
					}
				}
				if err != nil {
					if c.Context.Err() != nil {
						return
					}
					fmt.Fprintln(stderr, buildError(err))
					msg.Fprintf(stdout, "[%s] build failed (%s); fix the problems above and save again.\n", stamp, why)
					return
				}
				if !c.Bool("quiet") {
					msg.Fprintf(stdout, "[%s] %s: ", stamp, why)
					summary(stdout, res, time.Since(start), msg.T("Up to date (nothing changed)"))
				}
			}
			enough := func() bool { max := c.Int("max-builds"); return max > 0 && builds >= max }
			first := func() bool {
				rebuild(msg.T("first build"))
				if !c.Bool("quiet") {
					msg.Fprintf(stdout, "Watching %s for changes; press Ctrl-C to stop.\n", diag.DisplayPath(dir))
				}
				return enough()
			}
			return onChanges(c, dir, func(name string) bool { return inside(outAbs, name) }, stdout, stderr, first, func(changed string) bool {
				rebuild(msg.Sprintf("%s changed", changed))
				return enough()
			})
		},
	}
}

// onChanges watches dir and every folder in it, calls start, and then act
// with the changed file (relative to dir) once the files have been quiet a
// moment (editors save in bursts), until Ctrl-C or until start or act says
// stop. Files skip names, and editors' backups, are no reason to act.
func onChanges(c *cli.Context, dir string, skip func(string) bool, stdout, stderr io.Writer, start func() (stop bool), act func(changed string) (stop bool)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fail(1, "magz watch: cannot watch files here: %v", err)
	}
	defer w.Close()
	if err := addTree(w, dir); err != nil {
		return fail(1, "magz watch: %v", err)
	}
	if start() {
		return nil
	}
	var timer <-chan time.Time
	changed := ""
	for {
		select {
		case <-c.Context.Done():
			fmt.Fprintln(stdout, msg.T("Stopped watching."))
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ignored(ev.Name) || skip(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					addTree(w, ev.Name)
				}
			}
			rel, _ := filepath.Rel(dir, ev.Name)
			changed = filepath.ToSlash(rel)
			timer = time.After(300 * time.Millisecond)
		case err, ok := <-w.Errors:
			if ok {
				msg.Fprintf(stderr, "magz watch: %v\n", err)
			}
		case <-timer:
			timer = nil
			if act(changed) {
				return nil
			}
		}
	}
}

// addTree watches dir and every folder inside it.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return w.Add(p)
		}
		return nil
	})
}

func inside(dir, p string) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(dir, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// ignored tells editor backups and temporary files, which are no reason to
// build.
func ignored(name string) bool {
	b := filepath.Base(name)
	return strings.HasPrefix(b, ".") || strings.HasSuffix(b, "~") || strings.HasSuffix(b, ".swp") ||
		strings.HasSuffix(b, ".tmp") || strings.HasPrefix(b, "#")
}
