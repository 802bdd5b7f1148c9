package search

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"protosite/site/output"
)

// A hit needs its title and the text around its first match. Documents
// are written in chunks of a fixed number of consecutive documents, so
// that a large corpus is not a file per document: the number is the
// fewest that keeps to docChunks chunks, one for a corpus of up to that
// many documents, so that a hit loads little beyond its own document. A
// text longer than splitBytes is cut into pieces of about pieceBytes, each
// a file of its own, so that a hit loads only the pieces its snippet
// shows.
const (
	docChunks  = 10000
	splitBytes = 2048
	pieceBytes = 512
)

// docExport is a document as the export writes it: its record in its
// chunk, and the pieces of a long text, "x<n>-<k>" in order of k.
type docExport struct {
	record []byte
	pieces [][]byte
}

// docFiles writes the documents in chunks, "d<c>", and the pieces of
// long texts, "x<n>-<k>". The files share one hash, of all of them, so
// that the manifest need not list a name per file. It returns the files,
// their hash and the number of documents per chunk.
func (c *corpus) docFiles() ([]output.File, string, int) {
	perChunk := max(1, (len(c.docs)+docChunks-1)/docChunks)
	var g group
	for start := 0; start < len(c.docs); start += perChunk {
		var w jsonWriter
		w.raw("[")
		for n := start; n < min(len(c.docs), start+perChunk); n++ {
			if n > start {
				w.raw(",")
			}
			d := c.docs[n]
			for k, piece := range d.pieces {
				g.addScript(c.named("x"+strconv.Itoa(n)+"-"+strconv.Itoa(k)), piece)
			}
			w = append(w, d.record...)
		}
		w.raw("]")
		name := c.named("d" + strconv.Itoa(start/perChunk))
		g.addScript(name, wrap(name, w))
	}
	files, h := g.files()
	return files, h, perChunk
}

// exportDoc is what the export writes of a document.
type exportDoc struct {
	id, url, title, kind, text string
	tokens                     []tokenLoc // the text field's tokens, by position
}

// tokenLoc is a token of the text field: where it is and its term.
type tokenLoc struct {
	pos, start, end int
	term            string
}

// export makes document n's export record, and gathers the words between
// its tokens, which the analyzer dropped. Its tokens are let go of.
func (p *part) export(lang string, n int, d Doc, a *analysedDoc) error {
	doc := &exportDoc{id: d.ID, url: d.URL, title: d.Title, kind: d.Kind, text: d.Text, tokens: a.tokens}
	if d.Heading != "" {
		// Results show the heading; the title is what is searched.
		doc.title = d.Heading
	}
	var err error
	a.export, err = docRecord(lang, n, doc)
	if err != nil {
		return err
	}
	p.addDropped(doc)
	a.tokens = nil
	return nil
}

// docRecord writes a document's record for its chunk: its URL, title,
// kind, the text's length in bytes and either the text with its tokens
// (encodePiece) or, per piece, its first position and first byte, each
// piece a script of its own.
func docRecord(lang string, n int, d *exportDoc) (docExport, error) {
	var out docExport
	var w jsonWriter
	w.raw(`{"u":`)
	w.str(d.url)
	w.raw(`,"t":`)
	w.str(d.title)
	w.raw(`,"k":`)
	w.str(d.kind)
	w.raw(`,"n":`)
	w.int(len(d.text))
	cuts := cutText(d)
	for k := range cuts {
		start, end := cuts[k], len(d.text)
		if k+1 < len(cuts) {
			end = cuts[k+1]
		}
		from, to := 0, len(d.tokens)
		if len(cuts) > 1 {
			from, _ = slices.BinarySearchFunc(d.tokens, start, func(t tokenLoc, at int) int { return t.start - at })
			to, _ = slices.BinarySearchFunc(d.tokens, end, func(t tokenLoc, at int) int { return t.start - at })
		}
		toks := d.tokens[from:to]
		first := 1
		if k > 0 {
			first = toks[0].pos
		}
		var piece jsonWriter
		if err := encodePiece(&piece, d, toks, first-1, start, end); err != nil {
			return docExport{}, err
		}
		if len(cuts) == 1 {
			w.raw(",")
			w = append(w, piece[1:len(piece)-1]...) // the piece's fields, inline
			break
		}
		if k == 0 {
			w.raw(`,"p":[`)
		} else {
			w.raw(",")
		}
		w.raw("[")
		w.int(first)
		w.raw(",")
		w.int(start)
		w.raw("]")
		out.pieces = append(out.pieces, wrap(lang+"/x"+strconv.Itoa(n)+"-"+strconv.Itoa(k), piece))
	}
	if len(cuts) > 1 {
		w.raw("]")
	}
	w.raw("}")
	out.record = w
	return out, nil
}

