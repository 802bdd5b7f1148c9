package search

import (
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"
)

// Explanation is how a hit's score was reached: a value, what it is, and
// the values it was reckoned from. It is bleve's, for tuning the ranking
// (protosite search -explain).
type Explanation struct {
	Value    float64        `json:"value"`              // the part of the score
	Message  string         `json:"message"`            // what it is, in bleve's words
	Children []*Explanation `json:"children,omitempty"` // what it was reckoned from
}

// explanation copies bleve's reckoning of a score, taken when the match
// was scored (see collector.handler).
func explanation(e *bsearch.Explanation) *Explanation {
	out := &Explanation{Value: e.Value, Message: withoutInternalID(e.Message)}
	for _, c := range e.Children {
		if c != nil {
			out.Children = append(out.Children, explanation(c))
		}
	}
	return out
}

// withoutInternalID drops what bleve writes of the document in a term's
// weight, "weight(text:smuggl^1.000000 in <id>), product of:": the id is
// the index's internal one, eight bytes of binary, which would garble a
// terminal and means nothing to a reader.
func withoutInternalID(msg string) string {
	if !strings.HasPrefix(msg, "weight(") && !strings.HasPrefix(msg, "fieldWeight(") {
		return msg
	}
	in, end := strings.Index(msg, " in "), strings.LastIndex(msg, "), ")
	if in < 0 || end < in {
		return msg
	}
	return msg[:in] + msg[end:]
}
