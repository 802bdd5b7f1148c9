package build

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"protosite/site/offline"
	"protosite/site/output"
)

// Write makes a new directory beside outDir, lets fill write the site
// into it through a Writer, and then swaps the directory in, so that a
// reader of outDir sees either the old site or the new one, and a failure
// leaves the old one as it was.
func Write(outDir string, fill func(w *Writer) error) error {
	outDir = filepath.Clean(outDir)
	parent := filepath.Dir(outDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(outDir)+".new-")
	if err != nil {
		return fmt.Errorf("creating temporary output: %w", err)
	}
	spill, err := os.Create(tmp + ".pack")
	if err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("creating temporary output: %w", err)
	}
	defer func() {
		spill.Close()
		os.Remove(spill.Name())
	}()
	w := newWriter(tmp, offline.NewSpillingPacker(spill))
	err = fill(w)
	if cerr := w.wait(); err == nil {
		err = cerr
	}
	if err == nil {
		err = w.writePack()
	}
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("setting permissions on %s: %w", tmp, err)
	}
	return swap(tmp, outDir)
}

// Writer writes a site's files into a directory as they are made, each
// compressible asset with its gzip twin, and gathers the offline pack.
// Files are written by several goroutines, since writing is bound by the
// latency of each file system call rather than by the CPU; Put waits when
// enough writes are under way, so that a site is never held in memory
// whole.
type Writer struct {
	dir    string
	pack   *offline.Packer
	writes errgroup.Group
	mu     sync.Mutex
	made   map[string]bool // directories made
	files  atomic.Int64
	pages  atomic.Int64
	twins  twins
	failed atomic.Pointer[error] // the first write that failed

	writtenMu sync.Mutex
	written   []offline.Written // every file put, for the offline save lists
}

// writeWorkers is how many files are written at once.
const writeWorkers = 8

func newWriter(dir string, pack *offline.Packer) *Writer {
	w := &Writer{dir: dir, pack: pack, made: map[string]bool{dir: true}, twins: newTwins()}
	w.writes.SetLimit(writeWorkers)
	return w
}

// Dir is the directory written to, for files a stage writes itself, such
// as the search index.
func (w *Writer) Dir() string { return w.dir }

// Put writes f, with its gzip twin when it has one, and adds it to the
// offline pack. It may be called from several goroutines at once; an
// error is reported by a later Put or when the Writer is done.
func (w *Writer) Put(f output.File) error {
	if err := w.failed.Load(); err != nil {
		return *err
	}
	w.writtenMu.Lock()
	w.written = append(w.written, offline.Written{Path: f.Path, Size: int64(len(f.Data))})
	w.writtenMu.Unlock()
	w.writes.Go(func() error {
		err := w.put(f)
		if err != nil {
			w.failed.CompareAndSwap(nil, &err)
		}
		return err
	})
	return nil
}

// put writes f and its twin and packs it.
func (w *Writer) put(f output.File) error {
	if err := w.write(f.Path, f.Data); err != nil {
		return err
	}
	w.files.Add(1)
	if isHTML(f.Path) {
		w.pages.Add(1)
	}
	twin, err := w.twins.of(f)
	if err != nil {
		return fmt.Errorf("compressing %s: %w", f.Path, err)
	}
	if twin == nil {
		return w.pack.Add(f)
	}
	if err := w.pack.AddDeflated(f.Path, twin.crc, uint64(len(f.Data)), twin.deflated()); err != nil {
		return err
	}
	w.files.Add(1)
	return w.write(f.Path+".gz", twin.gz)
}

// Written lists every file put so far, in the order they were put.
func (w *Writer) Written() []offline.Written {
	w.writtenMu.Lock()
	defer w.writtenMu.Unlock()
	return slices.Clone(w.written)
}

// PutAll puts every file of files.
func (w *Writer) PutAll(files []output.File) error {
	for _, f := range files {
		if err := w.Put(f); err != nil {
			return err
		}
	}
	return nil
}

// write writes one file, making its directory first.
func (w *Writer) write(name string, data []byte) error {
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	d := filepath.Dir(p)
	w.mu.Lock()
	made := w.made[d]
	w.mu.Unlock()
	if !made {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", d, err)
		}
		w.mu.Lock()
		w.made[d] = true
		w.mu.Unlock()
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// wait waits for the writes under way and returns the first error.
func (w *Writer) wait() error { return w.writes.Wait() }

// writePack writes the offline pack, once every other file is in.
func (w *Writer) writePack() error {
	p := filepath.Join(w.dir, filepath.FromSlash(offline.Path))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", filepath.Dir(p), err)
	}
	f, err := os.Create(p)
	if err != nil {
		return fmt.Errorf("writing the offline pack: %w", err)
	}
	if err := w.pack.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing the offline pack: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing the offline pack: %w", err)
	}
	w.files.Add(1)
	return nil
}

// swap moves the complete new directory into place. The old output is moved
// aside first and removed only after the new one is in place.
func swap(tmp, outDir string) error {
	old := ""
	if _, err := os.Lstat(outDir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(outDir, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("moving previous output aside: %w", err)
		}
	}
	if err := os.Rename(tmp, outDir); err != nil {
		if old != "" {
			_ = os.Rename(old, outDir)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("moving new output into place: %w", err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("removing previous output: %w", err)
		}
	}
	return nil
}
