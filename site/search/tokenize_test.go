package search

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// sameTokens reports how latinTokens and bleve's unicode tokenizer differ
// on text, "" when they agree or latinTokens leaves text, which is not
// ASCII, to the tokenizer.
func sameTokens(text string) string {
	got, ok := latinTokens([]byte(text))
	want := unicode.NewUnicodeTokenizer().Tokenize([]byte(text))
	if !ok {
		for i := 0; i < len(text); i++ {
			if text[i] >= 0x80 {
				return ""
			}
		}
		return "refused ASCII text"
	}
	show := func(ts analysis.TokenStream) string {
		var b strings.Builder
		for _, t := range ts {
			fmt.Fprintf(&b, "%q@%d-%d#%d:%d ", t.Term, t.Start, t.End, t.Position, t.Type)
		}
		return b.String()
	}
	if g, w := show(got), show(want); g != w {
		return fmt.Sprintf("got  %s\nwant %s", g, w)
	}
	return ""
}

var tokenCases = []string{
	"", " ", "a", "_", "__", "_a", "a_", "_1_", "a_1", "1_a", "art. 6(1)(a)", "kind:legislation", "a:b:c", "a::b",
	"don't", "'a'", "a''b", "3.5", "3,5", "3;5", "1,000,000.50", "1.a", "a.1", "a.b.", "a..b", "e.g.", "U.N.",
	"a_.b", "1_,2", "12ab", "ab12", "x1.5y", "1a.b", "travel-document", "state's", "a\r\nb", "a\tb\v\fc",
	"@#$%^&*", "a-b_c.d'e:f,g;h", "\x00a\x7fb", "1:2", "a;b", "a,b", "_._", "1'2", "a'1", "1'a",
	"States’ obligations", "a’b", "1’000", "a‘b", "’a", "a’", "a’’b", "a’1", "“quoted”", "a–b", "a—b", "x…y",
	"§ 5", "a\u00a0b", "l·l", "1·2", "a··b", "«a»", "a\xffb", "a\xe2\x80", "é", "Côte d’Ivoire",
}

func TestLatinTokensMatchBleve(t *testing.T) {
	for _, text := range tokenCases {
		if d := sameTokens(text); d != "" {
			t.Errorf("%q:\n%s", text, d)
		}
	}
	if _, ok := latinTokens([]byte("Côte d’Ivoire")); ok {
		t.Error("text with a letter beyond ASCII was split, want it left to bleve")
	}
	// The real content's text, line by line.
	n, taken := 0, 0
	err := fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile("../../content/" + p)
		for _, line := range strings.Split(string(src), "\n") {
			if d := sameTokens(line); d != "" {
				t.Errorf("%s: %q:\n%s", p, line, d)
			}
			if _, ok := latinTokens([]byte(line)); ok {
				taken++
			}
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 1000 || taken < n*9/10 {
		t.Errorf("compared %d lines of content, %d of them split by latinTokens: want the whole content, most of it split", n, taken)
	}
	t.Logf("%d lines of content, %d split by latinTokens", n, taken)
}

func FuzzLatinTokens(f *testing.F) {
	for _, text := range tokenCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if d := sameTokens(text); d != "" {
			t.Errorf("%q:\n%s", text, d)
		}
	})
}

// BenchmarkTokenize splits the text of article 6 with latinTokens and with
// bleve's unicode tokenizer.
func BenchmarkTokenize(b *testing.B) {
	src, err := os.ReadFile("../../content/protocol/article-06.md")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("latin", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, ok := latinTokens(src); !ok {
				b.Fatal("article 6 was left to bleve")
			}
		}
	})
	b.Run("bleve", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		tok := unicode.NewUnicodeTokenizer()
		for b.Loop() {
			tok.Tokenize(src)
		}
	})
}
