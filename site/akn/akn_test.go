package akn

import "testing"

func TestStringLabelParse(t *testing.T) {
	tests := []struct {
		id    ID
		str   string
		label string
	}{
		{Article(6), "art_6", "art. 6"},
		{Article(6).Child(Para, "1"), "art_6__para_1", "art. 6(1)"},
		{Article(6).Child(Para, "1").Child(Point, "b").Child(Point, "i"), "art_6__para_1__point_b__point_i", "art. 6(1)(b)(i)"},
		{Article(3).Child(Point, "c"), "art_3__point_c", "art. 3(c)"},
		{Preamble().Child(Recital, "3"), "preamble__recital_3", "preamble, recital 3"},
		{Preamble(), "preamble", "preamble"},
	}
	for _, tt := range tests {
		if got := tt.id.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
		if got := tt.id.Label(); got != tt.label {
			t.Errorf("Label() = %q, want %q", got, tt.label)
		}
		back, err := Parse(tt.str)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.str, err)
			continue
		}
		if back.String() != tt.str {
			t.Errorf("Parse(%q).String() = %q", tt.str, back.String())
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{"", "art_", "art_x", "art_0", "chapter_1", "art_6__para", "art_6__clause_1", "art_6__para_"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) succeeded, want error", s)
		}
	}
}

func TestContainsAndParent(t *testing.T) {
	p := Article(6).Child(Para, "1")
	pt := p.Child(Point, "a")
	if !p.Contains(pt) || !Article(6).Contains(pt) || pt.Contains(p) || Article(7).Contains(pt) {
		t.Error("Contains is wrong")
	}
	if pt.Parent().String() != p.String() || pt.Top().String() != "art_6" {
		t.Error("Parent or Top is wrong")
	}
	if pt.Para() != "1" || Article(3).Child(Point, "a").Para() != "" {
		t.Error("Para is wrong")
	}
}
