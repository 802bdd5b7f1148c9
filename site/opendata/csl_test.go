package opendata_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"protosite/site/config"
	"protosite/site/opendata"
)

// cslReference is data/protocol.csl.json as the test reads it: unknown
// fields fail the decoding.
type cslReference []struct {
	Type                string `json:"type"`
	ID                  string `json:"id"`
	Title               string `json:"title"`
	TitleShort          string `json:"title-short"`
	ContainerTitle      string `json:"container-title"`
	ContainerTitleShort string `json:"container-title-short"`
	Volume              string `json:"volume"`
	Page                string `json:"page"`
	Issued              *struct {
		DateParts [][]int `json:"date-parts"`
	} `json:"issued"`
	URL      string `json:"URL"`
	Language string `json:"language"`
}

// TestCSLReferenceHoldsSiteYAMLFacts reads the real content's CSL JSON:
// one item of type treaty, with the facts site.yaml gives.
func TestCSLReferenceHoldsSiteYAMLFacts(t *testing.T) {
	s, g := load(t)
	var ref cslReference
	decodeJSON(t, opendata.ProtocolCSL, dataFiles(t, s, g)[opendata.ProtocolCSL], &ref)
	if len(ref) != 1 {
		t.Fatalf("%d items, want 1", len(ref))
	}
	it := ref[0]
	c := s.Config
	for _, f := range []struct{ name, got, want string }{
		{"type", it.Type, "treaty"},
		{"id", it.ID, "smuggling-of-migrants-protocol"},
		{"title", it.Title, c.TreatyTitle},
		{"title-short", it.TitleShort, c.CitationPrefix},
		{"container-title", it.ContainerTitle, "United Nations, Treaty Series"},
		{"container-title-short", it.ContainerTitleShort, "UNTS"},
		{"volume", it.Volume, "2241"},
		{"page", it.Page, "507"},
		{"URL", it.URL, strings.TrimSuffix(c.BaseURL, "/") + "/"},
		{"language", it.Language, "en"},
	} {
		if f.got != f.want {
			t.Errorf("%s is %q, want %q", f.name, f.got, f.want)
		}
	}
	if it.Issued == nil || len(it.Issued.DateParts) != 1 || len(it.Issued.DateParts[0]) != 3 ||
		it.Issued.DateParts[0][0] != 2000 || it.Issued.DateParts[0][1] != 11 || it.Issued.DateParts[0][2] != 15 {
		t.Errorf("issued is %+v, want the day of adoption, 2000-11-15", it.Issued)
	}
}

// TestCSLReferenceLeavesOutWhatSiteYAMLLacks: without the series or the
// dates the item has no volume, page or date, rather than made-up ones;
// without the series' full name the abbreviation stands for it.
func TestCSLReferenceLeavesOutWhatSiteYAMLLacks(t *testing.T) {
	s, g := load(t)
	cfg := *s.Config
	cfg.TreatySeriesTitle = ""
	s.Config = &cfg
	var ref cslReference
	decodeJSON(t, opendata.ProtocolCSL, dataFiles(t, s, g)[opendata.ProtocolCSL], &ref)
	if it := ref[0]; it.ContainerTitle != "UNTS" || it.ContainerTitleShort != "" || it.Volume != "2241" {
		t.Errorf("without treaty_series_title: container %q, short %q, volume %q; want UNTS, none, 2241", it.ContainerTitle, it.ContainerTitleShort, it.Volume)
	}

	cfg.TreatySeries, cfg.Adopted = "", ""
	ref = nil
	decodeJSON(t, opendata.ProtocolCSL, dataFiles(t, s, g)[opendata.ProtocolCSL], &ref)
	if it := ref[0]; it.ContainerTitle != "" || it.Volume != "" || it.Page != "" || it.Issued != nil {
		t.Errorf("without treaty_series and adopted, the item still has %+v", it)
	}
	if it := ref[0]; it.Type != "treaty" || it.Title != cfg.TreatyTitle {
		t.Errorf("without treaty_series and adopted: type %q, title %q", it.Type, it.Title)
	}
}

func TestCSLID(t *testing.T) {
	for _, c := range []struct{ prefix, want string }{
		{"Smuggling of Migrants Protocol", "smuggling-of-migrants-protocol"},
		{"Test Protocol", "test-protocol"},
		{"  Protocol (2000), art.", "protocol-2000-art"},
		{"Протокол о мигрантах", "протокол-о-мигрантах"},
		{"!!!", "treaty"},
	} {
		if got := opendata.CSLID(&config.Config{CitationPrefix: c.prefix}); got != c.want {
			t.Errorf("CSLID(%q) = %q, want %q", c.prefix, got, c.want)
		}
	}
}

// citationJS is where .ci/run installs Citation.js, which formats CSL
// JSON with citeproc-js, the processor Zotero uses.
const citationJS = "../../.cache/npm/node_modules/@citation-js"

// TestCSLReferenceFormatsInCiteproc gives the real content's CSL JSON to
// citeproc-js: the bibliography entry must name the treaty, its date and
// where it is published, and a citation with an article as its locator
// must cite that article.
func TestCSLReferenceFormatsInCiteproc(t *testing.T) {
	node, err := exec.LookPath("node")
	_, statErr := os.Stat(filepath.Join(citationJS, "plugin-csl"))
	if err != nil || statErr != nil {
		msg := `needs node and Citation.js: run npm install --no-save --prefix "$PWD/.cache/npm" @citation-js/core@0.9.0 @citation-js/plugin-csl@0.9.0 at the root of the repository`
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	s, g := load(t)
	dir, err := filepath.Abs(citationJS)
	if err != nil {
		t.Fatal(err)
	}
	script := `
const {Cite} = require(process.argv[1] + "/core");
require(process.argv[1] + "/plugin-csl");
const cite = new Cite(JSON.parse(process.argv[2]));
const entry = [{id: cite.data[0].id, locator: "6", label: "article-locator"}];
process.stdout.write(cite.format("bibliography", {template: "apa", format: "text"}) + "\n---\n" +
  cite.format("citation", {template: "apa", format: "text", entry}));
`
	out, err := exec.Command(node, "-e", script, dir, string(dataFiles(t, s, g)[opendata.ProtocolCSL])).CombinedOutput()
	if err != nil {
		t.Fatalf("formatting the CSL JSON: %v\n%s", err, out)
	}
	bib, cit, _ := strings.Cut(string(out), "\n---\n")
	t.Logf("bibliography: %s\ncitation: %s", bib, cit)
	for _, want := range []string{"Protocol against the Smuggling of Migrants by Land, Sea and Air", "November 15, 2000", "2241 United Nations, Treaty Series 507", strings.TrimSuffix(s.Config.BaseURL, "/") + "/"} {
		if !strings.Contains(bib, want) {
			t.Errorf("bibliography entry %q lacks %q", bib, want)
		}
	}
	if want := "(Smuggling of Migrants Protocol, 2000, Article 6)"; strings.TrimSpace(cit) != want {
		t.Errorf("citation of article 6 is %q, want %q", cit, want)
	}
}
