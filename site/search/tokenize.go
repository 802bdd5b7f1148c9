package search

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// latinTokens splits text into words as bleve's unicode tokenizer does, by
// Unicode's word boundaries (UAX #29, as github.com/blevesearch/segment
// implements them), many times faster: the tokenizer runs a state machine
// made for all of Unicode over every byte. It takes text in ASCII with
// the typographic punctuation English text uses (see punctuation), and
// reports false for any other, for the tokenizer to split.
// FuzzLatinTokens checks that the two agree.
//
// In such text a word is a run of letters, digits and underscores, in
// which a colon, full stop, apostrophe or middle dot joins two letters,
// and a comma, semicolon, full stop or apostrophe joins two digits. A
// word with a digit but no letter is a number.
func latinTokens(input []byte) (analysis.TokenStream, bool) {
	var b tokenBuffer
	return b.latinTokens(input)
}

// tokenBuffer holds one field's tokens at a time, so that a goroutine that
// analyses many documents reuses their memory: what is kept of a field's
// analysis holds its terms, never its tokens.
type tokenBuffer struct {
	words  []analysis.Token
	stream analysis.TokenStream
}

// latinTokens is the package's latinTokens, its tokens good until the next
// call.
func (b *tokenBuffer) latinTokens(input []byte) (analysis.TokenStream, bool) {
	// English averages some six bytes a word with the space after it.
	words := b.words[:0]
	if n := len(input)/6 + 1; cap(words) < n {
		words = make([]analysis.Token, 0, n)
	}
	for i := 0; i < len(input); {
		c, size := classify(input, i)
		switch c {
		case unknown:
			return nil, false
		case letter, digit, connector:
		default:
			i += size
			continue
		}
		start, hasLetter, hasDigit := i, false, false
	word:
		for i < len(input) {
			c, size := classify(input, i)
			switch c {
			case unknown:
				return nil, false
			case letter:
				hasLetter = true
			case digit:
				hasDigit = true
			case connector:
			case midLetter, midNum, midBoth:
				// What comes before is the word's last character, an
				// ASCII letter, digit or underscore: a joiner is only
				// taken with the letter or digit after it.
				prev, _ := classify(input, i-1)
				next, _ := classify(input, i+size)
				if !(prev == letter && next == letter && c != midNum || prev == digit && next == digit && c != midLetter) {
					break word
				}
			default:
				break word
			}
			i += size
		}
		typ := analysis.AlphaNumeric
		if !hasLetter && hasDigit {
			typ = analysis.Numeric
		}
		words = append(words, analysis.Token{Term: input[start:i], Start: start, End: i, Position: len(words) + 1, Type: typ})
	}
	b.words = words
	tokens := b.stream[:0]
	for i := range words {
		tokens = append(tokens, &words[i])
	}
	b.stream = tokens
	return tokens, true
}

// class is what a character is to word boundaries.
type class int

const (
	other     class = iota // ends a word
	letter                 // ALetter
	digit                  // Numeric
	connector              // ExtendNumLet: the underscore
	midLetter              // MidLetter: joins two letters
	midNum                 // MidNum: joins two digits
	midBoth                // MidNumLet and Single_Quote: joins two letters or two digits
	unknown                // a character latinTokens leaves to bleve
)

// punctuation are the characters beyond ASCII that latinTokens knows:
// typographic quotation marks, dashes and spaces, which end a word, and
// the right single quotation mark used as an apostrophe and the middle
// dot, which join letters.
var punctuation = map[rune]class{
	'\u00a0': other, '\u00a7': other, '\u00ab': other, '\u00bb': other,
	'\u2013': other, '\u2014': other, '\u201c': other, '\u201d': other, '\u2026': other,
	'\u2018': midBoth, '\u2019': midBoth, '\u00b7': midLetter,
}

// classify returns the class of the character at byte i of s, out of
// range being other, and its length in bytes.
func classify(s []byte, i int) (class, int) {
	if i < 0 || i >= len(s) {
		return other, 1
	}
	c := s[i]
	switch {
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRune(s[i:])
		if k, ok := punctuation[r]; ok {
			return k, size
		}
		return unknown, size
	case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		return letter, 1
	case '0' <= c && c <= '9':
		return digit, 1
	case c == '_':
		return connector, 1
	case c == ':':
		return midLetter, 1
	case c == ',' || c == ';':
		return midNum, 1
	case c == '.' || c == '\'':
		return midBoth, 1
	}
	return other, 1
}
