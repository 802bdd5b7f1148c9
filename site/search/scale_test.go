package search

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"protosite/site/content"
	gencorpus "protosite/site/corpus"
	"protosite/static"
)

// generatedDocs caches the search documents of generated corpora, by
// number of laws, for the benchmarks of one test binary run.
var generatedDocs = struct {
	sync.Mutex
	docs map[int][]Doc
}{docs: map[int][]Doc{}}

// corpusDocs returns the search documents of the real content (laws = 0)
// or of the real Protocol with laws synthetic legislation documents, each
// giving about five search documents.
func corpusDocs(tb testing.TB, laws int) []Doc {
	tb.Helper()
	if laws == 0 {
		docs, ok := realDocs(tb)
		if !ok {
			tb.Skip("the real content does not load")
		}
		return docs
	}
	generatedDocs.Lock()
	defer generatedDocs.Unlock()
	if docs, ok := generatedDocs.docs[laws]; ok {
		return docs
	}
	dir, err := os.MkdirTemp("", "protosite-corpus-")
	if err != nil {
		tb.Fatal(err)
	}
	defer os.RemoveAll(dir)
	dir = filepath.Join(dir, "content")
	if err := gencorpus.Generate("../../content", dir, laws); err != nil {
		tb.Skipf("generating %d laws: %v", laws, err)
	}
	site, err := content.Load(os.DirFS(dir))
	if err != nil {
		tb.Skipf("the generated content does not load: %v", err)
	}
	docs := Documents(site)
	generatedDocs.docs[laws] = docs
	return docs
}

// latencyMix is the fixed mix of requests BenchmarkQueryLatency times:
// words, phrases, required and excluded words, fields, filters and pages.
func latencyMix() []Request {
	var reqs []Request
	for _, q := range []string{
		"fraudulent travel document", "aggravating circumstances", "vessel without nationality", "return of smuggled migrants",
		"training", `"smuggling of migrants"`, `"financial or other material benefit"`, "+smuggling -trafficking",
		"kind:legislation smuggling", "article:6 criminalization", "protection and assistance measures",
		"security and control of documents", `"by sea"`, "capacity-building training law enforcement officers",
		"state's obligations", "xyzzy",
	} {
		reqs = append(reqs, Request{Query: q})
	}
	return append(reqs,
		Request{Query: "smuggling", Kind: "legislation"},
		Request{Query: "migrants", Article: "16"},
		Request{Query: "offence", Year: "2018", Size: 20},
		Request{Query: "smuggling migrants", From: 20},
	)
}

// BenchmarkQueryLatency times the server's answers to a fixed mix of
// requests on an index of the real Protocol with 10,000 synthetic laws
// (about 50,000 search documents), and reports the median and the 99th
// percentile over every request answered.
func BenchmarkQueryLatency(b *testing.B) {
	for _, laws := range []int{0, 10000} {
		b.Run(corpusName(laws), func(b *testing.B) {
			docs := corpusDocs(b, laws)
			dir := filepath.Join(b.TempDir(), "index")
			if err := Build(dir, docs); err != nil {
				b.Fatal(err)
			}
			ix, err := Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			mix := latencyMix()
			var took []time.Duration
			b.ResetTimer()
			for b.Loop() {
				for _, r := range mix {
					start := time.Now()
					if _, err := ix.Search(r); err != nil {
						b.Fatalf("%q: %v", r.Query, err)
					}
					took = append(took, time.Since(start))
				}
			}
			b.StopTimer()
			slices.Sort(took)
			at := func(q float64) float64 {
				return float64(took[int(q*float64(len(took)-1))].Microseconds()) / 1000
			}
			b.ReportMetric(at(0.50), "p50-ms")
			b.ReportMetric(at(0.99), "p99-ms")
			b.ReportMetric(float64(len(docs)), "docs")
		})
	}
}

// corpusName names a benchmark's corpus.
func corpusName(laws int) string {
	if laws == 0 {
		return "real"
	}
	return fmt.Sprintf("%dlaws", laws)
}

// BenchmarkIndexBuild times building the bleve index of the real content
// and of the real Protocol with 10,000 synthetic laws.
func BenchmarkIndexBuild(b *testing.B) {
	for _, laws := range []int{0, 10000} {
		b.Run(corpusName(laws), func(b *testing.B) {
			docs := corpusDocs(b, laws)
			tmp := b.TempDir()
			i := 0
			for b.Loop() {
				i++
				if err := Build(filepath.Join(tmp, fmt.Sprint(i)), docs); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				os.RemoveAll(filepath.Join(tmp, fmt.Sprint(i)))
				b.StartTimer()
			}
			b.ReportMetric(float64(len(docs)), "docs")
		})
	}
}

