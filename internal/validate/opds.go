package validate

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// opdsScript reads an OPDS 1 acquisition feed with the two parsers e-book
// apps are built on — Readium's r2-opds-js (its OPDS 1 model, and that
// converted to OPDS 2) and NYPL's opds-feed-parser — and prints, for each,
// what it found: entries, those with a date published, those with an
// open-access acquisition, and whether the feed offers a search.
const opdsScript = `
const path = require('path');
const fs = require('fs');
const { createRequire } = require('module');
const root = process.argv[2];
const r2 = createRequire(path.join(root, 'r2-opds-js', 'package.json'));
r2('reflect-metadata');
const xmldom = r2('@xmldom/xmldom');
const { XML } = r2('r2-utils-js/dist/es8-es2017/src/_utils/xml-js-mapper');
const { OPDS } = r2('./dist/es8-es2017/src/opds/opds1/opds');
const { convertOpds1ToOpds2 } = r2('./dist/es8-es2017/src/opds/converter');
const Parser = require(path.join(root, 'opds-feed-parser')).default;
const xml = fs.readFileSync(process.argv[3], 'utf8');
(async () => {
  const opds1 = XML.deserialize(new xmldom.DOMParser().parseFromString(xml, 'application/xml'), OPDS);
  const pubs = convertOpds1ToOpds2(opds1).Publications || [];
  const nypl = await new Parser().parse(xml);
  const open = ls => ls.some(l => /acquisition\/open-access/.test([].concat(l.Rel || l.rel || []).join(' ')));
  console.log(JSON.stringify([
    {parser: 'r2-opds-js', entries: pubs.length, published: pubs.filter(p => p.Metadata && p.Metadata.PublicationDate).length,
     openAccess: pubs.filter(p => open(p.Links || [])).length, search: (opds1.Links || []).some(l => l.Rel === 'search')},
    {parser: 'opds-feed-parser', entries: nypl.entries.length, published: nypl.entries.filter(e => e.published).length,
     openAccess: nypl.entries.filter(e => open(e.links)).length, search: !!nypl.search},
  ]));
})().catch(e => { console.error(e); process.exit(1); });
`

// OPDSReading is what one OPDS parser finds in a feed.
type OPDSReading struct {
	Parser                         string
	Entries, Published, OpenAccess int
	Search                         bool
}

// OPDS reads an OPDS acquisition feed with Readium's and NYPL's parsers
// (npm's r2-opds-js and opds-feed-parser, installed globally or in the
// node_modules folder MAGZ_NODE_MODULES names).
func OPDS(t testing.TB, feed string) []OPDSReading {
	t.Helper()
	node := need(t, "node")
	root := os.Getenv("MAGZ_NODE_MODULES")
	if root == "" {
		root = npmRoot(t)
	}
	needFile(t, filepath.Join(root, "r2-opds-js", "package.json"), "--ignore-scripts r2-opds-js")
	needFile(t, filepath.Join(root, "opds-feed-parser", "package.json"), "--ignore-scripts opds-feed-parser")
	script := filepath.Join(t.TempDir(), "opds.js")
	if err := os.WriteFile(script, []byte(opdsScript), 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(feed)
	out, err := exec.Command(node, script, root, abs).Output()
	if err != nil {
		t.Fatalf("the OPDS parsers: %v\n%s", err, out)
	}
	var rs []OPDSReading
	if err := json.Unmarshal(out, &rs); err != nil {
		t.Fatalf("the OPDS parsers' report: %v\n%s", err, out)
	}
	return rs
}
