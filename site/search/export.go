package search

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"

	"protosite/site/output"
)

// ExportDir is where the exported index's files go in the output.
const ExportDir = "static/search"

// Static is the search index exported for the browser: script files that
// the browser's engine (static/engine/) loads on demand, so that search
// works on any static host and from file://, with the server's results.
type Static struct {
	Files   []output.File // the files, under ExportDir, named by a hash of their contents
	Scripts []string      // site-absolute URLs of the scripts a search page includes, in order
}

// BuildStatic writes a new bleve index of docs into dir, as Build does,
// and exports it for the browser from the same analysis, so that nothing
// is read back.
func BuildStatic(dir string, docs []Doc) (*Static, error) {
	s, wait, err := StartStatic(dir, docs)
	if err != nil {
		return nil, err
	}
	if err := wait(); err != nil {
		return nil, err
	}
	return s, nil
}

// StartStatic does what BuildStatic does, but returns the export while
// the index is still being written: the last of its writing, merging its
// segments, takes one core, and the caller can use the others. wait waits
// for the index and reports how its writing went; it must be called.
func StartStatic(dir string, docs []Doc) (s *Static, wait func() error, err error) {
	l, groups, err := splitLangs(docs)
	if err != nil {
		return nil, nil, err
	}
	if err := createIndexDir(dir, l); err != nil {
		return nil, nil, err
	}
	var langs []*langExport
	var waits []func() error
	waitAll := func() error {
		var errs []error
		for _, w := range waits {
			errs = append(errs, w())
		}
		return errors.Join(errs...)
	}
	for _, lang := range l.Languages {
		b, written, err := indexLang(langDir(dir, lang), lang, groups[lang], indexChunk)
		if err != nil {
			waitAll()
			return nil, nil, err
		}
		e, c, err := exportBuilt(b)
		if err != nil {
			written()
			waitAll()
			return nil, nil, fmt.Errorf("exporting search index %s: %w", langDir(dir, lang), err)
		}
		avg := c.averages()
		waits = append(waits, func() error {
			if err := written(); err != nil {
				return fmt.Errorf("search index %s: %w", langDir(dir, lang), err)
			}
			if err := avg.check(langDir(dir, lang)); err != nil {
				return fmt.Errorf("exporting search index %s: %w", langDir(dir, lang), err)
			}
			return nil
		})
		langs = append(langs, e)
	}
	s, err = joinExports(langs)
	if err != nil {
		waitAll()
		return nil, nil, err
	}
	return s, waitAll, nil
}

// Export exports the bleve index in indexDir for the browser: it reads
// the documents of each language back and analyses them again as Build
// did, and writes what BuildStatic writes.
func Export(indexDir string) (*Static, error) {
	l, err := readLayout(indexDir)
	if err != nil {
		return nil, fmt.Errorf("exporting search index %s: %w", indexDir, err)
	}
	var langs []*langExport
	for _, lang := range l.Languages {
		dir := langDir(indexDir, lang)
		docs, err := readDocs(dir)
		if err != nil {
			return nil, fmt.Errorf("exporting search index %s: %w", dir, err)
		}
		b, err := analyseLang(lang, docs)
		if err != nil {
			return nil, fmt.Errorf("exporting search index %s: %w", dir, err)
		}
		e, c, err := exportBuilt(b)
		if err == nil {
			err = c.averages().check(dir)
		}
		if err != nil {
			return nil, fmt.Errorf("exporting search index %s: %w", dir, err)
		}
		langs = append(langs, e)
	}
	return joinExports(langs)
}

// langExport is the export of one language: its files, under
// ExportDir/<language>/, and the hash that names its manifest.
type langExport struct {
	lang     string
	files    []output.File
	manifest string
}

