package search

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"protosite/static"
)

// engineResult is what the browser's engine answers, as the harness prints it.
type engineResult struct {
	Error  string             `json:"error"`
	Lang   string             `json:"lang"`
	Total  int                `json:"total"`
	Hits   []engineHit        `json:"hits"`
	Facets map[string][]Facet `json:"facets"`
	Loaded []string           `json:"loaded"` // files the query loaded
}

type engineHit struct {
	URL     string   `json:"url"`
	Title   string   `json:"title"`
	Kind    string   `json:"kind"`
	Lang    string   `json:"lang"`
	Score   float64  `json:"score"`
	Snippet string   `json:"snippet"`
	Words   []string `json:"words"`
}

// engineRequest is a request as the browser's engine takes it.
type engineRequest struct {
	Q       string `json:"q"`
	Lang    string `json:"lang,omitempty"`
	Kind    string `json:"kind,omitempty"`
	Article string `json:"article,omitempty"`
	Country string `json:"country,omitempty"`
	Year    string `json:"year,omitempty"`
	From    int    `json:"from,omitempty"`
	Size    int    `json:"size,omitempty"`
}

func toEngine(r Request) engineRequest {
	return engineRequest{Q: r.Query, Lang: r.Lang, Kind: r.Kind, Article: r.Article, Country: r.Country, Year: r.Year, From: r.From, Size: r.Size}
}

// node returns the path of node, skipping the test when there is none,
// unless on CI.
func node(tb testing.TB) string {
	tb.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal("node is needed to test the browser's search engine")
		}
		tb.Skip("node is not installed; the browser's search engine is not tested")
	}
	return p
}

// runEngine answers requests with the browser's engine, search.js as the
// site serves it, in one Node process, which keeps what it loaded from one
// request to the next.
func runEngine(tb testing.TB, e *exported, reqs []engineRequest) []engineResult {
	tb.Helper()
	bin := node(tb)
	in, err := json.Marshal(reqs)
	if err != nil {
		tb.Fatal(err)
	}
	languages := strings.TrimPrefix(e.static.Scripts[0], "/"+ExportDir+"/")
	engine := writeEngine(tb)
	cmd := exec.Command(bin, "testdata/run-engine.js", filepath.Join(e.dir, ExportDir), engine, languages)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("running the engine: %v\n%s", err, stderr.String())
	}
	var res []engineResult
	if err := json.Unmarshal(out, &res); err != nil {
		tb.Fatalf("reading the engine's answer: %v", err)
	}
	if len(res) != len(reqs) {
		tb.Fatalf("%d answers to %d requests", len(res), len(reqs))
	}
	return res
}

// writeEngine writes search.js, joined from its parts as the site joins
// it, for Node to run, and returns its path.
func writeEngine(tb testing.TB) string {
	tb.Helper()
	src, err := static.SearchEngine()
	if err != nil {
		tb.Fatal(err)
	}
	name := filepath.Join(tb.TempDir(), "search.js")
	if err := os.WriteFile(name, src, 0o644); err != nil {
		tb.Fatal(err)
	}
	return name
}

// syntheticRequests cover the query syntax the page documents and the
// corners of bleve's scoring.
func syntheticRequests() []Request {
	qs := []string{
		"fraudulent travel document", "Fraudulent Travel Documents", `"travel or identity document"`, `"identity document"`,
		"+smuggling -training", "+smuggled +migrants", "-training", "+the smuggling", "smuggling kind:legislation", "kind:recommendation",
		"article:6", "year:2015", "country:FRA smuggling", "2000", "3.5", "the", "the smuggling", "of", "xyzzy", "xyzzy smuggling",
		`"the return of"`, "return of smuggled migrants", `"return of smuggled migrants"`, "irrégulière", "étranger", "Straße", "müller's",
		"μεταναστών", "会議", "travel-document", "state's obligations", "States’", "art_6__para_1__point_b", "title:training",
		"text:training", "training^3 smuggling", `"travel document"^2`, "vessel without nationality", "aggravating circumstances",
		"non-refoulement", "e.g.", "U.N.", "meeting:wg-2018", "lang:en smuggling", "smug*", "/smug.*/", "foo:bar smuggling",
		`kind:"legislation"`, "title:the smuggling", `""`, "training", "officials on smuggling", "year:>2010 training", "Côte d’Ivoire",
		"without delay", `"without delay"`, "+migrants -smuggled -training", "protocol convention", "-xyzzy",
		`"unterminated`, "+", "a:", "kind:", "^2", "a^x", "a~x", "smugling~", "smugling~2 travel", "title:traning~1", "travel~0", "smug*~0", "travel~0.5", "-smugling~1 +travel", "travel~-1", "a~1e400", "a^1e400", "smug* +", "/x/ +smug*", "   ", strings.Repeat("é", 251),
	}
	var reqs []Request
	for _, q := range qs {
		reqs = append(reqs, Request{Query: q})
	}
	return append(reqs,
		Request{Query: "smuggling", Kind: "provision"},
		Request{Query: "smuggling migrants", Article: "6"},
		Request{Query: "smuggling migrants", Article: "6", Year: "2015", Country: "ESP"},
		Request{Query: "-training", Kind: "legislation"},
		Request{Query: "the", Kind: "legislation"},
		Request{Query: "smuggling", Kind: "nothing"},
		Request{Query: "state", From: 3, Size: 4},
		Request{Query: "migrants", Size: 50},
	)
}

