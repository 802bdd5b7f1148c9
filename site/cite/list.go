package cite

import (
	"strconv"

	"protosite/site/akn"
)

// The items of a citation phrase: "6(1)(b)" or "15" after "article(s)", "1
// (a)" after "paragraph(s)", "(b) (i)" after "subparagraph(s)", and the lists
// and ranges that join them.

// maxParts is the deepest a reference goes below an article: paragraph,
// point and nested point.
const maxParts = 3

// form is what the number or first part of an item is.
type form int

const (
	articleForm   form = iota // "6(1)": an article number, then its parts
	paragraphForm             // "1 (a)": a paragraph number, then its points
	pointForm                 // "(b) (i)": a point of a paragraph named after the list
)

// path is one item being read: its span and the provision it names.
type path struct {
	start, end int
	article    int // the article, 0 until the phrase names it
	num        int // the number the item starts with, for ranges
	parts      [maxParts]akn.Part
	n          int // parts in use
	// fixed counts the leading parts that the phrase gives rather than the
	// parentheses, such as the paragraph of "paragraph 1 (a)"; a sibling
	// such as "(b)" keeps them. A pointForm item holds a placeholder
	// paragraph here until the phrase says which paragraph it is in.
	fixed int
}

func (pt *path) add(k akn.Kind, num string) bool {
	if pt.n == maxParts {
		return false
	}
	pt.parts[pt.n] = akn.Part{Kind: k, Num: num}
	pt.n++
	return true
}

// nested reports whether pt ends in a point nested in a point, as "(b)(i)" does.
func (pt *path) nested() bool {
	return pt.n >= 2 && pt.parts[pt.n-1].Kind == akn.Point && pt.parts[pt.n-2].Kind == akn.Point
}

// next returns what a parenthesised part of kind would be after pt: a
// paragraph only right after the article number, a point after that or after
// a paragraph, and after a lettered point only a roman nested point.
func (pt *path) next(kind tokenKind) (akn.Kind, bool) {
	switch {
	case pt.n == 0:
		if kind == tokDigits {
			return akn.Para, true
		}
		return akn.Point, true
	case pt.parts[pt.n-1].Kind == akn.Para:
		return akn.Point, kind != tokDigits
	case pt.nested():
		return "", false
	}
	return akn.Point, kind == tokRoman
}

// levelOf returns the index of the part of pt that a sibling starting with
// a part of kind replaces, or -1. "(ii)" after "(b)(i)" replaces the nested
// point; a letter replaces the first point; digits replace the paragraph.
func (pt *path) levelOf(kind tokenKind) int {
	if kind == tokRoman && pt.n-1 >= pt.fixed && pt.nested() {
		return pt.n - 1
	}
	for k := pt.fixed; k < pt.n; k++ {
		switch {
		case pt.parts[k].Kind == akn.Para && kind == tokDigits:
			return k
		case pt.parts[k].Kind == akn.Point:
			if kind == tokDigits {
				return -1
			}
			return k
		}
	}
	return -1
}

// parens reads the parenthesised parts after an item, such as "(1)(b)" or
// " (b) (i)", into pt and returns where they end.
func (p *parser) parens(pt *path, i int) int {
	for {
		tok, kind, end, ok := parenAt(p.s, skipHSpace(p.s, i))
		if !ok {
			return i
		}
		k, ok := pt.next(kind)
		if !ok || !pt.add(k, tok) {
			return i
		}
		i = end
	}
}

// numberItem reads an item that starts with a number at i: an article
// ("6(1)") or a paragraph of article ("1 (a)"). Its span starts at start.
func (p *parser) numberItem(start, i int, f form, article int) (path, bool) {
	n, end, ok := numberAt(p.s, i)
	if !ok {
		return path{}, false
	}
	pt := path{start: start, article: article, num: n}
	if f == articleForm {
		pt.article = n
	} else {
		pt.add(akn.Para, p.s[i:end])
		pt.fixed = 1
	}
	pt.end = p.parens(&pt, end)
	return pt, true
}

// pointItem reads an item of parenthesised points at i, such as "(b) (i)".
func (p *parser) pointItem(start, i int) (path, bool) {
	pt := path{start: start, fixed: 1}
	pt.add(akn.Para, "")
	pt.end = p.parens(&pt, i)
	return pt, pt.n > pt.fixed
}

