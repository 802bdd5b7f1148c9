package search

import (
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/util"
)

// indexChunk is how many documents are analysed, and written as one
// segment of the index, at a time: enough that a corpus of this site's
// size is one segment, and few enough that a large corpus is never held
// analysed whole. The builder merges the segments into one when it closes.
const indexChunk = 1024

// indexLang analyses the documents of one language, sorted by id, and
// writes them as an index in dir with scorch's offline builder: an index
// that is built once and never changed needs none of the online index's
// persisting and merging, and a search over one segment is the fastest.
// Each chunk of documents is written while the next is analysed, and the
// segments are merged after indexLang returns: wait waits for the index
// and reports how its writing went.
func indexLang(dir, lang string, docs []Doc, chunk int) (b *built, wait func() error, err error) {
	m, err := newMapping(lang)
	if err != nil {
		return nil, nil, err
	}
	w, err := newIndexWriter(dir, m, chunk)
	if err != nil {
		return nil, nil, err
	}
	chunks := make(chan []*document.Document, 1)
	done := make(chan error, 1)
	go func() {
		var err error
		for c := range chunks {
			if err == nil {
				err = w.add(c)
			}
		}
		if cerr := w.close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	b, err = analyse(lang, m, docs, chunk, func(c []*document.Document) error {
		chunks <- c
		return nil
	})
	close(chunks)
	if err != nil {
		<-done
		return nil, nil, err
	}
	return b, func() error { return <-done }, nil
}

// indexWriter writes analysed documents as an index, as bleve.NewBuilder
// does, but takes documents already analysed.
type indexWriter struct {
	dir     string
	m       mapping.IndexMapping
	chunk   int             // documents per segment
	builder *scorch.Builder // nil until the first document
}

// newIndexWriter makes dir, which must not exist, for an index.
func newIndexWriter(dir string, m mapping.IndexMapping, chunk int) (*indexWriter, error) {
	if _, err := os.Stat(dir); err == nil {
		return nil, fmt.Errorf("creating search index: %s exists", dir)
	}
	return &indexWriter{dir: dir, m: m, chunk: chunk}, nil
}

// add adds documents, as a segment of their own.
func (w *indexWriter) add(docs []*document.Document) error {
	if w.builder == nil {
		if err := w.start(); err != nil {
			return err
		}
	}
	for _, d := range docs {
		if err := w.builder.Index(d); err != nil {
			return fmt.Errorf("indexing %s: %w", d.ID(), err)
		}
	}
	return nil
}

// start writes the index's description and opens the builder.
func (w *indexWriter) start() error {
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return fmt.Errorf("creating search index: %w", err)
	}
	mappingJSON, err := util.MarshalJSON(w.m)
	if err != nil {
		return fmt.Errorf("creating search index: %w", err)
	}
	meta := []byte(`{"storage":"` + scorch.Name + `","index_type":"` + scorch.Name + `"}`)
	if err := os.WriteFile(filepath.Join(w.dir, "index_meta.json"), meta, 0o644); err != nil {
		return fmt.Errorf("creating search index: %w", err)
	}
	w.builder, err = scorch.NewBuilder(map[string]any{
		"path":            filepath.Join(w.dir, "store"),
		"buildPathPrefix": w.dir,
		"batchSize":       w.chunk,
		// Every segment merged at once: merging them ten at a time, the
		// default, merges a large corpus twice.
		"mergeMax": math.MaxInt32,
		"internal": map[string][]byte{string(util.MappingInternalKey): mappingJSON},
	})
	if err != nil {
		return fmt.Errorf("creating search index: %w", err)
	}
	return nil
}

// close writes the last segment and merges the segments into one.
func (w *indexWriter) close() error {
	if w.builder == nil {
		// The builder writes no segment of no documents.
		idx, err := bleve.New(w.dir, w.m)
		if err != nil {
			return fmt.Errorf("creating search index: %w", err)
		}
		return idx.Close()
	}
	if err := w.builder.Close(); err != nil {
		return fmt.Errorf("writing search index: %w", err)
	}
	return nil
}
