package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// version is set at link time with -ldflags "-X main.version=...".
var version = ""

func magzVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// exitError carries an exit status through urfave/cli.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func fail(code int, format string, args ...any) error {
	return &exitError{code: code, err: fmt.Errorf(format, args...)}
}

// run is the whole program; main only wires signals and the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "magz: internal error: %v\nThis is a bug in magz; please report it with the issue folder that caused it.\n", r)
			code = 70
		}
	}()
	app := newApp(stdout, stderr)
	err := app.RunContext(ctx, args)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "magz: %v\n", err)
	return 1
}

// issuesFlag is where issues live; hidden, for tests and odd setups.
var issuesFlag = &cli.StringFlag{Name: "issues", Value: "issues", Usage: "folder holding the issues", Hidden: true}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:                 "magz",
		Usage:                "turn a magazine issue folder into print PDF, screen PDF and EPUB",
		Version:              magzVersion(),
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		HideVersion:          true,
		Description: "An issue is a folder with issue.yaml, articles/*.md and photos.\n" +
			"Issues live under ./issues; name one (issue-12) or give its path.\n\n" +
			"Start here:\n" +
			"   magz new issue-13        start the next issue\n" +
			"   magz check issue-13      find problems before the deadline\n" +
			"   magz build issue-13      make the print PDF, screen PDF and EPUB\n" +
			"   magz watch issue-13      rebuild while you edit\n\n" +
			"Shell completion: magz completion bash (or zsh) prints a script to source.",
		Commands: []*cli.Command{
			newCommand(stdout), buildCommand(stdout, stderr), checkCommand(stdout),
			listCommand(stdout), watchCommand(stdout, stderr), versionCommand(stdout), completionCommand(stdout),
		},
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			name := ""
			if c.Command != nil {
				name = c.Command.Name + " "
			}
			return fail(2, "magz: %v\nRun 'magz %s--help' for usage.", err, name)
		},
	}
}

func versionCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version of magz",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(stdout, "magz %s\n", magzVersion())
			return nil
		},
	}
}

const bashCompletion = `# magz bash completion: source this file, or save it in
# /etc/bash_completion.d/magz
_magz_complete() {
  local cur opts
  cur="${COMP_WORDS[COMP_CWORD]}"
  opts=$( "${COMP_WORDS[@]:0:$COMP_CWORD}" --generate-bash-completion 2>/dev/null )
  if [ -d issues ]; then opts="$opts $(ls issues 2>/dev/null)"; fi
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -o default -F _magz_complete magz
`

const zshCompletion = `#compdef magz
_magz() {
  local -a opts
  opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion 2>/dev/null)}")
  [[ -d issues ]] && opts+=(issues/*(:t))
  _describe 'values' opts
}
compdef _magz magz
`

func completionCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script (bash or zsh)",
		ArgsUsage: "bash|zsh",
		Description: "Examples:\n" +
			"   source <(magz completion bash)\n" +
			"   magz completion zsh > ~/.zsh/completion/_magz",
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "", "bash":
				fmt.Fprint(stdout, bashCompletion)
			case "zsh":
				fmt.Fprint(stdout, zshCompletion)
			default:
				return fail(2, "magz completion: unknown shell %q; use bash or zsh", c.Args().First())
			}
			return nil
		},
	}
}
