package build

import (
	"bytes"
	"hash/crc32"
	"path"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"

	"protosite/site/output"
)

// compressible are the kinds of asset worth sending compressed.
var compressible = map[string]bool{".js": true, ".css": true, ".svg": true, ".json": true, ".xml": true}

// minTwin is the size below which an asset is sent as it is: compressing
// a small file saves less than a round of the compressor costs.
const minTwin = 2048

// twins makes gzip twins of assets, so that a server can send them
// compressed without compressing per request.
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
	if !strings.HasPrefix(f.Path, "static/") || !compressible[path.Ext(f.Path)] || len(f.Data) < minTwin {
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
