package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

// frequencies is what analysis.TokenFrequency makes of a field's tokens,
// made in a few allocations a field rather than a few a term: the
// analysis of a large corpus is most of what a build allocates, and the
// collector's work grows with every object.
func (a *analyser) frequencies(tokens analysis.TokenStream, arrayPositions []uint64, options index.FieldIndexingOptions) index.TokenFrequencies {
	if !options.IncludeTermVectors() || options.SkipFreqNorm() {
		return analysis.TokenFrequency(tokens, arrayPositions, options)
	}
	freqs := make(index.TokenFrequencies, len(tokens)/2+1)
	locations := make([]index.TokenLocation, len(tokens))
	owners := a.owners[:0]
	var block []index.TokenFreq // where new terms' TokenFreqs go
	for i, t := range tokens {
		locations[i] = index.TokenLocation{ArrayPositions: arrayPositions, Start: t.Start, End: t.End, Position: t.Position}
		tf := freqs[string(t.Term)]
		if tf == nil {
			if len(block) == cap(block) {
				// Blocks grow as the field's terms do, and none is
				// larger than the tokens left.
				block = make([]index.TokenFreq, 0, min(len(tokens)-i, max(8, 2*cap(block)), 256))
			}
			block = append(block, index.TokenFreq{Term: t.Term})
			tf = &block[len(block)-1]
			freqs[a.term(t.Term)] = tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
		owners = append(owners, tf)
	}
	// Each term's locations are a run of one slice, in the order of its
	// tokens, as TokenFrequency appends them.
	runs := make([]*index.TokenLocation, len(tokens))
	next := 0
	for i, tf := range owners {
		if tf.Locations == nil {
			n := tf.Frequency()
			tf.Locations = runs[next : next : next+n]
			next += n
		}
		tf.Locations = append(tf.Locations, &locations[i])
	}
	clear(owners) // the scratch space holds no field's terms
	a.owners = owners
	return freqs
}

// term returns the term as a string, the same string for the same term
// throughout the analyser's documents.
func (a *analyser) term(b []byte) string {
	t, ok := a.terms[string(b)]
	if !ok {
		t = string(b)
		a.terms[t] = t
	}
	return t
}
