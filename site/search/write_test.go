package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
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
// crash. A whole segment is read, from its end alone when that holds the
// fields' lists, and its checksum is made again.
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
	n := len(seg)
	if got, want := binary.BigEndian.Uint32(seg[n-4:]), crc32.ChecksumIEEE(seg[:n-4]); got != want {
		t.Errorf("checksum %08x, want %08x", got, want)
	}
	if _, _, err := (segmentTail{data: bytes.Clone(seg)}).sortSections(); err != nil {
		t.Fatalf("a segment zap wrote: %v", err)
	}
	// Read from its last 50 bytes, the segment asks for earlier ones, once
	// for the index of fields and once for their lists, and is then read.
	from, asked := int64(n-50), 0
	for {
		_, need, err := segmentTail{data: bytes.Clone(seg[from:]), base: from}.sortSections()
		if !errors.Is(err, errTailTooShort) {
			if err != nil {
				t.Fatalf("the segment from offset %d: %v", from, err)
			}
			break
		}
		if need >= from || asked == 2 {
			t.Fatalf("from offset %d, asked for offset %d, after %d asks", from, need, asked)
		}
		from, asked = need, asked+1
	}
	if asked != 2 {
		t.Errorf("the segment asked for earlier bytes %d times, want 2", asked)
	}
	for cut := 0; cut < n; cut += 13 {
		_, _, _ = segmentTail{data: bytes.Clone(seg[:cut])}.sortSections()
	}
	for _, data := range [][]byte{nil, []byte("not a segment"), bytes.Repeat([]byte{0xff}, 200), bytes.Repeat([]byte{0}, 200)} {
		if _, _, err := (segmentTail{data: data}).sortSections(); err == nil {
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
