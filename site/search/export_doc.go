package search

import (
	"fmt"

	"protosite/site/output"
)

// pieceBytes is about how much of a document's text one file holds. A hit
// needs its title and the text around its first match; a long text is cut
// into pieces so that a hit loads only the pieces its snippet shows.
const pieceBytes = 512

// docFile is a document's file: what a hit shows and, for a short text,
// the text; a longer text is in pieces of their own.
type docFile struct {
	URL    string   `json:"u"`
	Title  string   `json:"t"`
	Kind   string   `json:"k"`
	Length int      `json:"n"`           // the text's length in bytes
	Text   *string  `json:"x,omitempty"` // the text, if in one piece
	Tokens string   `json:"o,omitempty"` // its tokens (encodeTokens)
	Pieces [][2]int `json:"p,omitempty"` // else per piece its first position and its first byte
}

// pieceFile is a piece of a document's text.
type pieceFile struct {
	Text   string `json:"x"`
	Tokens string `json:"o"`
}

// docFiles writes a file per document, "d<n>", and one per piece of a
// longer text, "d<n>-<k>". The files share one hash, of all of them, so
// that the manifest need not list a name per document.
func (c *corpus) docFiles() ([]output.File, string, error) {
	var g group
	for i, d := range c.docs {
		cuts := cutText(d)
		f := docFile{URL: d.url, Title: d.title, Kind: d.kind, Length: len(d.text)}
		for k := range cuts {
			start, end := cuts[k], len(d.text)
			if k+1 < len(cuts) {
				end = cuts[k+1]
			}
			var toks []tokenLoc
			for _, t := range d.tokens {
				if t.start >= start && t.start < end {
					toks = append(toks, t)
				}
			}
			first := 1
			if k > 0 {
				first = toks[0].pos
			}
			enc, err := encodeTokens(d.id, toks, first-1, start)
			if err != nil {
				return nil, "", err
			}
			text := d.text[start:end]
			if len(cuts) == 1 {
				f.Text, f.Tokens = &text, enc
				break
			}
			f.Pieces = append(f.Pieces, [2]int{first, start})
			if err := g.add(fmt.Sprintf("d%d-%d", i, k), pieceFile{Text: text, Tokens: enc}); err != nil {
				return nil, "", err
			}
		}
		if err := g.add(fmt.Sprintf("d%d", i), f); err != nil {
			return nil, "", err
		}
	}
	files, h := g.files()
	return files, h, nil
}

// cutText returns where the pieces of a document's text begin: each at the
// start of the first token past the previous piece's budget, so that no
// token straddles two pieces and every piece after the first has a token.
func cutText(d *exportDoc) []int {
	cuts := []int{0}
	for _, t := range d.tokens {
		if t.start >= cuts[len(cuts)-1]+pieceBytes {
			cuts = append(cuts, t.start)
		}
	}
	return cuts
}

// encodeTokens writes where tokens are, for snippets. Per token: its
// length in bytes, its gap in bytes from the previous token's end (after
// start) and its gap in positions from the previous one (after prev),
// packed into one varint as length×16 + min(gap, 3)×4 + min(positions−1,
// 3), each capped part followed by the rest in a varint of its own. A word
// of up to seven letters after a space takes one byte.
func encodeTokens(id string, toks []tokenLoc, prev, start int) (string, error) {
	var v varints
	end := start
	for _, t := range toks {
		step, gap := t.pos-prev-1, t.start-end
		if step < 0 || gap < 0 {
			return "", fmt.Errorf("%s: tokens overlap at position %d", id, t.pos)
		}
		v.put((t.end-t.start)*16 + min(gap, 3)*4 + min(step, 3))
		if gap >= 3 {
			v.put(gap - 3)
		}
		if step >= 3 {
			v.put(step - 3)
		}
		prev, end = t.pos, t.end
	}
	return v.String(), nil
}
