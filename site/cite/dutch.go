package cite

import (
	"strconv"

	"protosite/site/akn"
)

// The references of Dutch text, as the Dutch translation of the Protocol
// writes them:
//
//	artikel 6 van dit Protocol
//	artikel 6, eerste lid, onder a, van dit Protocol
//	het tweede lid van dit artikel
//	het eerste lid, onderdelen a, b.i en c, van dit artikel
//	het eerste lid, onder de onderdelen a, b.i of c, van dit artikel
//	onderdeel b van dit lid
//
// with the modern "lid 1" beside "eerste lid". A reference "van het
// Verdrag", or of any other named instrument, cites nothing. A paragraph
// or point with no article ("het tweede lid") cites only when it says it
// is of this article or this paragraph, as the treaty always does. The
// English phrases ("art. 6(1)(a)") are read too.

// ordinals are the Dutch ordinal numbers a paragraph is named by.
var ordinals = [...]string{"eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende", "elfde", "twaalfde"}

// dutchPoint is one item of a list of points, "b.i": its span and parts.
type dutchPoint struct {
	start, end int
	parts      [2]akn.Part
	n          int
}

// dutchPhrase reads the Dutch reference at i, emits its citations and
// returns where it ends.
func (p *parser) dutchPhrase(i int) (int, bool) {
	if !boundaryBefore(p.s, i) {
		return 0, false
	}
	if e, plural, ok := dutchWord(p.s, i, "artikel", "artikelen"); ok {
		if plural {
			return p.dutchArticles(i, e)
		}
		return p.dutchArticle(i, e)
	}
	if _, _, ok := dutchWord(p.s, i, "onderdeel", "onderdelen"); ok {
		return p.dutchRelative(i, 0, "", i)
	}
	if para, e, ok := lidAt(p.s, i); ok {
		return p.dutchRelative(i, e, para, -1)
	}
	return 0, false
}

// dutchArticle reads "artikel 6[, eerste lid][, onder a]" and what it is
// of; j is where the number should start.
func (p *parser) dutchArticle(i, j int) (int, bool) {
	art, end, ok := numberAt(p.s, j)
	if !ok {
		return 0, false
	}
	var para string
	var points []dutchPoint
	if k, ok := commaAt(p.s, end); ok {
		if pa, e, ok := lidAt(p.s, k); ok {
			para, end = pa, e
			if k, ok := commaAt(p.s, end); ok {
				if pts, e, ok := pointsAt(p.s, k); ok {
					points, end = pts, e
				}
			}
		} else if pts, e, ok := pointsAt(p.s, k); ok {
			// An article of points without paragraphs: "artikel 3, onder a".
			points, end = pts, e
		}
	}
	switch dutchOfAt(p.s, end) {
	case ofOther:
		return end, true // cites another instrument: nothing to link
	case ofThisArticle, ofThisParagraph:
		return 0, false
	}
	p.emitDutch(i, end, art, para, points)
	return end, true
}

// dutchArticles reads "artikelen 15 en 16" and what they are of; j is
// where the first number should start.
func (p *parser) dutchArticles(i, j int) (int, bool) {
	mark := len(p.out)
	start, end := i, -1
	for {
		art, e, ok := numberAt(p.s, j)
		if !ok {
			break
		}
		p.emit(start, e, art, nil)
		end = e
		k, ok := listSeparatorAt(p.s, e)
		if !ok {
			break
		}
		start, j = k, k
	}
	if end < 0 {
		return 0, false
	}
	if kind := dutchOfAt(p.s, end); kind != ofNone && kind != ofProtocol {
		p.rollback(mark)
	}
	return end, true
}

// dutchRelative reads a paragraph or point of the current article:
// "tweede lid[, onderdelen b en c] van dit artikel", whose paragraph para
// ends at end, or "onderdeel b van dit lid" at pointsFrom.
func (p *parser) dutchRelative(i, end int, para string, pointsFrom int) (int, bool) {
	var points []dutchPoint
	if pointsFrom >= 0 {
		pts, e, ok := pointsAt(p.s, pointsFrom)
		if !ok {
			return 0, false
		}
		points, end = pts, e
	} else if k, ok := commaAt(p.s, end); ok {
		if pts, e, ok := pointsAt(p.s, k); ok {
			points, end = pts, e
		}
	}
	kind := dutchOfAt(p.s, end)
	switch {
	case p.ctx.Article == 0:
		return 0, false
	case kind == ofThisArticle && para != "":
	case kind == ofThisParagraph && para == "" && p.ctx.Para != "":
		para = p.ctx.Para
	default:
		return 0, false
	}
	p.emitDutch(i, end, p.ctx.Article, para, points)
	return end, true
}

// emitDutch emits a reference to article art, paragraph para ("" for
// none) and each of points: the first point's span runs from start, which
// begins the phrase; the others are spans of their own.
func (p *parser) emitDutch(start, end, art int, para string, points []dutchPoint) {
	var parts [3]akn.Part
	n := 0
	if para != "" {
		parts[0] = akn.Part{Kind: akn.Para, Num: para}
		n = 1
	}
	if len(points) == 0 {
		p.emit(start, end, art, parts[:n])
		return
	}
	for k, pt := range points {
		all := append(parts[:n:n], pt.parts[:pt.n]...)
		if k == 0 {
			p.emit(start, pt.end, art, all)
			continue
		}
		p.emit(pt.start, pt.end, art, all)
	}
}

