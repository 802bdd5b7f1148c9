package frontmatter

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml/token"
)

// meta has every kind of field content front matter uses.
type meta struct {
	Title string                `yaml:"title"`
	Year  *int                  `yaml:"year"`
	Tags  []string              `yaml:"tags"`
	Parts []struct{ ID string } `yaml:"parts"`
	Map   map[string]string     `yaml:"map"`
	Count int                   `yaml:"count"`
	Draft bool                  `yaml:"draft"`
	Date  date                  `yaml:"date"`
	End   *date                 `yaml:"end"`
	Chair *struct {
		Name    string `yaml:"name"`
		Country string `yaml:"country"`
	} `yaml:"chair"`
	Provisions []struct {
		ID         string   `yaml:"id"`
		Implements []string `yaml:"implements"`
		Excerpt    string   `yaml:"excerpt"`
	} `yaml:"provisions"`
	Countries []*struct {
		Code string `yaml:"code"`
	} `yaml:"countries"`
}

// date is decoded through UnmarshalText, as the content's dates are.
type date struct{ time.Time }

func (d *date) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return fmt.Errorf("date %q is not written YYYY-MM-DD", b)
	}
	d.Time = t
	return nil
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
		// Front matter as the content writes it, which the fast path
		// takes.
		"---\ntitle: \"Act\" # the title\nyear: 2008\ncount: -3\ndraft: false\ndate: 2018-07-04\nend: null\n" +
			"chair: {name: \"A B\", country: ITA}\ntags: [a, \"b c\", 'd''e']\nmap: {k: v}\n" +
			"provisions:\n  - id: s1\n    implements: [\"art. 6(1)(a)\", \"art. 3\"]\n    excerpt: |\n      (a) text\n\n      (b) more\n" +
			"  - id: s-2\n    implements:\n      - art. 6\n    excerpt: >-\n      folded\n      text\n---\nbody",
		// Where YAML 1.1 and 1.2, or yaml.v3 and goccy, read alike text
		// differently: the fast path must leave these to goccy.
		"---\ndraft: yes\n---\n",
		"---\ndraft: on\ntitle: off\n---\n",
		"---\ntitle: y\ncount: 0777\n---\n",
		"---\ncount: 0o17\ntitle: 0x1F\n---\n",
		"---\ncount: 1_000\ntitle: 1__0\n---\n",
		"---\ncount: +5\ntitle: -0\n---\n",
		"---\ncount: 1e3\ntitle: 1.50\n---\n",
		"---\ntitle: .inf\ncount: .nan\n---\n",
		"---\ntitle: 2018-07-04\ndate: 2001-12-14t21:59:43.10-05:00\n---\n",
		"---\ntitle: 2001-12-14 21:59:43.10 -5\n---\n",
		"---\ntitle: ~\nyear: ~\nend: Null\ntags: NULL\n---\n",
		"---\ntitle:\nyear:\n---\n",
		"---\nyear:",
		"---\n<<: {title: x}\ncount: 1\n---\n",
		"---\ntitle: &a x\ntags: [*a]\n---\n",
		"---\ntitle: !!str 5\ncount: !!int \"5\"\n---\n",
		"---\ntitle: !custom x\n---\n",
		"---\ntitle: a\ntitle: b\n---\n",
		"---\nmap: {a: 1, a: 2}\n---\n",
		"---\ntitle: a\n...\ntitle: b\n---\n",
		"---\ntitle: a\n--- b\n---\n",
		"---\n%YAML 1.1\n--- # directive\ntitle: yes\n---\n",
		"---\ntitle:\tx\n\tcount: 1\n---\n",
		"---\ntitle: a\rcount: 1\r\ntags: [b,\r c]\n---\n",
		"---\ntitle: a\u0085count: 1\n---\n",
		"---\ntitle: \"\\x41\\u00e9\\N\\_\\L\\P\\e\\/\\t\\ \"\n---\n",
		"---\ntitle: \"a\n  b\\\n  c\n\n  d\"\n---\n",
		"---\ntitle: 'a\n\n  b '\n---\n",
		"---\ntitle: |+\n  a\n\ncount: 1\n---\n",
		"---\ntitle: >2\n   a\n  b\n---\n",
		"---\ntitle: plain\n  on two lines\n\n  and a third\n---\n",
		"---\ntitle: a # c\n# c\ncount: 1 # c\n---\n",
		"---\n? title\n: x\n---\n",
		"---\n\"title\": x\n'count': 1\n---\n",
		"---\ntitle: C# and C:\\path - x\n---\n",
		"---\nChair: {name: x}\n---\n",
		"---\nchair: {name: x, nope: y}\n---\n",
		"---\nparts: [{id: a}, {ID: b}]\n---\n",
		"---\ntitle: é\ntags: [ü, \"ß\"]\n---\n",
		"---\ntitle: [a]\ncount: x\n---\n",
		"---\ncount: 99999999999999999999\n---\n",
		"---\n- a\n- b\n---\n",
		"---\nnull\n---\n",
		"---\n{title: x, count: 2}\n---\n",
		// Found by fuzzing: goccy places a plain value followed by blanks
		// further on, reads no plain value over several lines in brackets
		// and keeps a quoted one's line breaks there, keeps the line break
		// of an empty block scalar, reads an indentation indicator
		// otherwise, reads no directive, counts a line twice after a
		// comment ending in CR LF, and takes a colon in brackets for a
		// mapping.
		"---\nprovisions:\n  - implements:\n     - A \n--- ",
		"---\ntags: [a\n b]\n---\n",
		"---\nchair: {name: \"a\n  b\"}\n---\n",
		"---\ntitle: >1+\n---",
		"---\nmap:\n A: |1\n  000000000\n\n---",
		"---\n%YAML 1.1\n--- # c\ncount: 1\n---\n",
		"---\ntitle: x # c\r\ndraft: true\r\n---\n",
		"---\ntags: [a:b, c]\n---\n",
		// goccy drops the blanks before an escaped line break, and the
		// space a line break before it folds to.
		"---\ntitle: \"a \\\n  b\"\n---\n",
		"---\ntitle: \"a\n\\\n\nb\"\n---\n",
		// The non-specific tag, which yaml.v3 leaves unmarked.
		"---\nyear: 0\ntags: ! [a]\n---\n",
		"---\n! title: x\n---\n",
		// A comment right after a block scalar's header, which yaml.v3
		// takes and goccy refuses: a comment needs a blank before it.
		"---\ntitle: |#c\n  x\n---\n",
		// A block scalar of blank lines alone, kept by "+": yaml.v3
		// takes it, goccy finds no text in it.
		"---\ntitle: |+\n\n  \ncount: 1\n---\n",
	} {
		f.Add(seed)
	}
	// Random front matter in the shape of meta, for mutations of input
	// the fast path takes.
	for _, seed := range generated(100) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		// The shortcut must never call text what goccy would quote.
		for line := range strings.SplitSeq(src, "\n") {
			if surelyText(line) && token.IsNeedQuoted(line) {
				t.Fatalf("surelyText(%q), but goccy would quote it", line)
			}
		}
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
		// Whenever yaml.v3 takes the file, goccy must decode it to the
		// same value, with the same positions.
		if _, err := diffDecode(file, &meta{}, &meta{}); err != nil {
			t.Fatal(err)
		}
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
