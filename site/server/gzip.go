package server

import (
	"bytes"
	"sync"

	"github.com/klauspost/compress/gzip"
)

// minGzip is the size below which a file is sent as it is: a few hundred
// bytes fit in a packet either way.
const minGzip = 1024

// gzipCacheBytes bounds what a site keeps of the files it compressed; a
// file compressed past it is compressed again for each request.
const gzipCacheBytes = 64 << 20

// gzipCache compresses a site's files for clients that accept gzip and
// keeps them, since a site's files never change: a rebuild is a new site.
type gzipCache struct {
	mu      sync.Mutex
	files   map[string][]byte
	size    int
	writers sync.Pool // of *gzip.Writer: making one costs more than compressing a page
}

func newGzipCache() *gzipCache {
	return &gzipCache{files: map[string][]byte{}, writers: sync.Pool{New: func() any {
		// Fast: the server compresses while a client waits.
		w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
		return w
	}}}
}

// of returns the file name, whose contents are data, compressed.
func (c *gzipCache) of(name string, data []byte) ([]byte, error) {
	c.mu.Lock()
	gz, ok := c.files[name]
	c.mu.Unlock()
	if ok {
		return gz, nil
	}
	var buf bytes.Buffer
	zw := c.writers.Get().(*gzip.Writer)
	defer c.writers.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	gz = buf.Bytes()
	c.mu.Lock()
	if _, ok := c.files[name]; !ok && c.size+len(gz) <= gzipCacheBytes {
		c.files[name] = gz
		c.size += len(gz)
	}
	c.mu.Unlock()
	return gz, nil
}
