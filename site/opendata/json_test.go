package opendata

import (
	"bytes"
	"os"
	"testing"

	"protosite/site/content"
)

// TestListIsEncodedAsWhole checks that a list written an item at a time
// is the bytes encodeJSON writes of the whole list.
func TestListIsEncodedAsWhole(t *testing.T) {
	year := 2004
	laws := []Law{
		{ID: "a", Country: "NLD", Title: `Wet <b>"smokkel"</b> & co`, Year: &year, Provisions: []LawProvision{
			{ID: "s1", Label: "s. 1", Implements: []string{"art. 6(1)(a)"}, Summary: "Línea\nnueva\ttab \u2028"},
			{ID: "s2", Label: "s. 2", Implements: []string{}},
		}},
		{ID: "b", Provisions: []LawProvision{}},
		{ID: "c"},
	}
	check := func(name string, got, want []byte, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: an item at a time gives\n%s\nthe whole list\n%s", name, got, want)
		}
	}
	for _, tc := range []struct {
		name  string
		items []Law
	}{
		{"nil", nil},
		{"empty", []Law{}},
		{"one", laws[:1]},
		{"several", laws},
	} {
		got, err := encodeJSONList(tc.items)
		want, werr := encodeJSON(tc.items)
		if werr != nil {
			t.Fatal(werr)
		}
		check(tc.name, got, want, err)
	}
	nested := [][]int{{1, 2}, {}, nil, {3}}
	got, err := encodeJSONList(nested)
	want, _ := encodeJSON(nested)
	check("lists of lists", got, want, err)

	s, lerr := content.Load(os.DirFS("../../content"))
	if lerr != nil {
		t.Fatal(lerr)
	}
	real := legislation(s)
	if len(real) == 0 {
		t.Fatal("the content has no laws")
	}
	got, err = encodeJSONList(real)
	want, _ = encodeJSON(real)
	check("the content's laws", got, want, err)
	gotC, err := encodeJSONList(countries(s))
	wantC, _ := encodeJSON(countries(s))
	check("the content's countries", gotC, wantC, err)
}
