// Package offline packs a built site into a zip that works opened from
// file:// on a machine with no network, search included: browsers do not
// open a directory's index.html on file://, so every link to a directory
// is pointed at its index.html.
package offline

import (
	"archive/zip"
	"bytes"
	"cmp"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
	"golang.org/x/sync/errgroup"

	"protosite/site/output"
)

// Folder is the folder the pack's files unzip into.
const Folder = "protosite-offline"

// Path is where a build writes the pack, inside the output.
const Path = "offline/protosite-offline.zip"

// Pack returns the zip of files for reading offline, compressing entries
// on every core.
func Pack(files []output.File) ([]byte, error) {
	p := NewPacker()
	var g errgroup.Group
	g.SetLimit(8)
	for _, f := range files {
		g.Go(func() error { return p.Add(f) })
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := p.Write(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Packer gathers the entries of a pack as files are made, in any order and
// on any goroutine, and writes the zip once all are in, sorted by name so
// that the same site gives the same pack.
type Packer struct {
	mu      sync.Mutex
	entries []entry
	spill   *os.File  // holds the compressed entries, or nil to hold them in memory
	spilled int64     // bytes in spill
	writers sync.Pool // of *flate.Writer: making one costs more than compressing a page
	buffers sync.Pool // of *bytes.Buffer, reused when entries are spilled
	pages   sync.Pool // of *[]byte, pages with their links rewritten
}

// entry is one file of the pack, n bytes compressed: in memory, or at off
// in the spill file.
type entry struct {
	name     string
	crc      uint32
	size     uint64
	deflated []byte
	off, n   int64
}

// NewPacker returns an empty pack that holds its entries in memory.
func NewPacker() *Packer { return NewSpillingPacker(nil) }

// NewSpillingPacker returns an empty pack that keeps its compressed
// entries in spill, an empty file it reads them back from to write the
// zip: a large site's pack, about two thirds the size of its pages, then
// does not weigh on the heap, whose collector would otherwise run all the
// more often. The caller closes and removes spill.
func NewSpillingPacker(spill *os.File) *Packer {
	return &Packer{
		spill: spill,
		writers: sync.Pool{New: func() any {
			// Fast rather than small: the pack is made on every build.
			w, _ := flate.NewWriter(nil, flate.BestSpeed)
			return w
		}},
		buffers: sync.Pool{New: func() any { return new(bytes.Buffer) }},
		pages:   sync.Pool{New: func() any { return new([]byte) }},
	}
}

// Add compresses f into the pack. Compressed twins (.gz) are left out: a
// browser reading files has no use for them.
func (p *Packer) Add(f output.File) error {
	if strings.HasSuffix(f.Path, ".gz") {
		return nil
	}
	buf := p.buffers.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Grow(len(f.Data)/3 + 64)
	fw := p.writers.Get().(*flate.Writer)
	defer p.writers.Put(fw)
	fw.Reset(buf)
	data := f.Data
	if path.Ext(f.Path) == ".html" {
		// Rewritten whole, then compressed in one write: compressing it
		// piece by piece, between links, costs a third more.
		page := p.pages.Get().(*[]byte)
		defer p.pages.Put(page)
		*page = appendFileLinks((*page)[:0], f.Data)
		data = *page
	}
	_, err := fw.Write(data)
	if err == nil {
		err = fw.Close()
	}
	if err != nil {
		return fmt.Errorf("packing %s: %w", f.Path, err)
	}
	if err := p.AddDeflated(f.Path, crc32.ChecksumIEEE(data), uint64(len(data)), buf.Bytes()); err != nil {
		return err
	}
	if p.spill != nil {
		p.buffers.Put(buf)
	}
	return nil
}

// AddDeflated adds a file already compressed: deflated is the raw deflate
// stream of size bytes whose CRC-32 is crc, such as the body of a gzip
// twin, so that a file is not compressed twice. A pack that holds its
// entries in memory keeps deflated; one that spills them copies it.
func (p *Packer) AddDeflated(name string, crc uint32, size uint64, deflated []byte) error {
	e := entry{name: name, crc: crc, size: size, n: int64(len(deflated))}
	p.mu.Lock()
	if p.spill == nil {
		e.deflated = deflated
	} else {
		e.off = p.spilled
		p.spilled += e.n
	}
	p.entries = append(p.entries, e)
	p.mu.Unlock()
	if p.spill != nil {
		if _, err := p.spill.WriteAt(deflated, e.off); err != nil {
			return fmt.Errorf("packing %s: %w", name, err)
		}
	}
	return nil
}

// body is e's compressed bytes.
func (p *Packer) body(e entry) io.Reader {
	if p.spill == nil {
		return bytes.NewReader(e.deflated)
	}
	return io.NewSectionReader(p.spill, e.off, e.n)
}

// Write writes the zip to w.
func (p *Packer) Write(w io.Writer) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	slices.SortFunc(p.entries, func(a, b entry) int { return cmp.Compare(a.name, b.name) })
	zw := zip.NewWriter(w)
	// One buffer for every entry: io.Copy would make one per entry, and a
	// large site's pack has tens of thousands.
	buf := make([]byte, 32<<10)
	for _, e := range p.entries {
		// A fixed time keeps the pack the same for the same site.
		ew, err := zw.CreateRaw(&zip.FileHeader{
			Name:               Folder + "/" + e.name,
			Method:             zip.Deflate,
			Modified:           time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
			CRC32:              e.crc,
			UncompressedSize64: e.size,
			CompressedSize64:   uint64(e.n),
		})
		if err != nil {
			return fmt.Errorf("packing %s: %w", e.name, err)
		}
		if _, err := io.CopyBuffer(ew, p.body(e), buf); err != nil {
			return fmt.Errorf("packing %s: %w", e.name, err)
		}
	}
	return zw.Close()
}
