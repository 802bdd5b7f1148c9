// Package offline packs a built site into a zip that works opened from
// file:// on a machine with no network, search included: browsers do not
// open a directory's index.html on file://, so every link to a directory
// is pointed at its index.html.
package offline

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"

	"golang.org/x/net/html"

	"protosite/site/output"
)

// Folder is the folder the pack's files unzip into.
const Folder = "protosite-offline"

// Pack returns the zip of files for reading offline. Compressed twins
// (.gz) are left out: a browser reading files has no use for them.
func Pack(files []output.File) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".gz") {
			continue
		}
		data := f.Data
		if path.Ext(f.Path) == ".html" {
			var err error
			if data, err = fileLinks(data); err != nil {
				return nil, fmt.Errorf("packing %s: %w", f.Path, err)
			}
		}
		// A fixed time keeps the pack the same for the same site.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: Folder + "/" + f.Path, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
