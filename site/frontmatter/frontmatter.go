// Package frontmatter splits YAML front matter from a Markdown file and
// decodes it strictly, reporting problems at their line and column.
package frontmatter

import (
	"bytes"
	"strings"

	"protosite/site/diag"
)

const fence = "---"

// File is a content file split into its front matter and body.
type File struct {
	Path       string // path used in positions
	Src        []byte // the whole file
	Meta       []byte // the YAML between the fences, nil when there is none
	Body       []byte // everything after the closing fence
	BodyOffset int    // byte offset of Body in Src
	lines      *diag.Lines
	metaLine   int // file line on which Meta starts
	metaOffset int // byte offset of Meta in Src
}

// Split separates front matter from body. A file that does not open with
// "---" has no front matter; one that opens it but never closes it is an error.
func Split(path string, src []byte) (*File, *diag.Error) {
	f := &File{Path: path, Src: src, Body: src, lines: diag.NewLines(path, src, 0), metaLine: 2}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if strings.TrimRight(string(first), " \t\r") != fence {
		return f, nil
	}
	off := len(first) + 1
	for off <= len(src) && len(rest) > 0 {
		line, next, found := bytes.Cut(rest, []byte("\n"))
		if strings.TrimRight(string(line), " \t\r") == fence {
			f.Meta = src[len(first)+1 : off]
			f.metaOffset = len(first) + 1
			f.BodyOffset = off + len(line)
			if found {
				f.BodyOffset++
			}
			f.Body = src[f.BodyOffset:]
			return f, nil
		}
		off += len(line) + 1
		rest = next
	}
	return nil, diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "front matter opened with --- is never closed")
}

// Pos returns the position of byte offset off in the whole file.
func (f *File) Pos(off int) diag.Pos { return f.lines.Pos(off) }

// FromYAML treats the whole of src as YAML, as in a settings file.
func FromYAML(path string, src []byte) *File {
	return &File{Path: path, Src: src, Meta: src, lines: diag.NewLines(path, src, 0), metaLine: 1}
}

// Decode decodes the front matter into v, rejecting unknown fields and
// values of the wrong type. Front matter in the part of YAML on which
// yaml.v3 and goccy agree is decoded by yaml.v3, several times faster;
// everything else, and every error, is left to goccy, whose messages and
// positions the content's tests and authors rely on.
func (f *File) Decode(v any) (Fields, *diag.Error) {
	if fields, err := f.decodeFast(v); err == nil {
		return fields, nil
	}
	return f.decodeGoccy(v)
}

// tokenPos turns a YAML line and column into a position in the file. The
// YAML library counts a lone carriage return as a line break too, so the
// line is found in the YAML's own terms and mapped through its offset.
func (f *File) tokenPos(line, col int) diag.Pos {
	off := 0
	for l := 1; l < line && off < len(f.Meta); off++ {
		switch f.Meta[off] {
		case '\n':
			l++
		case '\r':
			if off+1 >= len(f.Meta) || f.Meta[off+1] != '\n' {
				l++
			}
		}
	}
	off = min(off+max(col-1, 0), len(f.Meta))
	return f.lines.Pos(f.metaOffset + off)
}
