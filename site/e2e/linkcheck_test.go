package e2e

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// linkBase is where the link checker pretends the site is deployed. A
// sub-path makes a link that climbs above the site root ("../../../x")
// show up as leaving the site instead of being silently clamped at "/".
const linkBase = "http://site.invalid/sub/path/"

// brokenLinks checks every href and src of every HTML page in the output
// directory dir and describes each one that is broken: written
// site-absolute ("/..."), leaving the site, naming a file that does not
// exist, or naming a #fragment that is no element id of its target page.
// Links to http:, https: and mailto: URLs are not followed.
func brokenLinks(t testing.TB, dir string) []string {
	t.Helper()
	base, err := url.Parse(linkBase)
	if err != nil {
		t.Fatal(err)
	}
	root := os.DirFS(dir)
	pageIDs := map[string]map[string]bool{} // output file → its element ids
	idsOf := func(file string) map[string]bool {
		if m, ok := pageIDs[file]; ok {
			return m
		}
		m := map[string]bool{}
		if strings.HasSuffix(file, ".html") {
			for _, id := range ids(parseHTMLFile(t, filepath.Join(dir, filepath.FromSlash(file)))) {
				m[id] = true
			}
		}
		pageIDs[file] = m
		return m
	}

	var broken []string
	err = fs.WalkDir(root, ".", func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(file, ".html") {
			return err
		}
		page := base.ResolveReference(&url.URL{Path: pageURL(file)})
		doc := parseHTMLFile(t, filepath.Join(dir, filepath.FromSlash(file)))
		for _, e := range elements(doc, func(*html.Node) bool { return true }) {
			for _, name := range []string{"href", "src"} {
				ref, ok := attr(e, name)
				if !ok {
					continue
				}
				if msg := checkLink(root, page, ref, idsOf); msg != "" {
					broken = append(broken, fmt.Sprintf("%s: <%s %s=%q>: %s", file, e.Data, name, ref, msg))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walking %s: %v", dir, err)
	}
	return broken
}

// checkLink says what is wrong with the link ref on the page at page, or
// "" if nothing.
func checkLink(root fs.FS, page *url.URL, ref string, idsOf func(file string) map[string]bool) string {
	if strings.HasPrefix(ref, "/") {
		return "not relative: the site must work at any sub-path"
	}
	u, err := url.Parse(ref)
	if err != nil {
		return err.Error()
	}
	switch u.Scheme {
	case "http", "https", "mailto":
		return ""
	case "":
	default:
		return "unexpected scheme " + u.Scheme + ":"
	}
	target := page.ResolveReference(u)
	basePath := strings.TrimPrefix(linkBase, "http://site.invalid")
	if target.Host != page.Host || !strings.HasPrefix(target.Path, basePath) {
		return "leaves the site (resolves to " + target.String() + ")"
	}
	file := strings.TrimPrefix(target.Path, basePath)
	if file == "" {
		file = "."
	}
	file = strings.TrimSuffix(file, "/")
	info, err := fs.Stat(root, file)
	if err == nil && info.IsDir() {
		file = path.Join(file, "index.html")
		info, err = fs.Stat(root, file)
	}
	if err != nil || info.IsDir() {
		return "no file " + file + " in the output"
	}
	if target.Fragment != "" && !idsOf(file)[target.Fragment] {
		return "no element with id " + target.Fragment + " in " + file
	}
	return ""
}

// pageURL is the site-relative URL path an output file is served at:
// "articles/6/index.html" is "articles/6/".
func pageURL(file string) string {
	if file == "index.html" {
		return ""
	}
	if dir, ok := strings.CutSuffix(file, "/index.html"); ok {
		return dir + "/"
	}
	return file
}
