// Package akn names the provisions of the Protocol with the Akoma Ntoso
// identifiers adopted by the United Nations (AKN4UN), such as
// art_6__para_1__point_b__point_i.
//
// An identifier depends only on the numbering of a provision, never on its
// title or wording, so links to it stay valid when text around it changes.
package akn

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind is the kind of one component of an identifier.
type Kind string

// The component kinds used in the Protocol.
const (
	Para    Kind = "para"    // a numbered paragraph: "1."
	Point   Kind = "point"   // a lettered or roman subparagraph: "(a)", "(i)"
	Recital Kind = "recital" // a preambular clause
	Formula Kind = "formula" // the preamble's opening or closing words
)

// Part is one level below the article or preamble: a paragraph, point,
// recital or formula with its number as written ("1", "b", "iii").
type Part struct {
	Kind Kind   // what the level is
	Num  string // its number as written, without punctuation
}

// ID identifies the preamble, an article, or a provision inside either.
// The zero ID identifies nothing.
type ID struct {
	Preamble bool   // the preamble rather than an article
	Article  int    // the article number, when Preamble is false
	Parts    []Part // the path below the article or preamble, outermost first
}

// Article returns the identifier of article n.
func Article(n int) ID { return ID{Article: n} }

// Preamble returns the identifier of the preamble.
func Preamble() ID { return ID{Preamble: true} }

// IsZero reports whether id identifies nothing.
func (id ID) IsZero() bool { return !id.Preamble && id.Article == 0 }

// Child returns the identifier of a part directly below id.
func (id ID) Child(k Kind, num string) ID {
	parts := make([]Part, len(id.Parts), len(id.Parts)+1)
	copy(parts, id.Parts)
	return ID{Preamble: id.Preamble, Article: id.Article, Parts: append(parts, Part{k, num})}
}

// Parent returns the identifier one level up; an article or the preamble is
// its own parent.
func (id ID) Parent() ID {
	if len(id.Parts) == 0 {
		return id
	}
	return ID{Preamble: id.Preamble, Article: id.Article, Parts: id.Parts[:len(id.Parts)-1]}
}

// Top returns the article or preamble that contains id.
func (id ID) Top() ID { return ID{Preamble: id.Preamble, Article: id.Article} }

// Para returns the paragraph number of id, or "" when it has none.
func (id ID) Para() string {
	if len(id.Parts) > 0 && id.Parts[0].Kind == Para {
		return id.Parts[0].Num
	}
	return ""
}

// String returns the AKN4UN form, for example "art_6__para_1__point_a".
func (id ID) String() string {
	if id.IsZero() {
		return ""
	}
	var b strings.Builder
	if id.Preamble {
		b.WriteString("preamble")
	} else {
		b.WriteString("art_")
		b.WriteString(strconv.Itoa(id.Article))
	}
	for _, p := range id.Parts {
		b.WriteString("__")
		b.WriteString(string(p.Kind))
		b.WriteByte('_')
		b.WriteString(p.Num)
	}
	return b.String()
}

// Label returns the short citation used in text, for example
// "art. 6(1)(b)(i)" or "preamble, recital 3".
func (id ID) Label() string {
	if id.IsZero() {
		return ""
	}
	var b strings.Builder
	if id.Preamble {
		b.WriteString("preamble")
		for _, p := range id.Parts {
			fmt.Fprintf(&b, ", %s %s", p.Kind, p.Num)
		}
		return b.String()
	}
	fmt.Fprintf(&b, "art. %d", id.Article)
	for _, p := range id.Parts {
		fmt.Fprintf(&b, "(%s)", p.Num)
	}
	return b.String()
}

// Contains reports whether other is id itself or lies inside it.
func (id ID) Contains(other ID) bool {
	if id.Preamble != other.Preamble || id.Article != other.Article || len(other.Parts) < len(id.Parts) {
		return false
	}
	for i, p := range id.Parts {
		if other.Parts[i] != p {
			return false
		}
	}
	return true
}

// Parse reads the AKN4UN form produced by String.
func Parse(s string) (ID, error) {
	segs := strings.Split(s, "__")
	var id ID
	switch head := segs[0]; {
	case head == "preamble":
		id.Preamble = true
	case strings.HasPrefix(head, "art_"):
		n, err := strconv.Atoi(head[len("art_"):])
		if err != nil || n <= 0 {
			return ID{}, fmt.Errorf("akn: bad article in %q", s)
		}
		id.Article = n
	default:
		return ID{}, fmt.Errorf("akn: %q does not start with art_N or preamble", s)
	}
	for _, seg := range segs[1:] {
		kind, num, ok := strings.Cut(seg, "_")
		if !ok || num == "" {
			return ID{}, fmt.Errorf("akn: bad component %q in %q", seg, s)
		}
		switch k := Kind(kind); k {
		case Para, Point, Recital, Formula:
			id.Parts = append(id.Parts, Part{k, num})
		default:
			return ID{}, fmt.Errorf("akn: unknown component kind %q in %q", kind, s)
		}
	}
	return id, nil
}
