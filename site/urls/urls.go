// Package urls computes the relative links that let the site work at any
// sub-path of a host and from file://.
package urls

import (
	"path"
	"strings"
)

// Rel returns a link from the page at from to target. Both are site-absolute
// paths ("/articles/6/"); target may carry a "#fragment". A directory
// target keeps its trailing slash, and a link to the page itself is just
// its fragment.
func Rel(from, target string) string {
	from, _, _ = strings.Cut(from, "#")
	target, frag, hasFrag := strings.Cut(target, "#")
	if hasFrag {
		frag = "#" + frag
	}
	fromDir := from
	if !strings.HasSuffix(fromDir, "/") {
		fromDir = path.Dir(fromDir) + "/"
	}
	if target == from && hasFrag {
		return frag
	}
	fromParts := split(fromDir)
	toParts := split(target)
	isDir := strings.HasSuffix(target, "/")
	i := 0
	for i < len(fromParts) && i < len(toParts) && fromParts[i] == toParts[i] {
		i++
	}
	var b strings.Builder
	for range fromParts[i:] {
		b.WriteString("../")
	}
	rest := strings.Join(toParts[i:], "/")
	b.WriteString(rest)
	if isDir && rest != "" {
		b.WriteByte('/')
	}
	if b.Len() == 0 {
		b.WriteString("./")
	}
	return b.String() + frag
}

func split(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// File returns the output file for a site-absolute URL path: "/articles/6/"
// is "articles/6/index.html".
func File(url string) string {
	if strings.HasSuffix(url, "/") {
		return strings.TrimPrefix(url, "/") + "index.html"
	}
	return strings.TrimPrefix(url, "/")
}

// EmbedDir is the directory, in each language's part of the site, of the
// pages made to be framed by other sites: /embed/art_6/, /nl/embed/art_6/.
const EmbedDir = "embed"

// Embeddable reports whether the site-absolute path p is in an EmbedDir:
// its first segment, or its second, after a language's. Any second
// segment is taken, as the server does not know the site's languages; the
// generator writes no other directory of that name but a law whose id is
// "embed", a page no less public.
func Embeddable(p string) bool {
	segs := strings.SplitN(strings.TrimPrefix(p, "/"), "/", 3)
	return segs[0] == EmbedDir || len(segs) > 1 && segs[1] == EmbedDir
}
