package search

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

// frequencies must give what bleve's TokenFrequency gives, for fields
// with term vectors and without, while the analyser's buffers are reused
// from field to field.
func TestFrequenciesAsBleve(t *testing.T) {
	m, err := newMapping("en")
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalyser(m)
	texts := []string{
		"",
		"smuggling",
		"a a a a b b c a",
		"The smuggling of migrants by land, sea and air; smuggling of migrants.",
		"Each State Party shall adopt such legislative and other measures as may be necessary to establish as criminal offences, when committed intentionally and in order to obtain, directly or indirectly, a financial or other material benefit: (a) The smuggling of migrants; (b) When committed for the purpose of enabling the smuggling of migrants: (i) Producing a fraudulent travel or identity document.",
		strings.Repeat("migrant vessel sea ", 200),
	}
	for _, opts := range []index.FieldIndexingOptions{
		index.IndexField | index.IncludeTermVectors,
		index.IndexField,
		index.IndexField | index.IncludeTermVectors | index.SkipFreqNorm,
	} {
		for _, text := range texts {
			want := analysis.TokenFrequency(a.tokens([]byte(text)), []uint64{2}, opts)
			got := a.frequencies(a.tokens([]byte(text)), []uint64{2}, opts)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("options %v, %.40q:\n got %s\nwant %s", opts, text, describeFreqs(got), describeFreqs(want))
			}
		}
	}
	for _, o := range a.owners[:cap(a.owners)] {
		if o != nil {
			t.Fatal("the scratch space still holds a term of the last field")
		}
	}
}

// describeFreqs lists each term with its frequency and positions.
func describeFreqs(f index.TokenFrequencies) string {
	var b strings.Builder
	for _, term := range slices.Sorted(maps.Keys(f)) {
		tf := f[term]
		fmt.Fprintf(&b, "%s×%d", term, tf.Frequency())
		for _, l := range tf.Locations {
			fmt.Fprintf(&b, " %d@%d-%d", l.Position, l.Start, l.End)
		}
		b.WriteString("; ")
	}
	return b.String()
}
