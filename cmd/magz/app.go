package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"magz/internal/diag"
	"magz/internal/msg"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// version, commit and date are set at link time by the release tool
// (cmd/magz-release) with -ldflags "-X main.version=... ".
var version, commit, date = "", "", ""

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
	return &exitError{code: code, err: msg.Errorf(format, args...)}
}

// run is the whole program; main only wires signals and the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			msg.Fprintf(stderr, "magz: internal error: %v\nThis is a bug in magz; please report it with the issue folder that caused it.\n", r)
			code = 70
		}
	}()
	app := newApp(stdout, stderr)
	err := app.RunContext(ctx, flagsFirst(app, helpAsOption(args)))
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
	msg.Fprintf(stderr, "magz: %v\n", err)
	return 1
}

// issuesFlag is where issues live; hidden, for tests and odd setups. By
// default it is the issues folder of the magazine around the current
// folder (see magazineRoot).
var issuesFlag = &cli.StringFlag{Name: "issues", Value: "issues", Usage: msg.T("folder holding the issues"), Hidden: true}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:                 "magz",
		Usage:                msg.T("turn a magazine issue folder into print PDF, screen PDF and EPUB"),
		Version:              magzVersion(),
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		Description: msg.T("An issue is a folder with issue.yaml, articles/*.md and photos.\n" +
			"Issues live under ./issues; name one (issue-12) or give its path.\n\n" +
			"Start here:\n" +
			"   magz new issue-13        start the next issue\n" +
			"   magz check issue-13      find problems before the deadline\n" +
			"   magz build issue-13      make the print PDF, screen PDF and EPUB\n" +
			"   magz watch issue-13      rebuild while you edit\n\n" +
			"Shell completion: magz completion bash (or zsh) prints a script to source."),
		Commands: []*cli.Command{
			initCommand(stdout), newCommand(stdout), buildCommand(stdout, stderr), checkCommand(stdout),
			listCommand(stdout), watchCommand(stdout, stderr), siteCommand(stdout, stderr), versionCommand(stdout), completionCommand(stdout),
		},
		ExitErrHandler: func(*cli.Context, error) {},
		CommandNotFound: func(c *cli.Context, name string) {
			var names []string
			for _, cmd := range c.App.Commands {
				names = append(names, cmd.Names()...)
			}
			text := msg.Sprintf("magz: there is no command %q", name)
			if near := diag.Closest(name, names); near != "" {
				text += msg.Sprintf("; did you mean %q?", near)
			}
			msg.Fprintf(stderr, "%s\nRun 'magz --help' for the commands.\n", text)
			cli.OsExiter(2)
		},
		OnUsageError: usageError,
		// urfave/cli's help command speaks English only: "magz help" and
		// "magz help build" are read as --help (helpAsOption)
		HideHelpCommand: true,
	}
	for _, c := range app.Commands {
		c.OnUsageError = usageError
	}
	localizeHelp(app)
	return app
}

var (
	unknownFlag  = regexp.MustCompile(`^flag provided but not defined: -+(\S+)$`)
	missingValue = regexp.MustCompile(`^flag needs an argument: -+(\S+)$`)
	invalidValue = regexp.MustCompile(`^invalid value "(.*)" for flag -+(\S+): `)
)

// usageError explains an option typed wrong, with the option nearest to
// a misspelt one, in place of the flag package's terse English.
func usageError(c *cli.Context, err error, _ bool) error {
	cmd, flags := "magz", c.App.VisibleFlags()
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		cmd, flags = "magz "+c.Command.Name, c.Command.VisibleFlags()
	}
	option := func(name string) string {
		if len(name) == 1 {
			return "-" + name
		}
		return "--" + name
	}
	text := err.Error()
	switch {
	case unknownFlag.MatchString(text):
		typed := unknownFlag.FindStringSubmatch(text)[1]
		var names []string
		for _, f := range flags {
			for _, n := range f.Names() {
				names = append(names, option(n))
			}
		}
		if near := diag.Closest(option(typed), names); near != "" {
			text = msg.Sprintf("unknown option %s; did you mean %s?", option(typed), near)
		} else {
			text = msg.Sprintf("unknown option %s", option(typed))
		}
	case missingValue.MatchString(text):
		text = msg.Sprintf("option %s needs a value", option(missingValue.FindStringSubmatch(text)[1]))
	case invalidValue.MatchString(text):
		m := invalidValue.FindStringSubmatch(text)
		text = msg.Sprintf("%q is not a valid value for %s", m[1], option(m[2]))
	}
	help := cmd + " --help"
	return fail(2, "%s: %s\nRun '%s' for usage.", cmd, text, help)
}

