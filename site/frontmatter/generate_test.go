package frontmatter

import (
	"encoding"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/token"
)

// Scalars on which YAML 1.1 and 1.2, or yaml.v3 and goccy, may disagree,
// mixed with ones they surely read alike, by the kind of field they are
// meant for.
var (
	safeTexts = []string{"x", "a b", "Act 12", "art. 6(1)(a)", "s. 233A", "in-force", "é", "ü ß", "ITA", "https://example.org/act"}
	texts     = []string{
		"x", "a b", "a\tb",
		"yes", "no", "on", "Off", "y", "N", "~", "null", "Null", "", "true", "False",
		"0", "12", "-0", "+5", "0777", "0o17", "0x1F", "0b101", "1_000", "1__0", "1e3", "1.5", "1.", ".5", ".inf", "-.Inf", ".NaN",
		"2018-07-04", "2018-7-4", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "12:30", "1:20:30",
		"a#b", "a # b", `C:\x`, "x: y", "a:", "a:b", "-", "- a", "a-", "@x", "`x`", "%x", "!x", "&x", "*x",
		"|", ">", "'", `"`, "a'b", `a"b`, "[", "]", "{", "}", ",", "?", "? x", ":", "<<", "=",
		"http://x.org/a?b=c#d", "https://example.org/act",
	}
	ints  = []string{"0", "7", "12", "2008", "-3", "-0", "+5", "0777", "0o17", "0x1F", "1_000", "1e3", "1.0", "99999999999999999999", "~", "null", "", "x", `"12"`, "'7'"}
	bools = []string{"true", "false", "True", "FALSE", "yes", "no", "on", "Off", "y", "n", "1", "0", "~", "", `"true"`}
	dates = []string{"2018-07-04", "2020-02-29", "2018-7-4", "2018-07-04T10:00:00Z", "2001-12-14 21:59:43.10 -5", `"2018-07-04"`, "'2018-07-04'", "x", "~", "null", ""}
	// escapes are those of double-quoted YAML, some of which goccy may
	// not know.
	escapes = []string{`\n`, `\t`, `\x41`, `\u00e9`, `\U0001F600`, `\N`, `\_`, `\L`, `\P`, `\e`, `\/`, `\\`, `\"`, `\ `, `\0`, `\a`, `\b`, `\v`, `\f`, `\r`, `\'`, `\x4`, `\xZZ`, `\u12`, `\U0011FFFF`, `\9`, `\`}
)

// gen writes random YAML for a Go type, in block or flow style, with
// scalars that test the two libraries' readings, so that far more of it
// takes the fast path than byte-level fuzzing finds.
type gen struct {
	r *rand.Rand
	b strings.Builder
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) one(n int) bool { return g.r.IntN(n) == 0 }

// scalar writes s in a random style; indent is that of the key it follows.
func (g *gen) scalar(s string, indent int, flow bool) string {
	pad := strings.Repeat(" ", indent+2)
	switch g.r.IntN(24) {
	case 0:
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	case 1, 2:
		q := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
		if g.one(2) {
			q += g.pick(escapes)
		}
		if g.one(4) {
			q += "\n" + pad + g.pick(texts)
		}
		return `"` + q + `"`
	case 3:
		if !flow {
			return g.pick([]string{"|", "|-", "|+", ">", ">-", ">+", "|2", ">1"}) + "\n" + pad + s + "\n" + g.pick([]string{"", "\n"}) + pad + g.pick(texts)
		}
	case 4:
		return s + "\n" + pad + g.pick(texts)
	case 5:
		if !flow {
			return s + " # note"
		}
	}
	return s
}

// value writes a value of type t after a key at indent, or in a flow
// collection.
func (g *gen) value(t reflect.Type, indent int, flow bool) string {
	if t.Kind() == reflect.Pointer {
		if g.one(4) {
			return g.pick([]string{"null", "null", "~", "Null", ""})
		}
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		if g.one(3) {
			return g.pick(dates)
		}
		return g.pick(dates[:2])
	}
	pad := strings.Repeat(" ", indent+2)
	switch t.Kind() {
	case reflect.String:
		if g.one(5) {
			return g.scalar(g.pick(texts), indent, flow)
		}
		return g.scalar(g.pick(safeTexts), indent, flow)
	case reflect.Int:
		if g.one(3) {
			return g.pick(ints)
		}
		return g.pick(ints[:5])
	case reflect.Bool:
		if g.one(3) {
			return g.pick(bools)
		}
		return g.pick(bools[:2])
	case reflect.Slice:
		n := g.r.IntN(4)
		if flow || g.one(3) {
			var parts []string
			for range n {
				parts = append(parts, g.value(t.Elem(), indent+2, true))
			}
			return "[" + strings.Join(parts, g.pick([]string{", ", ",", ",\n" + pad})) + "]"
		}
		var b strings.Builder
		if g.one(3) && indent >= 0 {
			pad = strings.Repeat(" ", indent) // a list may stand level with its key
		}
		for range n {
			b.WriteString("\n" + pad + "- ")
			v := g.value(t.Elem(), indent+2, false)
			b.WriteString(strings.TrimPrefix(v, "\n"+pad+"  "))
		}
		if n == 0 {
			return "[]"
		}
		return b.String()
	case reflect.Map, reflect.Struct:
		var names []string
		var types []reflect.Type
		if t.Kind() == reflect.Map {
			for range g.r.IntN(4) {
				names = append(names, g.pick([]string{"k", "a", "b", "é", "0", "yes", "<<", `"q"`}))
				types = append(types, t.Elem())
			}
		} else {
			for i := range t.NumField() {
				if g.one(2) {
					f := t.Field(i)
					name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
					if name == "" {
						name = strings.ToLower(f.Name)
					}
					names = append(names, name)
					types = append(types, f.Type)
				}
			}
			if g.one(100) {
				names = append(names, "unknown")
				types = append(types, reflect.TypeFor[string]())
			}
		}
		if flow || g.one(4) {
			var parts []string
			for i, name := range names {
				parts = append(parts, name+": "+g.value(types[i], indent+2, true))
			}
			return "{" + strings.Join(parts, ", ") + "}"
		}
		if len(names) == 0 {
			return "{}"
		}
		var b strings.Builder
		for i, name := range names {
			b.WriteString("\n" + pad + name + ":")
			switch v := g.value(types[i], indent+2, false); {
			case v != "" && v[0] != '\n' && g.one(10):
				// The value on a line of its own, after a comment or not.
				b.WriteString(g.pick([]string{"", " # c"}) + "\n" + pad + "  " + v)
			case v != "" && v[0] != '\n':
				b.WriteString(" " + v)
			default:
				b.WriteString(v)
			}
		}
		return b.String()
	}
	return "x"
}

// doc returns random front matter for meta.
func (g *gen) doc() string {
	s := strings.TrimPrefix(g.value(reflect.TypeFor[meta](), -2, false), "\n")
	if strings.HasPrefix(s, "{") {
		s += "\n"
	}
	// Comments and blank lines between lines.
	lines := strings.Split(s, "\n")
	for i := len(lines) - 1; i > 0; i-- {
		if g.one(12) {
			extra := g.pick([]string{"", "# c", "  # c", "    #", "#"})
			lines = append(lines[:i], append([]string{extra}, lines[i:]...)...)
		}
	}
	s = strings.Join(lines, "\n")
	switch g.r.IntN(30) {
	case 0:
		s = strings.ReplaceAll(s, "\n", "\r\n")
	case 4:
		s = g.pick([]string{"--- # c\n", "%YAML 1.2\n--- # c\n", "%YAML 1.1\n--- # c\n"}) + s
	case 5:
		s += g.pick([]string{"\n...", "\n... # c", "\n--- x"})
	case 1:
		s = strings.Replace(s, "\n", " \n", 1)
	case 2:
		s = strings.Replace(s, ": ", ":\t", 1)
	case 3:
		s = "# comment\n" + s
	}
	return "---\n" + s + "\n---\nbody\n"
}

// generated returns n random front matters, the same on every run.
func generated(n int) []string { return generatedFrom(1, n) }

// generatedFrom returns n random front matters made from seed.
func generatedFrom(seed uint64, n int) []string {
	g := &gen{r: rand.New(rand.NewPCG(seed, 2))}
	out := make([]string, n)
	for i := range out {
		out[i] = g.doc()
	}
	return out
}

// TestFastPathGenerated compares the fast path with goccy on random front
// matter in the shape of meta.
func TestFastPathGenerated(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	fast, failed := 0, 0
	for i, src := range generated(n) {
		file, derr := Split("f.md", []byte(src))
		if derr != nil {
			t.Fatalf("document %d: %v", i, derr)
		}
		took, err := diffDecode(file, &meta{}, &meta{})
		if err != nil {
			t.Errorf("document %d:\n%s\n%v", i, src, err)
			if failed++; failed == 5 {
				t.FailNow()
			}
		}
		if took {
			fast++
		}
	}
	t.Logf("%d of %d documents took the fast path", fast, n)
	if fast < n/10 {
		t.Errorf("only %d of %d documents took the fast path: the generator no longer tests it", fast, n)
	}
}

// TestSurelyText checks the shortcut past goccy's IsNeedQuoted on the
// generator's scalars and on some near misses.
func TestSurelyText(t *testing.T) {
	for _, s := range append(append(texts, safeTexts...), "nullx", "Yesno", "NULLs", "abc: d", "abc - d", "abc -d", "abc:", "abc #d", `abc\d`, "abcdef ", "s1", "s-2", "ITA", "Off") {
		if surelyText(s) && token.IsNeedQuoted(s) {
			t.Errorf("surelyText(%q), but goccy would quote it", s)
		}
	}
	if !surelyText("in-force") || !surelyText("s1") {
		t.Error("surelyText no longer takes ordinary values")
	}
}
