package offline

import "bytes"

// appendFileLinks appends page to dst with the href and src attributes
// that name a directory rewritten to name its index.html, everything else
// byte for byte. The pages are generated, so a byte scan suffices: a
// double quote in text or in an attribute value is always escaped, and
// pages carry no inline scripts.
func appendFileLinks(dst, page []byte) []byte {
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
		if index := directoryEnd(page[at : at+end]); index >= 0 {
			dst = append(dst, page[done:at+index]...)
			if index == 0 || page[at+index-1] != '/' {
				dst = append(dst, '/')
			}
			dst = append(dst, "index.html"...)
			done = at + index
		}
		i = at + end
	}
	return append(dst, page[done:]...)
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

// directoryEnd returns where "index.html" goes in v, a link's value, when
// v is a relative link to a directory ("../", ".", "a/b/?q#f"), after a
// slash it adds when v has none; or -1, when v is no such link.
func directoryEnd(v []byte) int {
	if len(v) == 0 || v[0] == '#' || v[0] == '?' {
		return -1
	}
	first := v
	if i := bytes.IndexByte(v, '/'); i >= 0 {
		first = v[:i]
	}
	if bytes.IndexByte(first, ':') >= 0 {
		return -1 // a scheme: not relative
	}
	p := v
	if i := bytes.IndexAny(v, "?#"); i >= 0 {
		p = v[:i]
	}
	switch {
	case string(p) == "." || string(p) == "..":
		return len(p)
	case len(p) > 0 && p[len(p)-1] == '/':
		return len(p)
	}
	return -1
}