// danglingOption reports an option typed last without its value
// ("magz build issue-12 -o"), which flagsFirst leaves among the arguments.
func danglingOption(c *cli.Context) error {
	for _, a := range c.Args().Slice() {
		if len(a) > 1 && strings.HasPrefix(a, "-") {
			return fail(2, "%s: %s\nRun '%s' for usage.", "magz "+c.Command.Name, msg.Sprintf("option %s needs a value", a), "magz "+c.Command.Name+" --help")
		}
	}
	return nil
}

// helpWords are the words of urfave/cli's own help pages that magz
// translates: the headings and the usage line's placeholders.
var helpWords = []string{msg.N("NAME:"), msg.N("USAGE:"), msg.N("VERSION:"), msg.N("DESCRIPTION:"),
	msg.N("COMMANDS:"), msg.N("GLOBAL OPTIONS:"), msg.N("OPTIONS:"), msg.N("[global options]"),
	msg.N("command [command options]")}

// localizeHelp gives the help pages the editor's language; the texts of
// magz's own commands and options are translated where they are written.
func localizeHelp(app *cli.App) {
	if msg.Current() == msg.English {
		return
	}
	tr := func(t string) string {
		for _, w := range helpWords {
			t = strings.ReplaceAll(t, w, msg.T(w))
		}
		return t
	}
	app.CustomAppHelpTemplate = tr(cli.AppHelpTemplate)
	for _, c := range app.Commands {
		c.CustomHelpTemplate = tr(cli.CommandHelpTemplate)
	}
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: msg.T("show help"), DisableDefaultText: true}
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: msg.T("print the version"), DisableDefaultText: true}
}

func versionCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: msg.T("print the version of magz"),
		Action: func(c *cli.Context) error {
			msg.Fprintf(stdout, "magz %s\n", magzVersion())
			if commit != "" {
				msg.Fprintf(stdout, "commit %s, built %s\n", commit, date)
			}
			return nil
		},
	}
}

const bashCompletion = `# magz bash completion: source this file, or save it in
# /etc/bash_completion.d/magz
_magz_complete() {
  local cur prev opts
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    --format|-f) COMPREPLY=( $(compgen -W "print screen epub print,screen,epub" -- "$cur") ); return ;;
    --out|-o|--cache) COMPREPLY=( $(compgen -d -- "$cur") ); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    opts=$( "${COMP_WORDS[@]:0:$COMP_CWORD}" - --generate-bash-completion 2>/dev/null )
  else
    opts=$( "${COMP_WORDS[0]}" ${COMP_WORDS[1]:+"${COMP_WORDS[1]}"} --generate-bash-completion 2>/dev/null )
    opts="$opts $( "${COMP_WORDS[0]}" list --names 2>/dev/null )"
  fi
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -o default -F _magz_complete magz
`

const powershellCompletion = `# magz PowerShell completion: add this to your profile ($PROFILE)
Register-ArgumentCompleter -Native -CommandName magz, magz.exe -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = $commandAst.CommandElements | ForEach-Object { $_.ToString() }
  $prev = if ($words.Count -ge 2) { $words[-1] } else { "" }
  if ($wordToComplete -ne "" -and $words.Count -ge 2) { $prev = $words[-2] }
  if ($prev -eq "--format" -or $prev -eq "-f") {
    $options = @("print", "screen", "epub", "print,screen,epub")
  } elseif ($wordToComplete -like "-*") {
    $cmd = if ($words.Count -ge 2) { $words[1] } else { "" }
    $options = & $words[0] $cmd - --generate-bash-completion 2>$null
  } else {
    $cmd = if ($words.Count -ge 3 -or ($words.Count -eq 2 -and $wordToComplete -eq "")) { $words[1] } else { "" }
    $options = @(& $words[0] $cmd --generate-bash-completion 2>$null) + @(& $words[0] list --names 2>$null)
  }
  $options | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`