// BenchmarkExport times exporting an index for the browser from the
// analysis it was built from, and reports the files and bytes written.
func BenchmarkExport(b *testing.B) {
	for _, laws := range []int{0, 10000} {
		b.Run(corpusName(laws), func(b *testing.B) {
			docs := corpusDocs(b, laws)
			dir := filepath.Join(b.TempDir(), "index")
			built, err := build(dir, docs)
			if err != nil {
				b.Fatal(err)
			}
			var files, size int
			for b.Loop() {
				files, size = 0, 0
				for _, lang := range built {
					e, _, err := exportBuilt(lang)
					if err != nil {
						b.Fatal(err)
					}
					files += len(e.files)
					for _, f := range e.files {
						size += len(f.Data)
					}
				}
			}
			b.ReportMetric(float64(files), "files")
			b.ReportMetric(float64(size)/1e6, "MB")
		})
	}
}

// BenchmarkFirstQuery measures what a browser downloads for a first query,
// for each query of the relevance set, on the real content and with 10,000
// synthetic laws: search.js, the list of languages, the manifest of the
// default language, the buckets of the query words,
// the postings and positions of their own the query needs and the chunks
// and pieces of the first ten hits, raw and compressed with gzip -9; it
// reports the mean and the largest.
func BenchmarkFirstQuery(b *testing.B) {
	for _, laws := range []int{0, 10000} {
		b.Run(corpusName(laws), func(b *testing.B) {
			node(b)
			cases := readRelevance(b)
			e := buildAndExport(b, corpusDocs(b, laws))
			engine, err := static.SearchEngine()
			if err != nil {
				b.Fatal(err)
			}
			files := map[string][]byte{}
			for _, f := range e.static.Files {
				files[strings.TrimPrefix(f.Path, ExportDir+"/")] = f.Data
			}
			languages := files[strings.TrimPrefix(e.static.Scripts[0], "/"+ExportDir+"/")]
			var manifest []byte
			for name, data := range files {
				if strings.HasPrefix(name, "en/m.") {
					manifest = data
				}
			}
			var raw, gz, maxRaw, maxGz int
			for b.Loop() {
				raw, gz, maxRaw, maxGz = 0, 0, 0, 0
				for _, c := range cases {
					// One process per query: a first query starts with nothing loaded.
					res := runEngine(b, e, []engineRequest{{Q: c.query}})[0]
					// The manifest is among the files loaded.
					r, g := len(engine)+len(languages), gzipSize(b, engine)+gzipSize(b, languages)
					for _, name := range res.Loaded {
						r += len(files[name])
						g += gzipSize(b, files[name])
					}
					raw, gz, maxRaw, maxGz = raw+r, gz+g, max(maxRaw, r), max(maxGz, g)
				}
			}
			b.ReportMetric(float64(raw)/float64(len(cases)), "raw-B/query")
			b.ReportMetric(float64(maxRaw), "raw-B-max")
			b.ReportMetric(float64(gz)/float64(len(cases)), "gzip-B/query")
			b.ReportMetric(float64(maxGz), "gzip-B-max")
			b.ReportMetric(float64(len(manifest)), "manifest-B")
		})
	}
}

// BenchmarkBuildStatic times what a site build spends on search: the
// index written and the export encoded from one analysis, at once.
func BenchmarkBuildStatic(b *testing.B) {
	for _, laws := range []int{0, 10000} {
		b.Run(corpusName(laws), func(b *testing.B) {
			docs := corpusDocs(b, laws)
			tmp := b.TempDir()
			var files, size, i int
			for b.Loop() {
				i++
				dir := filepath.Join(tmp, fmt.Sprint(i))
				s, err := BuildStatic(dir, docs)
				if err != nil {
					b.Fatal(err)
				}
				files, size = len(s.Files), 0
				for _, f := range s.Files {
					size += len(f.Data)
				}
				b.StopTimer()
				os.RemoveAll(dir)
				b.StartTimer()
			}
			b.ReportMetric(float64(files), "files")
			b.ReportMetric(float64(size)/1e6, "MB")
		})
	}
}