// cutText returns where the pieces of a document's text begin: a text of
// up to splitBytes is one piece; a longer one is cut at the start of the
// first token past each piece's budget that begins after every token
// before it ends, so that no token straddles two pieces (tokens overlap
// in a run of ideographs) and every piece after the first has a token.
func cutText(d *exportDoc) []int {
	cuts := []int{0}
	if len(d.text) <= splitBytes {
		return cuts
	}
	end := 0
	for _, t := range d.tokens {
		if t.start >= cuts[len(cuts)-1]+pieceBytes && t.start >= end {
			cuts = append(cuts, t.start)
		}
		end = max(end, t.end)
	}
	return cuts
}

// encodePiece writes a piece of text as a JSON object: the text "x", its
// tokens "o" and the terms the tokens' codes cannot say "w". Per token,
// "o" holds its length in bytes times four plus its step from the last
// position (3 for 3 and more, the rest following), then its gap in bytes
// from the end of the last token times eight (3 for 3 and more, the rest
// following; 4 for a token that begins inside the last one, how far back
// following) plus how its term follows from its text (termCut; 7 for the
// number of a term in "w", following).
func encodePiece(w *jsonWriter, d *exportDoc, toks []tokenLoc, prev, start, end int) error {
	var v vlq
	var explicit []string
	at := map[string]int{}
	last := start
	for _, t := range toks {
		step, gap := t.pos-prev-1, t.start-last
		if step < 0 || t.start < start {
			return fmt.Errorf("%s: tokens out of order at position %d", d.id, t.pos)
		}
		cut := termCut(d.text[t.start:t.end], t.term)
		if cut < 0 || cut > 6 {
			cut = 7 // the term follows in "w"
		}
		v.put((t.end-t.start)*4 + min(step, 3))
		if step >= 3 {
			v.put(step - 3)
		}
		switch {
		case gap < 0:
			// The token begins inside the last one, as the pairs of
			// ideographs of bleve's CJK analyzer do: 4, and how far back.
			v.put(4*8 + cut)
			v.put(-gap)
		case gap >= 3:
			v.put(3*8 + cut)
			v.put(gap - 3)
		default:
			v.put(gap*8 + cut)
		}
		if cut == 7 {
			i, ok := at[t.term]
			if !ok {
				i = len(explicit)
				at[t.term] = i
				explicit = append(explicit, t.term)
			}
			v.put(i)
		}
		prev, last = t.pos, t.end
	}
	w.raw(`{"x":`)
	w.str(d.text[start:end])
	w.raw(`,"o":`)
	w.str(v.String())
	if len(explicit) > 0 {
		w.raw(`,"w":[`)
		for i, t := range explicit {
			if i > 0 {
				w.raw(",")
			}
			w.str(t)
		}
		w.raw("]")
	}
	w.raw("}")
	return nil
}

// termCut says how a token's term follows from its surface word: the
// number of characters to cut from the end of the word in lower case, or
// -1 when the term is not such a prefix or the word is not ASCII, whose
// lower case JavaScript and Go might not agree on.
func termCut(surface, term string) int {
	for i := 0; i < len(surface); i++ {
		if surface[i] >= 0x80 {
			return -1
		}
	}
	lower := strings.ToLower(surface)
	if !strings.HasPrefix(lower, term) {
		return -1
	}
	return len(lower) - len(term)
}
