package provision

import (
	"github.com/yuin/goldmark/parser"

	"protosite/site/akn"
)

// Context keys are allocated once, like goldmark's own, and never reassigned;
// the values live in each parse's parser.Context.
var (
	rootKey     = parser.NewContextKey()
	problemsKey = parser.NewContextKey()
)

// Problem is a fault in the numbering of an article, found while parsing.
type Problem struct {
	Offset int    // byte offset of the offending marker or paragraph in the source
	Msg    string // what is wrong, in a sentence without a trailing period
}

// SetRoot sets the article or preamble whose provisions pc will parse; unset, they stay unnamed.
func SetRoot(pc parser.Context, root akn.ID) { pc.Set(rootKey, root) }

// root returns the identifier set with SetRoot, or the zero ID.
func root(pc parser.Context) akn.ID {
	id, _ := pc.Get(rootKey).(akn.ID)
	return id
}

// Problems returns the numbering faults found while parsing with pc, in document order.
func Problems(pc parser.Context) []Problem {
	ps, _ := pc.Get(problemsKey).([]Problem)
	return ps
}

func addProblems(pc parser.Context, ps []Problem) {
	if len(ps) > 0 {
		pc.Set(problemsKey, append(Problems(pc), ps...))
	}
}
