package frontmatter

import (
	"testing"
	"unicode/utf8"
)

// meta has every kind of field content front matter uses.
type meta struct {
	Title string                `yaml:"title"`
	Year  *int                  `yaml:"year"`
	Tags  []string              `yaml:"tags"`
	Parts []struct{ ID string } `yaml:"parts"`
	Map   map[string]string     `yaml:"map"`
}

func FuzzSplitDecode(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: x\n---\nbody",
		"---\ntitle: [unclosed\n---\n",
		"---\nyear: nineteen\n---\n",
		"---\n---\n",
		"no front matter",
		"---\ntitle: x\n",
		"---\nparts:\n  - {id: a}\n  - id: b\nmap: {a: b}\ntags: [x, y]\n---\n",
		"---\n&a [*a]\n---\n",
		"---\ntitle: \"\\xff\"\n---\n",
		"\xef\xbb\xbf---\ntitle: bom\n---\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, derr := Split("f.md", []byte(src))
		if derr != nil {
			checkPos(t, derr.Pos.Line, derr.Pos.Col, src)
			return
		}
		if file.BodyOffset < 0 || file.BodyOffset > len(src) {
			t.Fatalf("body offset %d outside a file of %d bytes", file.BodyOffset, len(src))
		}
		var m meta
		fields, derr := file.Decode(&m)
		if derr != nil {
			if derr.Msg == "" {
				t.Fatal("an error without a message")
			}
			checkPos(t, derr.Pos.Line, derr.Pos.Col, src)
			return
		}
		_ = fields.At("$.parts[0].id")
		_ = fields.Pos("title")
	})
}

// checkPos fails when a reported position lies outside the file.
func checkPos(t *testing.T, line, col int, src string) {
	t.Helper()
	lines := 1
	for _, c := range src {
		if c == '\n' {
			lines++
		}
	}
	if line < 1 || line > lines+1 || col < 1 {
		t.Fatalf("position %d:%d outside a file of %d lines (valid UTF-8: %v)", line, col, lines, utf8.ValidString(src))
	}
}
