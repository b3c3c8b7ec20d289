// Command testtimes reads `go test -json` on its standard input and
// prints what a person reading CI's log needs: each package's result, the
// whole output of every test that failed, and the slowest packages and
// tests, so that a test that became slow shows in the log of the commit
// that made it slow. It exits 1 when anything failed.
//
//	go test -json ./... | go run ./.ci/testtimes
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// event is one line of test2json's output.
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	Elapsed    float64
	ImportPath string
}

type timing struct {
	name    string
	elapsed float64
}

func main() {
	top := flag.Int("top", 15, "how many of the slowest tests to list")
	budget := flag.Duration("package-budget", 90*time.Second, "warn about packages slower than this")
	flag.Parse()
	if !summarise(os.Stdin, os.Stdout, *top, *budget) {
		os.Exit(1)
	}
}

// summarise reports the run read from r on w, and whether it passed.
func summarise(r io.Reader, w io.Writer, top int, budget time.Duration) bool {
	outputs := map[string][]string{} // by package and test
	var pkgs, tests []timing
	ok := true
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Fprintln(w, sc.Text()) // not an event: go test's own message
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "build-output":
			fmt.Fprint(w, e.Output)
		case "build-fail":
			ok = false
		case "output":
			if e.Test == "" {
				// the package's own lines: ok, FAIL, a panic outside tests
				if !strings.HasPrefix(e.Output, "=== ") && !strings.HasPrefix(e.Output, "--- ") && e.Output != "PASS\n" {
					fmt.Fprint(w, e.Output)
				}
				continue
			}
			outputs[key] = append(outputs[key], e.Output)
		case "pass", "fail", "skip":
			if e.Action == "fail" {
				ok = false
				if e.Test != "" {
					fmt.Fprint(w, strings.Join(outputs[key], ""))
				}
			}
			delete(outputs, key)
			if e.Test == "" {
				pkgs = append(pkgs, timing{e.Package, e.Elapsed})
			} else {
				tests = append(tests, timing{e.Package + " " + e.Test, e.Elapsed})
			}
		}
	}
	slowest(w, "slowest packages", pkgs, 5)
	slowest(w, "slowest tests", tests, top)
	for _, p := range pkgs {
		if p.elapsed > budget.Seconds() {
			fmt.Fprintf(w, "testtimes: %s took %.0f s, over the budget of %.0f s a package\n", p.name, p.elapsed, budget.Seconds())
		}
	}
	return ok
}

func slowest(w io.Writer, title string, ts []timing, n int) {
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].elapsed > ts[j].elapsed })
	fmt.Fprintf(w, "%s:\n", title)
	for _, t := range ts[:min(n, len(ts))] {
		fmt.Fprintf(w, "%8.2f s  %s\n", t.elapsed, t.name)
	}
}
