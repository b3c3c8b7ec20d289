package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

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

// syncBuffer is a buffer written by the command and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestSiteServe: magz site --serve serves the site with a script that
// reloads the page, and publishes it again when an article changes.
func TestSiteServe(t *testing.T) {
	defer msg.Use(msg.Use(msg.English))
	root := t.TempDir()
	issues := filepath.Join(root, "issues")
	os.MkdirAll(filepath.Join(issues, "issue-1", "articles"), 0o755)
	os.WriteFile(filepath.Join(issues, "issue-1", "issue.yaml"), []byte("magazine: Warta\nnumber: 1\ndate: 2026-01-01\n"), 0o644)
	article := filepath.Join(issues, "issue-1", "articles", "a.md")
	os.WriteFile(article, []byte("# Judul Lama\n\nTeks.\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"magz", "site", "--serve", "--listen", "127.0.0.1:0", "--issues", issues}, &stdout, &stderr)
	}()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("exit %d\n%s", code, stderr.String())
		}
	}()
	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for i := 0; i < 300 && base == ""; i++ {
		if m := addr.FindStringSubmatch(stdout.String()); m != nil {
			base = "http://" + m[1]
		}
		time.Sleep(50 * time.Millisecond)
	}
	if base == "" {
		t.Fatalf("not serving:\n%s\n%s", stdout.String(), stderr.String())
	}
	get := func(path string) string {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if page := get("/issue-1/a.html"); !strings.Contains(page, "Judul Lama") || !strings.Contains(page, "/_magz/version") {
		t.Fatalf("the served page lacks its title or the reload script:\n%s", page)
	}
	v0 := get("/_magz/version")
	os.WriteFile(article, []byte("# Judul Baru\n\nTeks.\n"), 0o644)
	for i := 0; i < 400 && get("/_magz/version") == v0; i++ {
		time.Sleep(50 * time.Millisecond)
	}
	if page := get("/issue-1/a.html"); !strings.Contains(page, "Judul Baru") {
		t.Errorf("not published again after the change:\n%s\n%s", stdout.String(), stderr.String())
	}
	if disk, _ := os.ReadFile(filepath.Join(root, "dist", "site", "issue-1", "a.html")); strings.Contains(string(disk), reloadPath) {
		t.Error("the site on disk carries the reload script")
	}
}
