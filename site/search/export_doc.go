package search

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"protosite/site/output"
)

// pieceBytes is about how much of a document's text one file holds. A hit
// needs its title and the text around its first match; a long text is cut
// into pieces so that a hit loads only the pieces its snippet shows.
const pieceBytes = 768

// docFile is a document's file: what a hit shows, and the first piece of
// its text.
type docFile struct {
	URL    string   `json:"u"`
	Title  string   `json:"t"`
	Kind   string   `json:"k"`
	Length int      `json:"n"`           // the text's length in bytes
	Text   string   `json:"x"`           // the first piece of the text
	Tokens string   `json:"o"`           // its tokens (encodeTokens)
	Pieces [][2]int `json:"p,omitempty"` // per further piece, its first position and its first byte
}

// pieceFile is a further piece of a document's text.
type pieceFile struct {
	Text   string `json:"x"`
	Tokens string `json:"o"`
}

// docFiles writes a file per document, "d<n>", and one per further piece
// of its text, "d<n>-<k>". The files share one hash, of all of them, so
// that the manifest need not list a name per document.
func (c *corpus) docFiles() ([]output.File, string, error) {
	type named struct {
		name string
		data []byte
	}
	var all []named
	sum := sha256.New()
	add := func(name string, v any) error {
		data, err := script(name, v)
		if err != nil {
			return err
		}
		all = append(all, named{name, data})
		sum.Write(data)
		return nil
	}
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
			prev := 0
			if k > 0 && len(toks) > 0 {
				prev = toks[0].pos - 1
				f.Pieces = append(f.Pieces, [2]int{toks[0].pos, start})
			}
			enc, err := encodeTokens(d.id, toks, prev, start)
			if err != nil {
				return nil, "", err
			}
			if k == 0 {
				f.Text, f.Tokens = d.text[start:end], enc
				continue
			}
			if err := add(fmt.Sprintf("d%d-%d", i, k), pieceFile{Text: d.text[start:end], Tokens: enc}); err != nil {
				return nil, "", err
			}
		}
		if err := add(fmt.Sprintf("d%d", i), f); err != nil {
			return nil, "", err
		}
	}
	h := hex.EncodeToString(sum.Sum(nil)[:5])
	files := make([]output.File, len(all))
	for i, n := range all {
		files[i] = output.File{Path: fmt.Sprintf("%s/%s.%s.js", ExportDir, n.name, h), Data: n.data}
	}
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

// encodeTokens writes where tokens are, for snippets: per token the gap
// from the previous position (after prev) and the gap in bytes from the
// previous token's end (after start), packed into one varint as gap×4 +
// min(position gap−1, 3), with the rest of a longer position gap in a
// varint of its own; then the token's length in bytes. Most tokens take
// two bytes.
func encodeTokens(id string, toks []tokenLoc, prev, start int) (string, error) {
	var v varints
	end := start
	for _, t := range toks {
		step := t.pos - prev
		if step < 1 || t.start < end {
			return "", fmt.Errorf("%s: tokens overlap at position %d", id, t.pos)
		}
		v.put((t.start-end)*4 + min(step-1, 3))
		if step-1 >= 3 {
			v.put(step - 4)
		}
		v.put(t.end - t.start)
		prev, end = t.pos, t.end
	}
	return v.String(), nil
}
