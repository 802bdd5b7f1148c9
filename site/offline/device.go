package offline

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
)

// ListPath is where a build writes the list of files a browser saves to
// read the site in language code with no connection, inside the output:
// "offline/en.json".
func ListPath(code string) string { return path.Dir(Path) + "/" + code + ".json" }

// Written is a file of the built site and its size.
type Written struct {
	Path string // slash-separated path inside the output
	Size int64  // bytes
}

// SaveList is what a browser saves to read the site in one language with
// no connection: the "Keep this site on this device" button of the
// Offline copy page fetches every file it names into the service worker's
// cache.
type SaveList struct {
	Bytes int64    `json:"bytes"` // the files' total size, uncompressed
	Files []string `json:"files"` // addresses relative to the site's root, such as "articles/6/" and "static/style.0a1b2c3d4e.css"
}

// SaveLists writes the save list of each language, codes[0] being the
// default one, from the files of a whole build: the language's pages, the
// pages in the default language it has no translation of (its pages link
// to those), the stylesheets, scripts and QR codes, and its own part of
// the search index. Left out are what is made to be downloaded or framed
// rather than read: data files, the zip, embedded provisions, gzip twins.
func SaveLists(files []Written, codes []string) ([]SaveList, error) {
	if len(codes) == 0 {
		return nil, fmt.Errorf("making save lists: no language")
	}
	other := map[string]bool{}
	for _, c := range codes[1:] {
		other[c] = true
	}
	has := map[string]bool{}
	for _, f := range files {
		has[f.Path] = true
	}
	lists := make([]SaveList, len(codes))
	for i, code := range codes {
		prefix := ""
		if i > 0 {
			prefix = code + "/"
		}
		list := SaveList{Files: []string{}}
		for _, f := range files {
			addr, ok := saved(f.Path, prefix, code, other, has)
			if ok {
				list.Files = append(list.Files, addr)
				list.Bytes += f.Size
			}
		}
		slices.Sort(list.Files)
		lists[i] = list
	}
	return lists, nil
}

// saved reports whether p is saved for the language with prefix and code,
// and at what address.
func saved(p, prefix, code string, other, has map[string]bool) (string, bool) {
	top, _, _ := strings.Cut(p, "/")
	switch {
	case strings.HasSuffix(p, ".gz"):
		return "", false
	case top == "static":
		if lang, ok := strings.CutPrefix(p, "static/search/"); ok && strings.Contains(lang, "/") {
			lang, _, _ = strings.Cut(lang, "/")
			return p, lang == code
		}
		return p, true
	case top == "qr":
		return p, true
	case path.Base(p) != "index.html":
		return "", false
	}
	page := strings.TrimSuffix(p, "index.html")
	if strings.HasPrefix(page, "embed/") || strings.HasPrefix(strings.TrimPrefix(page, prefix), "embed/") {
		return "", false
	}
	if prefix != "" && strings.HasPrefix(page, prefix) {
		return addr(page), true
	}
	if other[top] {
		return "", false
	}
	// A page in the default language: the language's own, or one it
	// links to for want of a translation.
	if prefix == "" || !has[prefix+p] {
		return addr(page), true
	}
	return "", false
}

// addr writes a page's directory as the address a link gives it.
func addr(dir string) string {
	if dir == "" {
		return "./"
	}
	return dir
}

// EncodeList writes a save list as JSON.
func EncodeList(l SaveList) ([]byte, error) {
	data, err := json.Marshal(l)
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
