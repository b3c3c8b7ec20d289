package validate

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// npmRoot is where npm installs packages globally.
func npmRoot(t testing.TB) string {
	t.Helper()
	npm := need(t, "npm")
	// node starts for seconds under load: npm is asked once per test binary
	out, err := once("npm root -g", exec.Command(npm, "root", "-g").Output)
	if err != nil {
		t.Fatalf("npm root -g: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// needFile is need for a file an npm package installs.
func needFile(t testing.TB, path, pkg string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if Required() {
			t.Fatalf("%s is required (MAGZ_REQUIRE_VALIDATORS=1) but not installed: npm install -g %s", path, pkg)
		}
		t.Skipf("%s not installed; skipping (npm install -g %s)", path, pkg)
	}
	return path
}

// HTML runs the Nu Html Checker (npm's vnu-jar) on HTML files and fails
// the test on every error it reports.
func HTML(t testing.TB, files ...string) {
	t.Helper()
	java := need(t, "java")
	jar := needFile(t, filepath.Join(npmRoot(t), "vnu-jar", "build", "dist", "vnu.jar"), "vnu-jar")
	out, err := exec.Command(java, slices.Concat(javaFlags, []string{"-jar", jar, "--errors-only", "--format", "text"}, files)...).CombinedOutput()
	if err != nil { // it exits 1 when it finds errors
		t.Errorf("the Nu Html Checker finds errors (%v):\n%s", err, out)
	}
}

// axeScript loads each page given in Debian's chromium and runs axe-core
// on it (both from Ace by DAISY's packages), printing the violations as
// JSON: [{page, id, impact, help, nodes}].
const axeScript = `
const path = require('path');
const root = process.argv[2];
const puppeteer = require(path.join(root, '@daisy/ace/node_modules/puppeteer-core'));
const axe = path.join(root, '@daisy/ace/node_modules/@daisy/axe-core-for-ace/axe.min.js');
(async () => {
  const browser = await puppeteer.launch({executablePath: process.env.CHROMIUM, args: ['--no-sandbox', '--allow-file-access-from-files']});
  const out = [];
  for (const file of process.argv.slice(3)) {
    const page = await browser.newPage();
    await page.goto('file://' + file, {waitUntil: 'load'});
    await page.addScriptTag({path: axe});
    const res = await page.evaluate(async () => await axe.run(document, {resultTypes: ['violations']}));
    for (const v of res.violations) out.push({page: file, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length});
    await page.close();
  }
  await browser.close();
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

// AxeViolation is one rule a page breaks, as axe-core reports it.
type AxeViolation struct {
	Page, ID, Impact, Help string
	Nodes                  int
}

// Axe runs axe-core in chromium on HTML pages and returns the violations.
func Axe(t testing.TB, files ...string) []AxeViolation {
	t.Helper()
	node := need(t, "node")
	browser := need(t, "chromium")
	root := npmRoot(t)
	needFile(t, filepath.Join(root, "@daisy", "ace", "node_modules", "puppeteer-core"), "@daisy/ace")
	script := filepath.Join(t.TempDir(), "axe.js")
	if err := os.WriteFile(script, []byte(axeScript), 0o644); err != nil {
		t.Fatal(err)
	}
	var abs []string
	for _, f := range files {
		p, _ := filepath.Abs(f)
		abs = append(abs, p)
	}
	cmd := exec.Command(node, append([]string{script, root}, abs...)...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+browser)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("axe: %v\n%s", err, out)
	}
	var vs []AxeViolation
	if err := json.Unmarshal(out, &vs); err != nil {
		t.Fatalf("axe's report: %v\n%s", err, out)
	}
	return vs
}
