package cite

import "protosite/site/akn"

// The three phrases a citation can start with: "article(s)", "paragraph(s)"
// and "subparagraph(s)". A phrase emits its items as it reads them, and
// rolls them back when its end shows it does not cite the Protocol or does
// not say which article it is in.

// articlePhrase reads "article 6(1)(b)", "articles 15 and 16", "arts. 8-12"
// or "article 6, paragraph 1 (a)" at i.
func (p *parser) articlePhrase(i int) (int, bool) {
	j, plural, ok := articleKeyword(p.s, i)
	if !ok {
		return 0, false
	}
	first, ok := p.numberItem(i, j, articleForm, 0)
	if !ok {
		return 0, false
	}
	mark := len(p.out)
	end := -1
	if !plural && first.n == 0 {
		end = p.paragraphTail(i, &first)
	}
	if end < 0 {
		end = p.list(first, articleForm, plural).end
	}
	if kind, _ := ofPhraseAt(p.s, end); kind == ofOther {
		p.rollback(mark)
		return 0, false
	}
	return end, true
}

// paragraphTail reads the ", paragraph 1 (a)" of "article 6, paragraph 1
// (a)" after art, whose span it joins; it returns -1 when there is none.
func (p *parser) paragraphTail(start int, art *path) int {
	if art.end >= len(p.s) || p.s[art.end] != ',' {
		return -1
	}
	j, plural, ok := keyword(p.s, skipSpace(p.s, art.end+1), "paragraph")
	if !ok {
		return -1
	}
	first, ok := p.numberItem(start, j, paragraphForm, art.article)
	if !ok {
		return -1
	}
	if !plural && first.n == first.fixed {
		p.subparagraphTail(&first)
	}
	return p.list(first, paragraphForm, plural).end
}

// subparagraphTail reads into para the ", subparagraph (b)" of "article 6,
// paragraph 1, subparagraph (b)".
func (p *parser) subparagraphTail(para *path) {
	if para.end >= len(p.s) || p.s[para.end] != ',' {
		return
	}
	j, _, ok := keyword(p.s, skipSpace(p.s, para.end+1), "subparagraph")
	if !ok {
		return
	}
	if end := p.parens(para, j); para.n > para.fixed {
		para.end = end
	}
}

// paragraphPhrase reads "paragraph 1 (a), (b) (i) or (c) of this article" or
// "paragraphs 1 and 2 of article 6" at i.
func (p *parser) paragraphPhrase(i int) (int, bool) {
	j, plural, ok := keyword(p.s, i, "paragraph")
	if !ok {
		return 0, false
	}
	first, ok := p.numberItem(i, j, paragraphForm, 0)
	if !ok {
		return 0, false
	}
	mark := len(p.out)
	end := p.list(first, paragraphForm, plural).end
	items := len(p.out)
	article, end, ok := p.whichArticle(end)
	if !ok {
		p.rollback(mark)
		return 0, false
	}
	for k := mark; k < items; k++ {
		p.out[k].Ref.Article = article
	}
	return end, true
}

// subparagraphPhrase reads "subparagraph (b) of this paragraph" or
// "subparagraphs (a) and (b) of paragraph 1 of this article" at i.
func (p *parser) subparagraphPhrase(i int) (int, bool) {
	j, plural, ok := keyword(p.s, i, "subparagraph")
	if !ok {
		return 0, false
	}
	first, ok := p.pointItem(i, j)
	if !ok {
		return 0, false
	}
	mark := len(p.out)
	end := p.list(first, pointForm, plural).end
	items := len(p.out)
	article, para, end, ok := p.whichParagraph(end)
	if !ok {
		p.rollback(mark)
		return 0, false
	}
	for k := mark; k < items; k++ {
		ref := &p.out[k].Ref
		ref.Article = article
		if para == "" {
			ref.Parts = ref.Parts[1:] // a point directly under the article, as in article 3
		} else {
			ref.Parts[0].Num = para
		}
	}
	return end, true
}

// whichArticle reads the "of this article" or "of article 6" that must end a
// paragraph phrase, emitting a citation of the latter.
func (p *parser) whichArticle(i int) (article, end int, ok bool) {
	kind, j := ofPhraseAt(p.s, i)
	switch {
	case kind == ofThisArticle && p.ctx.Article != 0:
		return p.ctx.Article, j, true
	case kind == ofArticle:
		return p.articleRef(j)
	}
	return 0, 0, false
}

// whichParagraph reads the "of this paragraph", "of paragraph 1 of this
// article", "of this article" or "of article 3" that must end a subparagraph
// phrase; para is "" when the points are directly under the article.
func (p *parser) whichParagraph(i int) (article int, para string, end int, ok bool) {
	kind, j := ofPhraseAt(p.s, i)
	switch {
	case kind == ofThisParagraph && p.ctx.Article != 0 && p.ctx.Para != "":
		return p.ctx.Article, p.ctx.Para, j, true
	case kind == ofThisArticle && p.ctx.Article != 0:
		return p.ctx.Article, "", j, true
	case kind == ofArticle:
		article, end, ok = p.articleRef(j)
		return article, "", end, ok
	case kind == ofParagraph:
		return p.paragraphRef(j)
	}
	return 0, "", 0, false
}

// paragraphRef reads and emits the "paragraph 1 of this article" that ends
// "subparagraph (b) of paragraph 1 of this article".
func (p *parser) paragraphRef(i int) (article int, para string, end int, ok bool) {
	j, plural, ok := keyword(p.s, i, "paragraph")
	if !ok || plural {
		return 0, "", 0, false
	}
	_, e, ok := numberAt(p.s, j)
	if !ok {
		return 0, "", 0, false
	}
	para = p.s[j:e]
	mark := len(p.out)
	p.emit(i, e, 0, []akn.Part{{Kind: akn.Para, Num: para}})
	article, end, ok = p.whichArticle(e)
	if !ok {
		p.rollback(mark)
		return 0, "", 0, false
	}
	p.out[mark].Ref.Article = article
	return article, para, end, true
}

// articleRef reads and emits the "article 6" that ends "paragraph 1 of
// article 6", unless it is an article of another instrument.
func (p *parser) articleRef(i int) (article, end int, ok bool) {
	j, plural, ok := articleKeyword(p.s, i)
	if !ok || plural {
		return 0, 0, false
	}
	n, e, ok := numberAt(p.s, j)
	if !ok {
		return 0, 0, false
	}
	if kind, _ := ofPhraseAt(p.s, e); kind == ofOther {
		return 0, 0, false
	}
	p.emit(i, e, n, nil)
	return n, e, true
}
