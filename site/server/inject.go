package server

import (
	"bytes"
	"html"
)

// fillElement puts content inside the empty element with the given id, and
// adds attrs to its start tag, whatever else its start tag holds (classes
// and labels change with the page's language). The page is returned as it
// was when there is no such element.
func fillElement(page []byte, id, attrs, content string) []byte {
	i := bytes.Index(page, []byte(` id="`+id+`"`))
	if i < 0 {
		return page
	}
	end := bytes.IndexByte(page[i:], '>')
	if end < 0 {
		return page
	}
	end += i
	var out bytes.Buffer
	out.Grow(len(page) + len(attrs) + len(content))
	out.Write(page[:end])
	out.WriteString(attrs)
	out.WriteByte('>')
	out.WriteString(content)
	out.Write(page[end+1:])
	return out.Bytes()
}

// elementAttr returns the value of the attribute name in the start tag of
// the element with the given id, unescaped, or "" when there is none: the
// goto page carries its messages, in its language, so.
func elementAttr(page []byte, id, name string) string {
	i := bytes.Index(page, []byte(` id="`+id+`"`))
	if i < 0 {
		return ""
	}
	end := bytes.IndexByte(page[i:], '>')
	if end < 0 {
		return ""
	}
	tag := page[i : i+end]
	j := bytes.Index(tag, []byte(" "+name+`="`))
	if j < 0 {
		return ""
	}
	value := tag[j+len(name)+3:]
	k := bytes.IndexByte(value, '"')
	if k < 0 {
		return ""
	}
	return html.UnescapeString(string(value[:k]))
}