// sibling reads an item such as "(b) (i)" in "paragraph 1 (a), (b) (i)",
// which keeps the parts of prev above its own level.
func (p *parser) sibling(prev *path, i int) (path, bool) {
	_, kind, _, ok := parenAt(p.s, i)
	if !ok {
		return path{}, false
	}
	k := prev.levelOf(kind)
	if k < 0 {
		return path{}, false
	}
	pt := *prev
	pt.n, pt.start = k, i
	pt.end = p.parens(&pt, i)
	return pt, pt.n > k
}

// list emits first and the items joined to it, and returns the last. Any
// list may go on with siblings in parentheses; plural lists may also go on
// with numbers ("articles 15 and 16").
func (p *parser) list(first path, f form, plural bool) path {
	p.emitPath(&first)
	prev := first
	for {
		if at, i, ok := rangeAt(p.s, prev.end); ok {
			if next, ok := p.nextItem(&prev, i, f, plural); ok {
				p.between(&prev, &next, at)
				p.emitPath(&next)
				prev = next
				continue
			}
		}
		if i, ok := separatorAt(p.s, prev.end); ok {
			if next, ok := p.nextItem(&prev, i, f, plural); ok {
				p.emitPath(&next)
				prev = next
				continue
			}
		}
		return prev
	}
}

// nextItem reads the item after a separator or range dash at i.
func (p *parser) nextItem(prev *path, i int, f form, plural bool) (path, bool) {
	if i < len(p.s) && p.s[i] == '(' {
		return p.sibling(prev, i)
	}
	if plural && f != pointForm {
		return p.numberItem(i, i, f, prev.article)
	}
	return path{}, false
}

func (p *parser) emitPath(pt *path) {
	p.emit(pt.start, pt.end, pt.article, pt.parts[:pt.n])
}

// between emits, as empty spans at the dash, the references that a range
// implies without writing: article 9 in "arts. 8-10", point (b) in
// "(a)–(c)". A reversed or too wide range implies nothing.
func (p *parser) between(lo, hi *path, at int) {
	if lo.n == lo.fixed && hi.n == hi.fixed {
		if hi.num <= lo.num || hi.num-lo.num+1 > maxRange {
			return
		}
		for v := lo.num + 1; v < hi.num; v++ {
			mid := *lo
			if lo.fixed == 0 {
				mid.article = v
			} else {
				mid.parts[0].Num = strconv.Itoa(v)
			}
			mid.start, mid.end = at, at
			p.emitPath(&mid)
		}
		return
	}
	last := lo.n - 1
	if lo.n != hi.n || lo.n == lo.fixed || lo.parts[last].Kind != hi.parts[last].Kind {
		return
	}
	for k := range last {
		if lo.parts[k] != hi.parts[k] {
			return
		}
	}
	from, to := lo.ordinal(), hi.ordinal()
	if from == 0 || to <= from || to-from+1 > maxRange {
		return
	}
	for v := from + 1; v < to; v++ {
		mid := *lo
		mid.parts[last].Num = lo.numeral(v)
		mid.start, mid.end = at, at
		p.emitPath(&mid)
	}
}

// ordinal returns the position of pt's last part in its numbering: 3 for
// paragraph "3", for point "c" or for a nested point "iii"; 0 when it has
// none (point "aa").
func (pt *path) ordinal() int {
	num := pt.parts[pt.n-1].Num
	switch {
	case pt.parts[pt.n-1].Kind == akn.Para:
		v, err := strconv.Atoi(num)
		if err != nil {
			return 0
		}
		return v
	case pt.nested():
		return romanValue(num)
	case len(num) == 1 && isLower(num[0]):
		return int(num[0]-'a') + 1
	}
	return 0
}

// numeral is the inverse of ordinal, for a part at the level of pt's last.
func (pt *path) numeral(v int) string {
	switch {
	case pt.parts[pt.n-1].Kind == akn.Para:
		return strconv.Itoa(v)
	case pt.nested():
		return romanText(v)
	}
	const letters = "abcdefghijklmnopqrstuvwxyz"
	return letters[v-1 : v]
}
