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
	writers sync.Pool // of *flate.Writer: making one costs more than compressing a page
}

// entry is one file of the pack, compressed.
type entry struct {
	name     string
	crc      uint32
	size     uint64
	deflated []byte
}

// NewPacker returns an empty pack.
func NewPacker() *Packer {
	return &Packer{writers: sync.Pool{New: func() any {
		// Fast rather than small: the pack is made on every build.
		w, _ := flate.NewWriter(nil, flate.BestSpeed)
		return w
	}}}
}

// Add compresses f into the pack. Compressed twins (.gz) are left out: a
// browser reading files has no use for them.
func (p *Packer) Add(f output.File) error {
	if strings.HasSuffix(f.Path, ".gz") {
		return nil
	}
	var buf bytes.Buffer
	buf.Grow(len(f.Data)/3 + 64)
	fw := p.writers.Get().(*flate.Writer)
	defer p.writers.Put(fw)
	fw.Reset(&buf)
	sum := crc32.NewIEEE()
	var size counter
	w := io.MultiWriter(fw, sum, &size)
	var err error
	if path.Ext(f.Path) == ".html" {
		err = writeFileLinks(w, f.Data)
	} else {
		_, err = w.Write(f.Data)
	}
	if err == nil {
		err = fw.Close()
	}
	if err != nil {
		return fmt.Errorf("packing %s: %w", f.Path, err)
	}
	p.AddDeflated(f.Path, sum.Sum32(), uint64(size), buf.Bytes())
	return nil
}

// counter counts the bytes written to it.
type counter int

func (c *counter) Write(b []byte) (int, error) {
	*c += counter(len(b))
	return len(b), nil
}

// AddDeflated adds a file already compressed: deflated is the raw deflate
// stream of size bytes whose CRC-32 is crc, such as the body of a gzip
// twin, so that a file is not compressed twice.
func (p *Packer) AddDeflated(name string, crc uint32, size uint64, deflated []byte) {
	p.mu.Lock()
	p.entries = append(p.entries, entry{name: name, crc: crc, size: size, deflated: deflated})
	p.mu.Unlock()
}

// Write writes the zip to w.
func (p *Packer) Write(w io.Writer) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	slices.SortFunc(p.entries, func(a, b entry) int { return cmp.Compare(a.name, b.name) })
	zw := zip.NewWriter(w)
	for _, e := range p.entries {
		// A fixed time keeps the pack the same for the same site.
		ew, err := zw.CreateRaw(&zip.FileHeader{
			Name:               Folder + "/" + e.name,
			Method:             zip.Deflate,
			Modified:           time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
			CRC32:              e.crc,
			UncompressedSize64: e.size,
			CompressedSize64:   uint64(len(e.deflated)),
		})
		if err != nil {
			return fmt.Errorf("packing %s: %w", e.name, err)
		}
		if _, err := ew.Write(e.deflated); err != nil {
			return fmt.Errorf("packing %s: %w", e.name, err)
		}
	}
	return zw.Close()
}