// realRequests are queries on the site's content.
func realRequests() []Request {
	var reqs []Request
	for _, q := range []string{
		"fraudulent travel document", "aggravating circumstances", "vessel without nationality", "return of smuggled migrants",
		"training", `"financial or other material benefit"`, "+smuggling -trafficking", "kind:legislation smuggling",
		"article:6 criminalization", "the", "xyzzy", "year:2018", "country:PAK", "2000", "organized criminal group",
		"migrants' rights", "État", "sea", `"by sea"`, "-smuggling", "protection of smuggled migrants", "+border +control",
	} {
		reqs = append(reqs, Request{Query: q})
	}
	return append(reqs,
		Request{Query: "smuggling", Kind: "legislation"},
		Request{Query: "migrants", Article: "16"},
		Request{Query: "offence", Year: "2018", Size: 20},
	)
}

// realDutchRequests are queries on the Dutch translation of the Protocol
// and on every language of the site's content, with words each language
// has or analyses into none of its terms (see dutchRequests).
func realDutchRequests() []Request {
	var reqs []Request
	for _, q := range []string{"reisdocument", "smokkelen", "gesmokkelde migranten", `"smokkel van migranten"`, "terugkeer", "+staat -migranten", "article:8 zee", "de"} {
		reqs = append(reqs, Request{Query: q, Lang: "nl"})
	}
	for _, q := range []string{"smuggled migranten", "smuggling", "kind:provision article:6", "travel reisdocument"} {
		reqs = append(reqs, Request{Query: q, Lang: AllLanguages})
	}
	return append(reqs, Request{Query: "smuggling", Lang: AllLanguages, From: 15, Size: 20}, Request{Query: "smuggling", Lang: "xx"})
}

func TestEngine(t *testing.T) {
	node(t)
	t.Run("synthetic", func(t *testing.T) { compareEngines(t, syntheticDocs(), syntheticRequests()) })
	t.Run("languages", func(t *testing.T) { compareEngines(t, bilingualDocs(), dutchRequests()) })
	t.Run("scripts", func(t *testing.T) { compareEngines(t, otherScriptDocs(), otherScriptRequests()) })
	if docs, ok := realDocs(t); ok {
		t.Run("real", func(t *testing.T) { compareEngines(t, docs, append(realRequests(), realDutchRequests()...)) })
	}
}

