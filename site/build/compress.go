package build

import (
	"bytes"
	"compress/gzip"
	"path"
	"runtime"
	"strings"

	"golang.org/x/sync/errgroup"

	"protosite/site/output"
)

// compressible are the kinds of asset worth sending compressed.
var compressible = map[string]bool{".js": true, ".css": true, ".svg": true, ".json": true, ".xml": true}

// precompress adds a gzip twin for every compressible asset under static/,
// so that a server can send it compressed without compressing per request.
func precompress(files []output.File) ([]output.File, error) {
	var todo []output.File
	for _, f := range files {
		if strings.HasPrefix(f.Path, "static/") && compressible[path.Ext(f.Path)] && len(f.Data) >= 2048 {
			todo = append(todo, f)
		}
	}
	out := make([]output.File, len(todo))
	workers := runtime.GOMAXPROCS(0)
	var g errgroup.Group
	for w := range workers {
		g.Go(func() error {
			// One compressor per worker: making one costs far more than
			// compressing a small file.
			var buf bytes.Buffer
			zw, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
			if err != nil {
				return err
			}
			for i := w; i < len(todo); i += workers {
				buf.Reset()
				zw.Reset(&buf)
				if _, err := zw.Write(todo[i].Data); err != nil {
					return err
				}
				if err := zw.Close(); err != nil {
					return err
				}
				out[i] = output.File{Path: todo[i].Path + ".gz", Data: bytes.Clone(buf.Bytes())}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return append(files, out...), nil
}
