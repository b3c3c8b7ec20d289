package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"magz/internal/msg"
	"magz/internal/testissue"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"magz": func() { os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scenarios in testdata/script: what an
// editor types, and what magz must answer.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
		// synth KIND SIZE FILE writes a generated image (see internal/testissue).
		"synth": func(ts *testscript.TestScript, neg bool, args []string) {
			if len(args) != 3 {
				ts.Fatalf("usage: synth KIND WxH FILE")
			}
			data, err := testissue.Synth(args[0] + " " + args[1])
			ts.Check(err)
			ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[2])), 0o755))
			ts.Check(os.WriteFile(ts.MkAbs(args[2]), data, 0o644))
		},
		// cut FILE N keeps the first N bytes of a file (a photo whose
		// copy broke off).
		"cut": func(ts *testscript.TestScript, neg bool, args []string) {
			if len(args) != 2 {
				ts.Fatalf("usage: cut FILE N")
			}
			n, err := strconv.Atoi(args[1])
			ts.Check(err)
			data, err := os.ReadFile(ts.MkAbs(args[0]))
			ts.Check(err)
			ts.Check(os.WriteFile(ts.MkAbs(args[0]), data[:min(n, len(data))], 0o644))
		},
	}})
}

func TestInterrupted(t *testing.T) {
	defer msg.Use(msg.Use(msg.English))
	dir := t.TempDir()
	os.MkdirAll(dir+"/issues/i/articles", 0o755)
	os.WriteFile(dir+"/issues/i/issue.yaml", []byte("magazine: M\nnumber: 1\ndate: 2026-01-01\n"), 0o644)
	os.WriteFile(dir+"/issues/i/articles/a.md", []byte("# A\n\nText.\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // as if Ctrl-C came at once
	var stdout, stderr strings.Builder
	code := run(ctx, []string{"magz", "build", "--no-cache", "--out", dir + "/out", dir + "/issues/i"}, &stdout, &stderr)
	if code != 130 || !strings.Contains(stderr.String(), "interrupted; nothing was written") {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if entries, _ := os.ReadDir(dir + "/out"); len(entries) != 0 {
		t.Errorf("an interrupted build left %d files", len(entries))
	}
}
