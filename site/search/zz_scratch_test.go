package search

import (
	"fmt"
	"testing"
)

func TestZZScratch(t *testing.T) {
	for _, q := range []string{`"unterminated`, "+", "a:", "kind:", "^2", "a^x", "a~x", "/", "smug*", "/x/", "  "} {
		r := Request{Query: q}
		err := r.validate()
		if err == nil {
			_, err = r.buildQuery()
		}
		fmt.Printf("%q: %v\n", q, err)
	}
}