// joinExports adds to the languages' exports the one script a search page
// includes, "l", which lists the languages, the default first, each with
// the hash of its manifest: [[tag, hash], ...]. The script loads the
// manifest of the language it searches, and the others' only to search
// every language.
func joinExports(langs []*langExport) (*Static, error) {
	list := [][2]string{}
	var files []output.File
	for _, e := range langs {
		list = append(list, [2]string{e.lang, e.manifest})
		files = append(files, e.files...)
	}
	data, err := script("l", list)
	if err != nil {
		return nil, err
	}
	path := ExportDir + "/l." + hash(data) + ".js"
	files = append(files, output.File{Path: path, Data: data})
	slices.SortFunc(files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	return &Static{Files: files, Scripts: []string{"/" + path}}, nil
}

// exportBuilt writes the export of a language's analysed corpus, in
// ExportDir/<language>/, every file registering itself under its name
// there ("nl/m").
//
// The files, which the browser's engine (static/engine/) reads, are:
//
//   - the manifest, "m": the document count, the average field lengths
//     bleve's BM25 uses, every document's keyword values (for filters,
//     keyword queries and facet counts), and how the other files are
//     named and laid out;
//   - buckets "b<k>", chosen by the first characters of a word or term:
//     terms with, per field, their postings (documents, field lengths and
//     frequencies) and apart their positions, which only phrases need,
//     the surface words of the corpus bleve analysed into each term, and
//     the words bleve drops; a long list of postings or positions is a
//     file of its own, "b<k>-<i>", loaded only by a query that needs it;
//   - chunks "d<c>" of a fixed number of documents each, with their URLs,
//     titles, kinds and texts, and where their tokens are and what terms
//     they are, for snippets; a long text is cut into pieces "x<n>-<k>"
//     of their own.
//
// The browser looks query words up among the surface words, so it never
// analyses text itself. Documents are numbered by id, so the same index
// content gives the same files.
func exportBuilt(b *built) (*langExport, *corpus, error) {
	c, err := newCorpus(b)
	if err != nil {
		return nil, nil, err
	}
	stop, err := c.stopWords(b.m, analyzerFor(b.lang).stop)
	if err != nil {
		return nil, nil, err
	}
	e, err := c.export(stop)
	return e, c, err
}

// export encodes the corpus into files.
func (c *corpus) export(stop []string) (*langExport, error) {
	// The two halves read the corpus alone, so each takes a core.
	var buckets, docs []output.File
	var bucketHash, docHash string
	var nBuckets, perChunk int
	var wg sync.WaitGroup
	wg.Go(func() { buckets, bucketHash, nBuckets = c.bucketFiles(stop) })
	docs, docHash, perChunk = c.docFiles()
	wg.Wait()
	data, err := script(c.named("m"), c.manifest(nBuckets, bucketHash, docHash, perChunk))
	if err != nil {
		return nil, err
	}
	h := hash(data)
	files := slices.Concat(buckets, docs, []output.File{{Path: ExportDir + "/" + c.named("m") + "." + h + ".js", Data: data}})
	return &langExport{lang: c.lang, files: files, manifest: h}, nil
}

// manifestFile is the manifest.
type manifestFile struct {
	Docs     int                     `json:"n"`            // document count
	Boost    float64                 `json:"tb"`           // TitleBoost, as the server expands queries
	Avg      map[string]float64      `json:"a"`            // field → average length for BM25
	Buckets  int                     `json:"k"`            // number of buckets
	BHash    string                  `json:"b"`            // hash of the buckets' files
	DocHash  string                  `json:"d"`            // hash of the documents' files
	PerChunk int                     `json:"dk"`           // documents per chunk file
	Values   map[string]keywordField `json:"f"`            // keyword field → its values
	Bigrams  bool                    `json:"bg,omitempty"` // the analyzer reads runs of ideographs as overlapping pairs, as bleve's CJK analyzer does
}

// keywordField lists a keyword field's values and which documents have
// which: the distinct sets of values documents have, most frequent first,
// and over the documents in order, either runs of documents with the same
// set, the run's length and the set's number plus one (0 for none), or,
// when shorter, each document's set's number.
type keywordField struct {
	Values []string `json:"v"`           // sorted
	Sets   [][]int  `json:"s"`           // indexes into Values
	Runs   string   `json:"r,omitempty"` // vlq: per run its length and its set
	Codes  string   `json:"c,omitempty"` // vlq: per document its set
}

// manifest describes the corpus and names the other files.
func (c *corpus) manifest(buckets int, bucketHash, docHash string, perChunk int) manifestFile {
	m := manifestFile{Docs: len(c.docs), Boost: TitleBoost, Avg: c.avg, Buckets: buckets, BHash: bucketHash, DocHash: docHash, PerChunk: perChunk, Values: map[string]keywordField{}}
	m.Bigrams = AnalyzerFor(c.lang) == cjk.AnalyzerName
	for _, f := range keywordFields {
		m.Values[f] = c.keywordField(f)
	}
	return m
}

// keywordField encodes which documents have which values of a field.
func (c *corpus) keywordField(f string) keywordField {
	kf := keywordField{Values: sortedKeys(c.keywords[f]), Sets: [][]int{}}
	of := make([][]int, len(c.docs))
	for i, v := range kf.Values {
		for _, d := range c.keywords[f][v] {
			of[d] = append(of[d], i)
		}
	}
	// Number the sets by how many documents have them, most first.
	docKey := make([]string, len(of))
	count := map[string]int{}
	sets := map[string][]int{}
	var b []byte
	for d, s := range of {
		if len(s) == 0 {
			continue
		}
		b = b[:0]
		for _, i := range s {
			b = strconv.AppendInt(append(b, ','), int64(i), 10)
		}
		if _, ok := sets[string(b)]; !ok {
			sets[string(b)] = s
		}
		docKey[d] = string(b)
		count[docKey[d]]++
	}
	keys := sortedKeys(sets)
	slices.SortStableFunc(keys, func(a, b string) int { return count[b] - count[a] })
	code := map[string]int{}
	for i, k := range keys {
		kf.Sets = append(kf.Sets, sets[k])
		code[k] = i + 1
	}
	var runs, codes vlq
	for d := 0; d < len(of); {
		run := 1
		for d+run < len(of) && docKey[d+run] == docKey[d] {
			run++
		}
		runs.put(run)
		runs.put(code[docKey[d]])
		d += run
	}
	for d := range of {
		codes.put(code[docKey[d]])
	}
	if len(codes) < len(runs) {
		kf.Codes = codes.String()
	} else {
		kf.Runs = runs.String()
	}
	return kf
}
