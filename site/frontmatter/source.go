package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	yamlv3 "go.yaml.in/yaml/v3"
)

// checkBytes turns away input whose line breaks the two libraries count
// differently, or that they may not both read.
func checkBytes(src []byte) error {
	if !utf8.Valid(src) {
		return errors.New("invalid UTF-8")
	}
	// yaml.v3 counts NEL, LS and PS as line breaks, goccy does not; a
	// byte order mark mid-stream is read differently too; goccy counts a
	// tab as no column, and drops one from a plain value in brackets; it
	// counts a line twice when a comment ends in CR LF.
	for _, s := range []string{"\u0085", "\u2028", "\u2029", "\ufeff", "\t", "\r"} {
		if bytes.Contains(src, []byte(s)) {
			return fmt.Errorf("contains %q", s)
		}
	}
	// goccy places a plain value that blanks follow at the end of its
	// line as many columns further on as there are blanks.
	if bytes.Contains(src, []byte(" \n")) || bytes.HasSuffix(src, []byte(" ")) {
		return errors.New("a line ends in a blank")
	}
	// goccy reads no directive, such as %YAML 1.2.
	if bytes.HasPrefix(src, []byte("%")) || bytes.Contains(src, []byte("\n%")) {
		return errors.New("may hold a directive")
	}
	// An explicit key, "? key", is a key node of its own in goccy, whose
	// name then includes the "?". A question mark followed by a blank
	// anywhere, even inside a quoted value, is turned away: simpler than
	// telling where it stands, and rare in front matter.
	for i := bytes.IndexByte(src, '?'); i >= 0; i = nextByte(src, i, '?') {
		if i+1 == len(src) || src[i+1] == ' ' || src[i+1] == '\n' {
			return errors.New("may hold an explicit key")
		}
	}
	return nil
}

// nextByte returns the index of the next c in src after index i, or -1.
func nextByte(src []byte, i int, c byte) int {
	j := bytes.IndexByte(src[i+1:], c)
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// flow checks a flow mapping or list, in brackets: goccy does not read a
// plain value in one that goes on over several lines, keeps the line
// breaks of a quoted one, and reads a colon in a plain value as the start
// of a mapping.
func (c *checker) flow(n *yamlv3.Node) error {
	for _, e := range n.Content {
		if e.Kind != yamlv3.ScalarNode {
			continue
		}
		if e.Style != 0 && !c.onOneLine(e) {
			return fmt.Errorf("%q over several lines in brackets", e.Value)
		}
		if e.Style == 0 && strings.IndexByte(e.Value, ':') >= 0 {
			return fmt.Errorf("%q has a colon in brackets", e.Value)
		}
	}
	return nil
}

// onOneLine reports whether scalar n stands on one line in the source.
func (c *checker) onOneLine(n *yamlv3.Node) bool {
	rest := c.source(n)
	switch n.Style {
	case 0:
		// Folded from several lines, the value would not be there
		// verbatim.
		return bytes.HasPrefix(rest, []byte(n.Value))
	case yamlv3.DoubleQuotedStyle, yamlv3.SingleQuotedStyle:
		return quoteEndsOnLine(rest)
	}
	return false
}

// knownEscapes reports whether every escape in double-quoted scalar n is
// one that both libraries read alike: yaml.v3 also takes \' for a quote,
// which goccy rejects, and keeps the blanks before an escaped line break,
// as YAML says, where goccy drops them, whether written or folded from a
// line break before; so no escaped line break is taken.
func (c *checker) knownEscapes(n *yamlv3.Node) bool {
	rest := c.source(n)
	if len(rest) == 0 || rest[0] != '"' {
		return false
	}
	for i := 1; i < len(rest); i++ {
		switch rest[i] {
		case '"':
			return true
		case '\\':
			i++
			if i == len(rest) || strings.IndexByte("0abtnvfre \"\\N_LPxuU", rest[i]) < 0 {
				return false
			}
		}
	}
	return false
}

// plainHeader reports whether block scalar n's header, the "|" or ">"
// it starts with, has no indentation indicator, such as "|2", which goccy
// reads otherwise when the block is nested, and no comment without a
// blank before it, such as "|#", which yaml.v3 takes and goccy refuses.
func (c *checker) plainHeader(n *yamlv3.Node) bool {
	rest := c.source(n)
	if len(rest) == 0 || rest[0] != '|' && rest[0] != '>' {
		return false
	}
	for _, b := range rest[1:] {
		switch b {
		case ' ', '\n':
			return true
		case '-', '+':
		default:
			return false
		}
	}
	return true
}

// nonSpecificTag reports whether node n carries the non-specific tag "!",
// for which yaml.v3 marks no style and after which goccy places keys
// elsewhere.
func (c *checker) nonSpecificTag(n *yamlv3.Node) bool {
	rest := c.source(n)
	return len(rest) > 0 && rest[0] == '!'
}

// source returns the source from where node n starts.
func (c *checker) source(n *yamlv3.Node) []byte {
	if n.Line < 1 || n.Line > len(c.lines) {
		return nil
	}
	rest := c.src[c.lines.start(n.Line, len(c.src)):]
	for range n.Column - 1 { // columns count characters, not bytes
		_, size := utf8.DecodeRune(rest)
		if size == 0 {
			return nil
		}
		rest = rest[size:]
	}
	return rest
}

// quoteEndsOnLine reports whether the quoted scalar that src starts with
// ends before the end of its line.
func quoteEndsOnLine(src []byte) bool {
	if len(src) == 0 {
		return false
	}
	q := src[0]
	for i := 1; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n' || c == '\r':
			return false
		case q == '"' && c == '\\':
			i++
		case c == q && q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case c == q:
			return true
		}
	}
	return false
}

// lineIndex holds where each line of front matter starts. The fast path
// takes no carriage return, so a line ends at a line feed.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	lines := lineIndex{0}
	for i := bytes.IndexByte(src, '\n'); i >= 0; i = nextByte(src, i, '\n') {
		lines = append(lines, i+1)
	}
	return lines
}

// start returns the offset of line (from 1), or the end of src past the
// last line, as tokenPos finds it.
func (l lineIndex) start(line, size int) int {
	if line < 1 {
		return 0
	}
	if line > len(l) {
		return size
	}
	return l[line-1]
}
