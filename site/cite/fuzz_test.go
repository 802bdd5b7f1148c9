package cite

import (
	"testing"

	"protosite/site/akn"
)

func FuzzParse(f *testing.F) {
	for _, tc := range append(parseCases, dutchCases...) {
		f.Add(tc.text, tc.ctx.Article, tc.ctx.Para, tc.ctx.Lang == "nl")
	}
	f.Fuzz(func(t *testing.T, text string, article int, para string, dutch bool) {
		ctx := Context{Article: article, Para: para}
		if dutch {
			ctx.Lang = "nl"
		}
		got := Parse(text, ctx)
		linkedEnd := 0
		for i, c := range got {
			if c.Start < 0 || c.Start > c.End || c.End > len(text) {
				t.Fatalf("citation %d: span [%d,%d) outside text of %d bytes", i, c.Start, c.End, len(text))
			}
			if i > 0 && c.Start < got[i-1].Start {
				t.Fatalf("citation %d starts at %d, before citation %d at %d", i, c.Start, i-1, got[i-1].Start)
			}
			if c.Start < c.End {
				if c.Start < linkedEnd {
					t.Fatalf("citation %d: span [%d,%d) overlaps a span ending at %d", i, c.Start, c.End, linkedEnd)
				}
				linkedEnd = c.End
			}
			if c.Ref.IsZero() {
				t.Fatalf("citation %d: zero Ref", i)
			}
			s := c.Ref.String()
			back, err := akn.Parse(s)
			if err != nil {
				t.Fatalf("citation %d: %q does not parse: %v", i, s, err)
			}
			if back.String() != s {
				t.Fatalf("citation %d: %q round-trips to %q", i, s, back)
			}
		}
	})
}
