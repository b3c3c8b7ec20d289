package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/urfave/cli/v2"

	"magz/internal/msg"
)

// defaultListen is where --serve listens: this computer alone, on the
// port static-site tools use.
const defaultListen = "127.0.0.1:1313"

// reloadPath answers with the site's version, which each publishing
// raises; the script --serve adds to the pages asks it every second and
// reloads the page when it changes. The site on disk has no script.
const reloadPath = "/_magz/version"

const reloadScript = `<script>(function(){var v=null;setInterval(function(){fetch("` + reloadPath + `").then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v)location.reload();v=t}).catch(function(){})},1000)})()</script>`

// serve serves the site in out on --listen, publishing it again (and
// reloading the pages open in a browser) whenever a file of an issue
// changes, until interrupted.
func serve(c *cli.Context, out string, stdout, stderr io.Writer) error {
	var version atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc(reloadPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, version.Load())
	})
	files := http.FileServer(http.Dir(out))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		if !strings.HasSuffix(p, ".html") {
			files.ServeHTTP(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(p, "/"))))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(bytes.Replace(data, []byte("</body>"), []byte(reloadScript+"</body>"), 1))
	})
	addr := c.String("listen")
	if addr == "" {
		addr = defaultListen
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fail(1, "magz site: cannot serve on %s: %v", addr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	issues, _ := filepath.Abs(issuesDir(c))
	start := func() bool {
		msg.Fprintf(stdout, "Serving %s at http://%s/ ; it is published again as issues change. Ctrl-C stops.\n", out, ln.Addr())
		return false
	}
	return onChanges(c, issues, func(string) bool { return false }, stdout, stderr, start, func(string) bool {
		if _, err := publish(c, out, stderr); err != nil {
			if c.Context.Err() == nil {
				fmt.Fprintln(stderr, err) // and serve what was published last
			}
			return false
		}
		version.Add(1)
		msg.Fprintf(stdout, "[%s] published again\n", time.Now().Format("15:04:05"))
		return false
	})
}
