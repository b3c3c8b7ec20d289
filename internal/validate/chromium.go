package validate

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// goToScript opens each address given (a file with a fragment, as a
// reading system follows a link of an EPUB's page list) in Debian's
// chromium, with puppeteer from Ace by DAISY's packages, and prints as
// JSON, for each, the text the page shows from the link's target on (its
// first 300 characters, as laid out: hidden text left out), or null when
// the target is not there.
const goToScript = `
const path = require('path');
const root = process.argv[2];
const puppeteer = require(path.join(root, '@daisy/ace/node_modules/puppeteer-core'));
(async () => {
  const browser = await puppeteer.launch({executablePath: process.env.CHROMIUM, args: ['--no-sandbox', '--allow-file-access-from-files']});
  const page = await browser.newPage();
  const out = [];
  let loaded = '';
  for (const url of process.argv.slice(3)) {
    const [file, id] = url.split('#');
    if (file !== loaded) { await page.goto('file://' + file, {waitUntil: 'load'}); loaded = file; }
    out.push(await page.evaluate(id => {
      const el = document.getElementById(id);
      if (!el) return null;
      const r = document.createRange();
      r.setStartAfter(el);
      r.setEndAfter(document.body.lastChild);
      const s = document.getSelection();
      s.removeAllRanges();
      s.addRange(r);
      const text = s.toString();
      s.removeAllRanges();
      return text.slice(0, 300);
    }, id));
  }
  await browser.close();
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

// GoTo follows links in Chromium: for each address (an absolute file
// path with a #fragment), the text that follows its target as the page
// lays it out. A missing target fails the test.
func GoTo(t testing.TB, addresses []string) []string {
	t.Helper()
	node := need(t, "node")
	browser := need(t, "chromium")
	root := npmRoot(t)
	needFile(t, filepath.Join(root, "@daisy", "ace", "node_modules", "puppeteer-core"), "@daisy/ace")
	script := filepath.Join(t.TempDir(), "goto.js")
	if err := os.WriteFile(script, []byte(goToScript), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{script, root}, addresses...)...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+browser)
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("following links in chromium: %v\n%s", err, msg)
	}
	var texts []*string
	if err := json.Unmarshal(out, &texts); err != nil || len(texts) != len(addresses) {
		t.Fatalf("following links in chromium: %v\n%s", err, out)
	}
	res := make([]string, len(texts))
	for i, s := range texts {
		if s == nil {
			t.Errorf("%s: no such target", addresses[i])
			continue
		}
		res[i] = *s
	}
	return res
}
