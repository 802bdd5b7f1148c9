package offline

import (
	"bytes"
	"io"
	"strings"
)

// writeFileLinks writes page to w with the href and src attributes that
// name a directory rewritten to name its index.html, everything else byte
// for byte. The pages are generated, so a byte scan suffices: a double
// quote in text or in an attribute value is always escaped, and pages
// carry no inline scripts.
func writeFileLinks(w io.Writer, page []byte) error {
	done := 0
	for i := 0; i < len(page); {
		j := bytes.Index(page[i:], []byte(`="`))
		if j < 0 {
			break
		}
		at := i + j + 2 // the value's first byte
		i = at
		if !isLinkAttr(page[:at]) {
			continue
		}
		end := bytes.IndexByte(page[at:], '"')
		if end < 0 {
			break
		}
		v := string(page[at : at+end])
		if nv := fileLink(v); nv != v {
			if _, err := w.Write(page[done:at]); err != nil {
				return err
			}
			if _, err := io.WriteString(w, nv); err != nil {
				return err
			}
			done = at + end
		}
		i = at + end
	}
	_, err := w.Write(page[done:])
	return err
}

// isLinkAttr reports whether prefix ends with the opening of an href or src
// attribute, as the templates and the Markdown renderer write them: after
// white space, the value in double quotes.
func isLinkAttr(prefix []byte) bool {
	var name int
	switch {
	case bytes.HasSuffix(prefix, []byte(`href="`)):
		name = len(`href="`)
	case bytes.HasSuffix(prefix, []byte(`src="`)):
		name = len(`src="`)
	default:
		return false
	}
	if len(prefix) <= name {
		return false
	}
	switch prefix[len(prefix)-name-1] {
	case ' ', '\t', '\n', '\r', '\f':
		return true
	}
	return false
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
