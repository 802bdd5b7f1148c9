package cite

// The "of ..." phrase after a reference says whose provision it is: "of this
// Protocol" and its other names, another instrument ("of the Convention",
// "of the Criminal Code"), or the current article or paragraph.

// ofKind is what an "of" phrase after a reference says it belongs to.
type ofKind int

const (
	ofNone          ofKind = iota // no "of" phrase, or one naming no instrument ("of the text")
	ofProtocol                    // this Protocol, under any of its names
	ofOther                       // another instrument, whose articles are never returned
	ofThisArticle                 // "of this article", "of the present article"
	ofThisParagraph               // "of this paragraph", "of the present paragraph"
	ofArticle                     // "of article 6": the position returned is that of "article"
	ofParagraph                   // "of paragraph 1": the position returned is that of "paragraph"
)

// ofPhraseAt classifies the "of" phrase at i, which may follow a comma, and
// returns where the words it classified end.
func ofPhraseAt(s string, i int) (ofKind, int) {
	j, ok := prepositionAt(s, i, "of")
	if !ok {
		return ofNone, i
	}
	if _, _, ok := articleKeyword(s, j); ok {
		return ofArticle, j
	}
	if _, _, ok := keyword(s, j, "paragraph"); ok {
		return ofParagraph, j
	}
	this := false
	if e, ok := wordAt(s, j, "this"); ok {
		this, j = true, skipSpace(s, e)
	} else if e, ok := wordAt(s, j, "the"); ok {
		j = skipSpace(s, e)
		if e, ok := wordAt(s, j, "present"); ok {
			this, j = true, skipSpace(s, e)
		}
	} else {
		return ofNone, i
	}
	if this {
		if e, ok := wordAt(s, j, "article"); ok {
			return ofThisArticle, e
		}
		if e, ok := wordAt(s, j, "paragraph"); ok {
			return ofThisParagraph, e
		}
	}
	return instrument(s, j), j
}

// prepositionAt reads, at the end i of a reference, the preposition word
// ("of", "van") that may follow it after a comma, with the space before
// and after it; it returns where the next word starts.
func prepositionAt(s string, i int, word string) (int, bool) {
	j := i
	if j < len(s) && s[j] == ',' {
		j++
	}
	k := skipSpace(s, j)
	if k == j {
		return 0, false
	}
	e, ok := wordAt(s, k, word)
	if !ok {
		return 0, false
	}
	j = skipSpace(s, e)
	return j, j > e
}

// instrument classifies the name at i, after "of the" or "of this": the
// Protocol ("Protocol", "Smuggling of Migrants Protocol"), another
// instrument (any other capitalised name), or no name at all.
func instrument(s string, i int) ofKind {
	names, smuggling := 0, false
	for range maxNameWords {
		w := wordText(s, i)
		switch {
		case w == "":
			return nameEnd(names)
		case w == "Protocol":
			switch {
			case smuggling:
				return ofProtocol
			case names > 0: // "the Firearms Protocol", "the Optional Protocol"
				return ofOther
			}
			return bareProtocol(s, skipSpace(s, i+len(w)))
		case w == "Smuggling" || w == "Migrants" || w == "Migrant":
			smuggling = true
			names++
		case isUpper(w[0]):
			names++
		case isDigit(w[0]): // a year, as in "the 2000 Convention"
		case names > 0 && isConnector(w):
		default:
			return nameEnd(names)
		}
		next := skipSpace(s, i+len(w))
		if next == i+len(w) {
			return nameEnd(names)
		}
		i = next
	}
	return nameEnd(names)
}

// nameEnd classifies a name that ended without mentioning a protocol.
func nameEnd(names int) ofKind {
	if names > 0 {
		return ofOther
	}
	return ofNone
}

// isConnector reports whether w is a small word inside a name, as in
// "Trafficking in Persons Protocol".
func isConnector(w string) bool {
	switch w {
	case "of", "in", "and", "against", "on", "for", "the", "by", "to":
		return true
	}
	return false
}

// bareProtocol classifies "the Protocol" by the words at i after it: it is
// this Protocol unless they go on to name another one, as "the Protocol
// against the Illicit Manufacturing of ... Firearms" or "the Protocol to
// Prevent ... Trafficking" do.
func bareProtocol(s string, i int) ofKind {
	if e, ok := wordAt(s, i, "against"); ok {
		j := skipSpace(s, e)
		if e, ok := wordAt(s, j, "the"); ok {
			j = skipSpace(s, e)
		}
		if _, ok := wordAt(s, j, "Smuggling"); ok {
			return ofProtocol
		}
		return ofOther
	}
	if e, ok := wordAt(s, i, "to"); ok {
		if j := skipSpace(s, e); j < len(s) && isUpper(s[j]) {
			return ofOther
		}
	}
	return ofProtocol
}
