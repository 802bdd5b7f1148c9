package search

import (
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"time"
)

func scratchDocs(t testing.TB, n int) []Doc {
	p := fmt.Sprintf("/tmp/protosite-docs-%d.gob", n)
	if f, err := os.Open(p); err == nil {
		defer f.Close()
		var docs []Doc
		if err := gob.NewDecoder(f).Decode(&docs); err == nil {
			return docs
		}
	}
	docs := corpusDocs(t, n)
	f, _ := os.Create(p)
	gob.NewEncoder(f).Encode(docs)
	f.Close()
	return docs
}

func TestScratchBaseline(t *testing.T) {
	ns := []int{0, 10000}
	for _, n := range ns {
		docs := scratchDocs(t, n)
		dir := filepath.Join(t.TempDir(), "index")
		var pf *os.File
		if n > 0 && os.Getenv("PROF") != "" {
			pf, _ = os.Create("/tmp/build.prof")
			pprof.StartCPUProfile(pf)
		}
		t1 := time.Now()
		if err := Build(dir, docs); err != nil {
			t.Fatal(err)
		}
		t2 := time.Now()
		if pf != nil {
			pprof.StopCPUProfile()
			pf.Close()
			pf, _ = os.Create("/tmp/export.prof")
			pprof.StartCPUProfile(pf)
		}
		s, err := Export(dir)
		if err != nil {
			t.Fatal(err)
		}
		t3 := time.Now()
		if pf != nil {
			pprof.StopCPUProfile()
			pf.Close()
		}
		size := 0
		for _, f := range s.Files {
			size += len(f.Data)
		}
		fmt.Printf("n=%d docs=%d build=%v export=%v files=%d bytes=%d\n", n, len(docs), t2.Sub(t1), t3.Sub(t2), len(s.Files), size)
	}
}
