package search

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zapv17 "github.com/blevesearch/zapx/v17"
)

// indexChunk is how many documents are analysed, and written as one
// segment of the index, at a time: enough that a corpus of this site's
// size is one segment, and few enough that a large corpus is never held
// analysed whole. The segments are merged into one when the index is
// closed.
const indexChunk = 1024

// indexLang analyses the documents of one language, sorted by id, and
// writes them as an index in dir as scorch's offline builder would: an
// index that is built once and never changed needs none of the online
// index's persisting and merging, and a search over one segment is the
// fastest.
// Each chunk of documents is written while the next is analysed, and the
// segments are merged after indexLang returns: wait waits for the index
// and reports how its writing went.
func indexLang(dir, lang string, docs []Doc, chunk int) (b *built, wait func() error, err error) {
	m, err := newMapping(lang)
	if err != nil {
		return nil, nil, err
	}
	w, err := newIndexWriter(dir, m)
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

// indexWriter writes analysed documents as an index, as scorch's offline
// builder does, but takes documents already analysed, keeps them in the
// order given, and stamps the index with a fixed time: the builder
// numbers a segment's documents in the order of a map and records when it
// wrote the index, so that no two builds of it are alike.
type indexWriter struct {
	dir      string
	m        mapping.IndexMapping
	zap      *zapv17.ZapPlugin // the segment format: scorch's default
	segments []string          // paths of the segments written so far, in order
}

// newIndexWriter makes dir, which must not exist, for an index.
func newIndexWriter(dir string, m mapping.IndexMapping) (*indexWriter, error) {
	if _, err := os.Stat(dir); err == nil {
		return nil, fmt.Errorf("creating search index: %s exists", dir)
	}
	if err := os.MkdirAll(filepath.Join(dir, "store"), 0o755); err != nil {
		return nil, fmt.Errorf("creating search index: %w", err)
	}
	meta := []byte(`{"storage":"` + scorch.Name + `","index_type":"` + scorch.Name + `"}`)
	if err := os.WriteFile(filepath.Join(dir, "index_meta.json"), meta, 0o644); err != nil {
		return nil, fmt.Errorf("creating search index: %w", err)
	}
	return &indexWriter{dir: dir, m: m, zap: &zapv17.ZapPlugin{}}, nil
}

// add writes documents as a segment of their own, numbered in the order
// given.
func (w *indexWriter) add(docs []*document.Document) error {
	if len(docs) == 0 {
		return nil
	}
	results := make([]index.Document, len(docs))
	for i, d := range docs {
		d.AddIDField()
		analyseFields(d)
		results[i] = d
	}
	seg, _, err := w.zap.New(results)
	if err != nil {
		return fmt.Errorf("writing search index: %w", err)
	}
	path := filepath.Join(w.dir, "store", segmentName(len(w.segments)))
	if err := writeSegment(seg, path); err != nil {
		return fmt.Errorf("writing search index: %w", err)
	}
	w.segments = append(w.segments, path)
	return nil
}

// writeSegment writes seg, a segment in memory, to a file at path. zap's
// own Persist also syncs the file to disk, which on a disk, fifty
// segments of a large corpus over, holds up the build by seconds; these
// are merged away before the build ends, and the output is swapped in
// whole or not at all.
func writeSegment(seg segment.Segment, path string) error {
	wt, ok := seg.(io.WriterTo)
	if !ok {
		return fmt.Errorf("segment of type %T cannot be written", seg)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	_, err = wt.WriteTo(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// analyseFields analyses a document's indexed fields as scorch does
// before it writes them: the text fields keep the analysis they came
// with (analysedText).
func analyseFields(d *document.Document) {
	d.VisitFields(func(f index.Field) {
		if !f.Options().IsIndexed() {
			return
		}
		f.Analyze()
		if d.HasComposite() && f.Name() != "_id" {
			d.VisitComposite(func(cf index.CompositeField) {
				cf.Compose(f.Name(), f.AnalyzedLength(), f.AnalyzedTokenFrequencies())
			})
		}
	})
}

// segmentName names the nth segment written, as scorch names segments.
func segmentName(n int) string { return fmt.Sprintf("%012x.zap", n) }

// finalSegment is the number scorch gives the one segment of an index
// written in one go.
const finalSegment = 2

// close merges the segments into one, in order, and writes the root that
// names it.
func (w *indexWriter) close() error {
	if len(w.segments) == 0 {
		// An index of no documents has no segment.
		if err := os.RemoveAll(w.dir); err != nil {
			return fmt.Errorf("creating search index: %w", err)
		}
		idx, err := bleve.New(w.dir, w.m)
		if err != nil {
			return fmt.Errorf("creating search index: %w", err)
		}
		return idx.Close()
	}
	final := filepath.Join(w.dir, "store", segmentName(finalSegment))
	if err := w.merge(final); err != nil {
		return fmt.Errorf("writing search index: %w", err)
	}
	if err := sortSections(final); err != nil {
		return fmt.Errorf("writing search index: %w", err)
	}
	if err := w.writeRoot(segmentName(finalSegment)); err != nil {
		return fmt.Errorf("writing search index: %w", err)
	}
	return nil
}

// merge merges the segments, in order, into one at path, all in one
// pass: merged a few at a time, as scorch's builder does by default, a
// large corpus would be rewritten more than once.
func (w *indexWriter) merge(path string) error {
	if len(w.segments) == 1 {
		return os.Rename(w.segments[0], path)
	}
	segs := make([]segment.Segment, 0, len(w.segments))
	closeAll := func() error {
		var errs []error
		for _, s := range segs {
			errs = append(errs, s.Close())
		}
		return errors.Join(errs...)
	}
	for _, p := range w.segments {
		s, err := w.zap.Open(p)
		if err != nil {
			closeAll()
			return err
		}
		segs = append(segs, s)
	}
	// Written under a name of its own: the final one may be a segment's.
	merged := path + ".merged"
	_, _, err := w.zap.Merge(segs, make([]*roaring.Bitmap, len(segs)), merged, nil, nil)
	if cerr := closeAll(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	for _, p := range w.segments {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	return os.Rename(merged, path)
}
