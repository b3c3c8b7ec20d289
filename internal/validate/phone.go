package validate

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// phoneScript opens each page in Debian's chromium as a phone of the
// given width shows it, in light and in dark mode (prefers-color-scheme),
// and reports how wide the page is and what axe-core finds in each mode,
// as JSON: [{page, scheme, width, violations: [{id, impact, help, nodes}]}].
const phoneScript = `
const path = require('path');
const root = process.argv[2], width = parseInt(process.argv[3]);
const puppeteer = require(path.join(root, '@daisy/ace/node_modules/puppeteer-core'));
const axe = path.join(root, '@daisy/ace/node_modules/@daisy/axe-core-for-ace/axe.min.js');
(async () => {
  const browser = await puppeteer.launch({executablePath: process.env.CHROMIUM, args: ['--no-sandbox', '--allow-file-access-from-files']});
  const out = [];
  for (const file of process.argv.slice(4)) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage();
      await page.setViewport({width: width, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true});
      await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}]);
      await page.goto('file://' + file, {waitUntil: 'load'});
      const w = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
      await page.addScriptTag({path: axe});
      const res = await page.evaluate(async () => await axe.run(document, {resultTypes: ['violations']}));
      out.push({page: file, scheme: scheme, width: w,
        violations: res.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))});
      await page.close();
    }
  }
  await browser.close();
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

// PhoneView is how a page looks on a phone in one colour scheme: how wide
// it lays out, and what axe-core finds.
type PhoneView struct {
	Page, Scheme string // the file, "light" or "dark"
	Width        int    // the page's width in CSS pixels (wider than the screen: it pans)
	Violations   []AxeViolation
}

// Phone opens HTML pages in chromium at a phone's width (in CSS pixels),
// light and dark, and returns each view.
func Phone(t testing.TB, width int, files ...string) []PhoneView {
	t.Helper()
	node := need(t, "node")
	browser := need(t, "chromium")
	root := npmRoot(t)
	needFile(t, filepath.Join(root, "@daisy", "ace", "node_modules", "puppeteer-core"), "@daisy/ace")
	script := filepath.Join(t.TempDir(), "phone.js")
	if err := os.WriteFile(script, []byte(phoneScript), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{script, root, itoa(width)}
	for _, f := range files {
		p, _ := filepath.Abs(f)
		args = append(args, p)
	}
	cmd := exec.Command(node, args...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+browser)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("the phone view: %v\n%s", err, out)
	}
	var vs []PhoneView
	if err := json.Unmarshal(out, &vs); err != nil {
		t.Fatalf("the phone view's report: %v\n%s", err, out)
	}
	return vs
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
