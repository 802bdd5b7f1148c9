// Package cite finds references to provisions of the Protocol in prose, such
// as "article 6, paragraph 1 (a)" or "paragraph 2 of this article", and names
// each with the akn.ID of the provision so that it can be linked.
//
// It reads the text with a hand-written scanner rather than regular
// expressions: it runs over every paragraph of the site, most of which cite
// nothing, and then it allocates nothing. It never checks that a cited
// provision exists; that is reported later, with the position it returns.
package cite

import "protosite/site/akn"

// Context tells Parse what "this article" and "this paragraph" mean; its zero value means text outside the treaty.
type Context struct {
	Article int    // the article the text is in, 0 outside an article
	Para    string // the numbered paragraph the text is in, "" when none
	Lang    string // the language of the text: "nl" reads Dutch references besides English ones
}

// Citation is one reference found in text.
type Citation struct {
	Start, End int    // byte span of the text to link; Start == End for a reference only implied (the inside of a range such as "arts. 8-12")
	Ref        akn.ID // what is cited
}

// Parse returns the citations of the Protocol in text, ordered by Start, with non-overlapping spans.
func Parse(text string, ctx Context) []Citation {
	p := parser{s: text, ctx: ctx.usable()}
	if ctx.Lang == "nl" {
		p.parseDutch()
	} else {
		p.parseEnglish()
	}
	if len(p.out) == 0 {
		return nil // every phrase was rolled back
	}
	return p.out
}

// parseEnglish reads English references.
func (p *parser) parseEnglish() {
	for i := 0; i < len(p.s); i++ {
		switch p.s[i] {
		case 'a', 'A', 'p', 'P', 's', 'S':
			if end, ok := p.phrase(i); ok {
				i = end - 1
			}
		}
	}
}

// parseDutch reads Dutch and English references from every word of the
// text.
func (p *parser) parseDutch() {
	for i := 0; i < len(p.s); i++ {
		if !isLower(p.s[i] | 0x20) {
			continue
		}
		end, ok := p.dutchPhrase(i)
		if !ok {
			end, ok = p.phrase(i)
		}
		if ok {
			i = end - 1
		}
	}
}

// usable clears what in ctx cannot name a provision, so that a bad context
// yields no relative citations instead of identifiers that do not parse.
func (c Context) usable() Context {
	if c.Article <= 0 {
		return Context{Lang: c.Lang}
	}
	if len(c.Para) > 8 {
		c.Para = ""
	}
	for i := 0; i < len(c.Para); i++ {
		if !isDigit(c.Para[i]) && !isLower(c.Para[i]|0x20) {
			c.Para = ""
			break
		}
	}
	return c
}

// parser holds the state of one call to Parse.
type parser struct {
	s     string
	ctx   Context
	out   []Citation
	arena []akn.Part // backs the Parts of every Ref, so that many citations share one allocation
}

// phrase reads the citation phrase whose keyword starts at i, emits its
// citations and returns where it ends.
func (p *parser) phrase(i int) (int, bool) {
	// The keyword test comes before the boundary test: it is as cheap and
	// fails far more often.
	switch p.s[i] | 0x20 {
	case 'a':
		if foldedPrefixAt(p.s, i, "art") && boundaryBefore(p.s, i) {
			return p.articlePhrase(i)
		}
	case 'p':
		if foldedPrefixAt(p.s, i, "paragraph") && boundaryBefore(p.s, i) {
			return p.paragraphPhrase(i)
		}
	case 's':
		if foldedPrefixAt(p.s, i, "subparagraph") && boundaryBefore(p.s, i) {
			return p.subparagraphPhrase(i)
		}
	}
	return 0, false
}

// emit appends a citation of article (0 when the phrase has yet to name it)
// and parts below it.
func (p *parser) emit(start, end, article int, parts []akn.Part) {
	ref := akn.ID{Article: article}
	if len(parts) > 0 {
		if p.arena == nil {
			p.arena = make([]akn.Part, 0, 16)
		}
		off := len(p.arena)
		p.arena = append(p.arena, parts...)
		// The capacity limit keeps a caller's append to one Ref from
		// overwriting the next one's parts.
		ref.Parts = p.arena[off:len(p.arena):len(p.arena)]
	}
	if p.out == nil {
		p.out = make([]Citation, 0, 4)
	}
	p.out = append(p.out, Citation{Start: start, End: end, Ref: ref})
}

// rollback drops the citations emitted since mark, when the end of a phrase
// shows that it does not cite the Protocol.
func (p *parser) rollback(mark int) {
	p.out = p.out[:mark]
}
