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
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
