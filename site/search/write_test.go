package search

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestIndexInChunksAnswersAsInOne writes the same documents as one segment
// and in chunks of a few documents, merged: every request gets the same
// answer, scores included, and the export's averages hold for both.
func TestIndexInChunksAnswersAsInOne(t *testing.T) {
	docs, ok := realDocs(t)
	reqs := realRequests()
	if !ok {
		docs, reqs = syntheticDocs(), syntheticRequests()
	}
	var english []Doc
	for _, d := range docs {
		if d.Lang == "en" {
			english = append(english, d)
		}
	}
	english, err := sortedDocs(english)
	if err != nil {
		t.Fatal(err)
	}
	open := func(chunk int) *Index {
		dir := filepath.Join(t.TempDir(), "index")
		if err := createIndexDir(dir, layout{Default: "en", Languages: []string{"en"}}); err != nil {
			t.Fatal(err)
		}
		b, wait, err := indexLang(langDir(dir, "en"), "en", english, chunk)
		if err != nil {
			t.Fatal(err)
		}
		if err := wait(); err != nil {
			t.Fatalf("writing in chunks of %d: %v", chunk, err)
		}
		c, err := newCorpus(b)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.averages().check(langDir(dir, "en")); err != nil {
			t.Errorf("chunks of %d: %v", chunk, err)
		}
		ix, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	whole, chunked := open(len(english)+1), open(7)
	sameAnswers(t, reqs, chunked.Search, whole.Search)
}

// TestIndexIsTheSameBytesEachTime writes the same documents twice, as one
// segment and in chunks merged into one: each time the index's files are
// byte for byte the same, so that a build of the same content is.
func TestIndexIsTheSameBytesEachTime(t *testing.T) {
	docs, err := sortedDocs(syntheticDocs())
	if err != nil {
		t.Fatal(err)
	}
	write := func(chunk int) map[string][]byte {
		dir := filepath.Join(t.TempDir(), "en")
		_, wait, err := indexLang(dir, "en", docs, chunk)
		if err == nil {
			err = wait()
		}
		if err != nil {
			t.Fatal(err)
		}
		return filesIn(t, dir)
	}
	for _, chunk := range []int{len(docs) + 1, 3} {
		first, second := write(chunk), write(chunk)
		if len(first) == 0 || len(first) != len(second) {
			t.Fatalf("chunks of %d: %d and %d files", chunk, len(first), len(second))
		}
		for name, data := range first {
			if !bytes.Equal(data, second[name]) {
				t.Errorf("chunks of %d: %s differs between two writings of the same documents", chunk, name)
			}
		}
	}
}

// TestSortSectionsRefusesWhatIsNotASegment gives the segment rewriter
// files cut short and files of other bytes: each is an error, never a
// crash, and a whole segment is read.
func TestSortSectionsRefusesWhatIsNotASegment(t *testing.T) {
	docs, err := sortedDocs(syntheticDocs())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "en")
	_, wait, err := indexLang(dir, "en", docs, len(docs))
	if err == nil {
		err = wait()
	}
	if err != nil {
		t.Fatal(err)
	}
	seg := filesIn(t, dir)["store/"+segmentName(finalSegment)]
	if _, err := sortSectionsIn(bytes.Clone(seg)); err != nil {
		t.Fatalf("a segment zap wrote: %v", err)
	}
	for n := 0; n < len(seg); n += 13 {
		_, _ = sortSectionsIn(bytes.Clone(seg[:n]))
	}
	for _, data := range [][]byte{nil, []byte("not a segment"), bytes.Repeat([]byte{0xff}, 200), bytes.Repeat([]byte{0}, 200)} {
		if _, err := sortSectionsIn(data); err == nil {
			t.Errorf("%.40q was read as a segment", data)
		}
	}
}

// filesIn reads every file under dir, by slash-separated path.
func filesIn(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