const zshCompletion = `#compdef magz
_magz() {
  local -a opts
  opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion 2>/dev/null)}")
  opts+=("${(@f)$(${words[1]} list --names 2>/dev/null)}")
  _describe 'values' opts
}
compdef _magz magz
`

func completionCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     msg.T("print a shell completion script (bash, zsh or powershell)"),
		ArgsUsage: msg.T("bash|zsh|powershell"),
		Description: msg.T("Examples:\n" +
			"   source <(magz completion bash)\n" +
			"   magz completion zsh > ~/.zsh/completion/_magz\n" +
			"   magz completion powershell >> $PROFILE"),
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "", "bash":
				fmt.Fprint(stdout, bashCompletion)
			case "zsh":
				fmt.Fprint(stdout, zshCompletion)
			case "powershell", "pwsh":
				fmt.Fprint(stdout, powershellCompletion)
			default:
				return fail(2, "magz completion: unknown shell %q; use bash, zsh or powershell", c.Args().First())
			}
			return nil
		},
	}
}

// helpAsOption reads "magz help" as "magz --help" and "magz help CMD"
// as "magz CMD --help", in every language.
func helpAsOption(args []string) []string {
	if len(args) < 2 || args[1] != "help" {
		return args
	}
	if len(args) == 2 {
		return []string{args[0], "--help"}
	}
	return append([]string{args[0], args[2], "--help"}, args[3:]...)
}

// flagsFirst lets options follow the issue name, as editors type them
// ("magz build issue-12 --format epub"), the way Pandoc and Quarto take
// them: urfave/cli stops reading options at the first argument, so the
// options of a command are moved before its arguments. An option that
// takes a value takes the word after it along; after "--" nothing moves.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 || args[len(args)-1] == "--generate-bash-completion" {
		return args // shell completion asks with its own order
	}
	var cmd *cli.Command
	at := 1
	for ; at < len(args); at++ {
		if !strings.HasPrefix(args[at], "-") {
			cmd = app.Command(args[at])
			break
		}
	}
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	out := append([]string(nil), args[:at+1]...)
	var positional, dangling []string
	rest := args[at+1:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			positional = append(positional, rest[i:]...)
			i = len(rest)
		case a == "-h" || a == "--help":
			// help on the command, whatever else was typed
			return append(args[:at+1:at+1], "--help")
		case len(a) > 1 && strings.HasPrefix(a, "-"):
			name := strings.TrimLeft(a, "-")
			switch {
			case !takesValue[name] || strings.Contains(name, "="):
				out = append(out, a)
			case i+1 < len(rest):
				out = append(out, a, rest[i+1])
				i++
			default: // its value is missing: keep it last, to be reported so
				dangling = append(dangling, a)
			}
		default:
			positional = append(positional, a)
		}
	}
	return append(append(out, positional...), dangling...)
}

// magazineRoot is the folder of the magazine the current folder is in:
// the nearest one, from here up, that holds an issues folder ("." when
// there is none). Commands work the same from anywhere inside it: from
// issues/issue-12, "magz build ." still writes into the magazine's dist/.
func magazineRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := wd; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, "issues")); err == nil && st.IsDir() {
			if rel, err := filepath.Rel(wd, d); err == nil {
				return rel
			}
			return d
		}
		if filepath.Dir(d) == d {
			return "."
		}
	}
}

// issuesDir is the folder holding the issues: --issues, or the magazine's.
func issuesDir(c *cli.Context) string {
	if c.IsSet("issues") {
		return c.String("issues")
	}
	return filepath.Join(magazineRoot(), "issues")
}

// distDir is where editions go unless --out says otherwise: dist/ beside
// the issues folder.
func distDir(c *cli.Context) string {
	return filepath.Join(filepath.Dir(issuesDir(c)), "dist")
}
