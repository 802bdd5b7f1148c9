package build

import (
	"bytes"
	"hash/crc32"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"

	"protosite/site/output"
)

// minTwin is the size from which an asset gets a twin. The server
// compresses smaller files itself, once, when first asked (server
// package); the twins spare it the largest, and a large site many
// thousands of small files to write.
const minTwin = 16 << 10

// twins makes gzip twins of large assets, compressed harder than the
// server would, so that a server can send them compressed without
// compressing them.
type twins struct {
	writers *sync.Pool // of *gzip.Writer: making one costs more than compressing a small file
}

func newTwins() twins {
	return twins{writers: &sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
		return w
	}}}
}

// twin is a file's gzip twin.
type twin struct {
	gz  []byte
	crc uint32
}

// gzipHeader and gzipTrailer are the sizes of the wrapping of a gzip
// stream without name, comment or extra field, as gzip.Writer writes it.
const gzipHeader, gzipTrailer = 10, 8

// deflated is the twin's raw deflate stream, which a zip entry can carry
// as it is.
func (t *twin) deflated() []byte { return t.gz[gzipHeader : len(t.gz)-gzipTrailer] }

// of returns f's twin, or nil when f is sent as it is.
func (t twins) of(f output.File) (*twin, error) {
	if !strings.HasPrefix(f.Path, "static/") || !output.Compressible(f.Path) || len(f.Data) < minTwin {
		return nil, nil
	}
	var buf bytes.Buffer
	buf.Grow(len(f.Data)/3 + 64)
	zw := t.writers.Get().(*gzip.Writer)
	defer t.writers.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(f.Data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return &twin{gz: buf.Bytes(), crc: crc32.ChecksumIEEE(f.Data)}, nil
}
