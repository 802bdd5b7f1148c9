package cite

import "testing"

// TestParseInNonLatinText checks citations written in the Latin form inside
// Arabic, Chinese and Russian text. Chinese runs words together and Arabic
// attaches some words to the next, so a letter of another script next to
// a citation is a word boundary: only a Latin letter or a digit continues a
// Latin word.
func TestParseInNonLatinText(t *testing.T) {
	tests := []struct {
		name, text string
		ctx        Context
		want       []wantCite
	}{
		{"arabic spaced", "انظر art. 6(1)(a) من البروتوكول.", outside, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}}},
		{"arabic attached before", "وفقاًلـart. 6(1)(a) من البروتوكول", outside, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}}},
		{"arabic attached after", "انظر art. 6(1)(a)، وart. 3(c)(ii).", outside, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}, {"art. 3(c)(ii)", "art_3__point_c__point_ii"}}},
		{"arabic number then letter", "المادةarticle 6من", outside, []wantCite{{"article 6", "art_6"}}},
		{"chinese", "参见art. 6(1)(a)的规定。", outside, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}}},
		{"chinese number then letter", "第article 18条规定", outside, []wantCite{{"article 18", "art_18"}}},
		{"chinese fullwidth brackets", "（art. 6(1)(a)）", outside, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}}},
		{"chinese ideographic comma", "art. 8、art. 9", outside, []wantCite{{"art. 8", "art_8"}, {"art. 9", "art_9"}}},
		{"chinese relative", "见paragraph 2 of this article所述", inArt6, []wantCite{{"paragraph 2", "art_6__para_2"}}},
		{"russian", "см. art. 6(1)(a) Протокола", outside, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}}},
		{"cyrillic attached", "статьяart. 6", outside, []wantCite{{"art. 6", "art_6"}}},
		{"latin letter still joins", "partart. 6", outside, nil},
		{"accented latin still joins", "éarticle 6", outside, nil},
		{"latin suffix still joins", "article 6bis", outside, nil},
		{"digit still joins", "article 6٦", outside, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(tc.text, tc.ctx)
			if len(got) != len(tc.want) {
				t.Fatalf("Parse(%q) = %s, want %d citations", tc.text, show(tc.text, got), len(tc.want))
			}
			for i, w := range tc.want {
				c := got[i]
				if c.Ref.String() != w.ref || tc.text[c.Start:c.End] != w.span {
					t.Errorf("citation %d: %q %s, want %q %s", i, tc.text[c.Start:c.End], c.Ref, w.span, w.ref)
				}
			}
		})
	}
}

// TestWordRunes pins which runes continue a Latin word.
func TestWordRunes(t *testing.T) {
	for r, want := range map[rune]bool{
		'a': true, 'Z': true, '7': true, '_': true, 'é': true, 'ß': true, '٦': true, '\u0301': true,
		'.': false, ' ': false, 'ب': false, '规': false, 'ж': false, 'α': false, '、': false, '（': false, '\u00a0': false,
	} {
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}