// lidAt reads a paragraph at i, "eerste lid" or "lid 1", returning its
// number.
func lidAt(s string, i int) (para string, end int, ok bool) {
	if e, ok := foldedWordAt(s, i, "lid"); ok {
		j := skipSpace(s, e)
		if j == e {
			return "", 0, false
		}
		v, end, ok := numberAt(s, j)
		if !ok {
			return "", 0, false
		}
		return strconv.Itoa(v), end, true
	}
	for n, o := range ordinals {
		e, ok := foldedWordAt(s, i, o)
		if !ok {
			continue
		}
		j := skipSpace(s, e)
		if j == e {
			return "", 0, false
		}
		if e, ok := wordAt(s, j, "lid"); ok {
			return strconv.Itoa(n + 1), e, true
		}
		return "", 0, false
	}
	return "", 0, false
}

// pointsAt reads the points at i: "onder a", "onder de onderdelen a, b.i of
// c", "onderdeel b.ii" or "onderdelen b en c".
func pointsAt(s string, i int) ([]dutchPoint, int, bool) {
	j := i
	list := true // "onder a en b" as much as "onderdelen a en b"
	if e, ok := wordAt(s, j, "onder"); ok {
		j = skipSpace(s, e)
		if e, ok := wordAt(s, j, "de"); ok {
			k := skipSpace(s, e)
			if e, pl, ok := dutchWord(s, k, "onderdeel", "onderdelen"); ok && pl {
				j = e
			}
		}
	} else if e, pl, ok := dutchWord(s, j, "onderdeel", "onderdelen"); ok {
		j, list = e, pl
	} else {
		return nil, 0, false
	}
	var out []dutchPoint
	for {
		pt, ok := pointAt(s, j)
		if !ok {
			if len(out) == 0 {
				return nil, 0, false
			}
			break
		}
		out = append(out, pt)
		k, ok := listSeparatorAt(s, pt.end)
		if !ok || !list {
			break
		}
		j = k
	}
	return out, out[len(out)-1].end, true
}

// pointAt reads one point at i: a letter, with a nested roman point after
// a full stop, "b.i".
func pointAt(s string, i int) (dutchPoint, bool) {
	if i >= len(s) || !isLower(s[i]) || !boundaryAfter(s, i+1) {
		return dutchPoint{}, false
	}
	pt := dutchPoint{start: i, end: i + 1, n: 1}
	pt.parts[0] = akn.Part{Kind: akn.Point, Num: s[i : i+1]}
	if i+2 < len(s) && s[i+1] == '.' {
		j := i + 2
		for j < len(s) && isLower(s[j]) {
			j++
		}
		if romanValue(s[i+2:j]) > 0 && boundaryAfter(s, j) {
			pt.parts[1] = akn.Part{Kind: akn.Point, Num: s[i+2 : j]}
			pt.n, pt.end = 2, j
		}
	}
	return pt, true
}

// listSeparatorAt reads the ", ", " en " or " of " between two items of a
// list and returns where the next item starts.
func listSeparatorAt(s string, i int) (int, bool) {
	if k, ok := commaAt(s, i); ok {
		if k < len(s) && (isDigit(s[k]) || isLower(s[k]) && boundaryAfter(s, k+1)) {
			return k, true
		}
		return 0, false
	}
	j := skipSpace(s, i)
	if j == i {
		return 0, false
	}
	for _, w := range []string{"en", "of"} {
		if e, ok := wordAt(s, j, w); ok {
			if k := skipSpace(s, e); k > e {
				return k, true
			}
		}
	}
	return 0, false
}

// commaAt reads a comma and the space after it at i, returning where the
// space ends.
func commaAt(s string, i int) (int, bool) {
	if i >= len(s) || s[i] != ',' {
		return 0, false
	}
	k := skipSpace(s, i+1)
	return k, k > i+1
}

// dutchOfAt classifies what a reference ending at i says it is of: "van
// dit Protocol", "van dit artikel", "van dit lid", another instrument
// ("van het Verdrag"), or nothing.
func dutchOfAt(s string, i int) ofKind {
	j, ok := prepositionAt(s, i, "van")
	if !ok {
		return ofNone
	}
	if e, ok := wordAt(s, j, "dit"); ok {
		j = skipSpace(s, e)
		switch {
		case hasWord(s, j, "Protocol"):
			return ofProtocol
		case hasWord(s, j, "artikel"):
			return ofThisArticle
		case hasWord(s, j, "lid"):
			return ofThisParagraph
		}
		return ofNone
	}
	for _, article := range []string{"het", "de"} {
		if e, ok := wordAt(s, j, article); ok {
			k := skipSpace(s, e)
			if hasWord(s, k, "Protocol") {
				return ofProtocol
			}
			if k < len(s) && isUpper(s[k]) {
				return ofOther
			}
		}
	}
	return ofNone
}

// hasWord reports whether word is at i, as a whole word.
func hasWord(s string, i int, word string) bool {
	_, ok := wordAt(s, i, word)
	return ok
}

// foldedWordAt reads word at i as a whole word, its first letter in either
// case; word must be lower case.
func foldedWordAt(s string, i int, word string) (int, bool) {
	if !foldedPrefixAt(s, i, word) || !boundaryAfter(s, i+len(word)) {
		return 0, false
	}
	return i + len(word), true
}

// dutchWord reads word, or its plural, at i and the space after it, its
// first letter in either case; it returns where the space ends.
func dutchWord(s string, i int, word, plural string) (end int, isPlural, ok bool) {
	e, ok := foldedWordAt(s, i, plural)
	if ok {
		isPlural = true
	} else if e, ok = foldedWordAt(s, i, word); !ok {
		return 0, false, false
	}
	end = skipSpace(s, e)
	if end == e {
		return 0, false, false
	}
	return end, isPlural, true
}
