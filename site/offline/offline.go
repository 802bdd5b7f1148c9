// Package offline packs a built site into a zip that works opened from
// file:// on a machine with no network, search included: browsers do not
// open a directory's index.html on file://, so every link to a directory
// is pointed at its index.html.
package offline

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"path"
	"runtime"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/sync/errgroup"

	"protosite/site/output"
)

// Folder is the folder the pack's files unzip into.
const Folder = "protosite-offline"

// Path is where a build writes the pack, inside the output.
const Path = "offline/protosite-offline.zip"

// Pack returns the zip of files for reading offline. Compressed twins
// (.gz) are left out: a browser reading files has no use for them. Entries
// are compressed on every core, fast rather than small: the pack is made
// on every build.
func Pack(files []output.File) ([]byte, error) {
	var todo []output.File
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".gz") {
			todo = append(todo, f)
		}
	}
	entries := make([]entry, len(todo))
	workers := runtime.GOMAXPROCS(0)
	var g errgroup.Group
	for w := range workers {
		g.Go(func() error {
			var buf bytes.Buffer
			fw, err := flate.NewWriter(&buf, flate.BestSpeed)
			if err != nil {
				return err
			}
			for i := w; i < len(todo); i += workers {
				f := todo[i]
				data := f.Data
				if path.Ext(f.Path) == ".html" {
					if data, err = fileLinks(data); err != nil {
						return fmt.Errorf("packing %s: %w", f.Path, err)
					}
				}
				buf.Reset()
				fw.Reset(&buf)
				if _, err := fw.Write(data); err != nil {
					return err
				}
				if err := fw.Close(); err != nil {
					return err
				}
				entries[i] = entry{name: f.Path, crc: crc32.ChecksumIEEE(data), size: uint64(len(data)), deflated: bytes.Clone(buf.Bytes())}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range entries {
		// A fixed time keeps the pack the same for the same site.
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               Folder + "/" + e.name,
			Method:             zip.Deflate,
			Modified:           time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
			CRC32:              e.crc,
			UncompressedSize64: e.size,
			CompressedSize64:   uint64(len(e.deflated)),
		})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(e.deflated); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// entry is one file of the pack, compressed.
type entry struct {
	name     string
	crc      uint32
	size     uint64
	deflated []byte
}

// fileLinks rewrites href and src attributes that name a directory to name
// its index.html, copying everything else byte for byte.
func fileLinks(page []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(page) + 1024)
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != nil && err.Error() != "EOF" {
				return nil, err
			}
			return out.Bytes(), nil
		case html.StartTagToken, html.SelfClosingTagToken:
			raw := append([]byte(nil), z.Raw()...)
			tok := z.Token()
			changed := false
			for i, a := range tok.Attr {
				if a.Key == "href" || a.Key == "src" {
					if v := fileLink(a.Val); v != a.Val {
						tok.Attr[i].Val = v
						changed = true
					}
				}
			}
			if changed {
				out.WriteString(tok.String())
			} else {
				out.Write(raw)
			}
		default:
			out.Write(z.Raw())
		}
	}
}

// fileLink points a relative link to a directory at its index.html.
func fileLink(v string) string {
	if v == "" || strings.HasPrefix(v, "#") || strings.HasPrefix(v, "?") || strings.Contains(strings.SplitN(v, "/", 2)[0], ":") {
		return v
	}
	p, rest := v, ""
	if i := strings.IndexAny(v, "?#"); i >= 0 {
		p, rest = v[:i], v[i:]
	}
	switch {
	case p == "." || p == "..":
		p += "/index.html"
	case strings.HasSuffix(p, "/"):
		p += "index.html"
	}
	return p + rest
}