// compareEngines runs requests against the server's index and the
// browser's engine and requires the same answers.
func compareEngines(t *testing.T, docs []Doc, reqs []Request) {
	e := buildAndExport(t, docs)
	ix, err := Open(e.indexDir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var ereqs []engineRequest
	for _, r := range reqs {
		ereqs = append(ereqs, toEngine(r))
	}
	got := runEngine(t, e, ereqs)
	for i, r := range reqs {
		js := got[i]
		name := fmt.Sprintf("%q %+v", r.Query, Request{Lang: r.Lang, Kind: r.Kind, Article: r.Article, Country: r.Country, Year: r.Year, From: r.From, Size: r.Size})
		want, err := ix.Search(r)
		if err != nil {
			if !IsUserError(err) {
				t.Errorf("%s: server: %v", name, err)
			} else if js.Error != err.Error() {
				t.Errorf("%s: the server refuses the query (%v), the browser says %q and answers %d hits", name, err, js.Error, js.Total)
			}
			continue
		}
		if js.Error != "" {
			t.Errorf("%s: the browser refuses the query (%s), the server answers %d hits", name, js.Error, want.Total)
			continue
		}
		if js.Lang != want.Lang {
			t.Errorf("%s: the browser searched %q, the server %q", name, js.Lang, want.Lang)
		}
		if uint64(js.Total) != want.Total || len(js.Hits) != len(want.Hits) {
			t.Errorf("%s: browser %d matches (%d shown), server %d (%d shown)", name, js.Total, len(js.Hits), want.Total, len(want.Hits))
			continue
		}
		for j, h := range want.Hits {
			b := js.Hits[j]
			if b.URL != h.URL {
				t.Errorf("%s: hit %d: browser %s (%v), server %s (%v)", name, j, b.URL, b.Score, h.URL, h.Score)
				break
			}
			if math.Abs(b.Score-h.Score) > 1e-6*math.Abs(h.Score) {
				t.Errorf("%s: %s: browser scores %v, server %v", name, h.URL, b.Score, h.Score)
			}
			if b.Title != h.Title || b.Kind != h.Kind || b.Lang != h.Lang {
				t.Errorf("%s: %s: browser %q (%s, %s), server %q (%s, %s)", name, h.URL, b.Title, b.Kind, b.Lang, h.Title, h.Kind, h.Lang)
			}
			if b.Snippet != h.Snippet {
				t.Errorf("%s: %s: snippets differ:\nbrowser %s\nserver  %s", name, h.URL, b.Snippet, h.Snippet)
			}
		}
		for _, f := range FacetFields {
			if !slices.Equal(js.Facets[f], want.Facets[f]) && (len(js.Facets[f]) > 0 || len(want.Facets[f]) > 0) {
				t.Errorf("%s: facet %s: browser %v, server %v", name, f, js.Facets[f], want.Facets[f])
			}
		}
	}
}

// relevance is one line of testdata/relevance.txt: a query and the URLs
// that must be among its first five hits.
type relevance struct {
	query string
	want  []string
}

func readRelevance(t testing.TB) []relevance {
	f, err := os.Open("testdata/relevance.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []relevance
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, urls, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("relevance.txt: no tab in %q", line)
		}
		out = append(out, relevance{query: q, want: strings.Split(urls, ",")})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// found reports whether want is among the first five URLs: a URL ending
// in "/" or "#" stands for any URL it begins.
func found(urls []string, want string) bool {
	for _, u := range urls[:min(5, len(urls))] {
		if u == want || (strings.HasSuffix(want, "/") || strings.HasSuffix(want, "#")) && strings.HasPrefix(u, want) {
			return true
		}
	}
	return false
}

func TestRelevance(t *testing.T) {
	docs, ok := realDocs(t)
	if !ok {
		t.Skip("the real content does not load")
	}
	cases := readRelevance(t)
	e := buildAndExport(t, docs)
	ix, err := Open(e.indexDir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var reqs []engineRequest
	for _, c := range cases {
		reqs = append(reqs, engineRequest{Q: c.query})
	}
	var js []engineResult
	if _, err := exec.LookPath("node"); err == nil || os.Getenv("CI") != "" {
		js = runEngine(t, e, reqs)
	} else {
		t.Log("node is not installed; only the server is measured")
	}
	var serverOK, browserOK, overlap, top int
	for i, c := range cases {
		res, err := ix.Search(Request{Query: c.query, Size: 10})
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		var server, browser []string
		for _, h := range res.Hits {
			server = append(server, h.URL)
		}
		if js != nil {
			for _, h := range js[i].Hits {
				browser = append(browser, h.URL)
			}
		}
		okServer, okBrowser := true, true
		for _, w := range c.want {
			if !found(server, w) {
				okServer = false
				t.Errorf("%q: %s is not in the server's first five: %v", c.query, w, server[:min(5, len(server))])
			}
			if js != nil && !found(browser, w) {
				okBrowser = false
				t.Errorf("%q: %s is not in the browser's first five: %v", c.query, w, browser[:min(5, len(browser))])
			}
		}
		if okServer {
			serverOK++
		}
		if okBrowser && js != nil {
			browserOK++
		}
		for _, u := range server {
			top++
			if slices.Contains(browser, u) {
				overlap++
			}
		}
	}
	t.Logf("success@5: server %d/%d, browser %d/%d", serverOK, len(cases), browserOK, len(cases))
	if js != nil && top > 0 {
		t.Logf("top-10 overlap: %d/%d (%.1f%%)", overlap, top, 100*float64(overlap)/float64(top))
	}
}

func gzipSize(tb testing.TB, data []byte) int {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Len()
}
