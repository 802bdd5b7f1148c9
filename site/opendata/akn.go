package opendata

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/plaintext"
)

// AKNNamespace is the namespace of Akoma Ntoso 3.0.
const AKNNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

// adoption is how the treaty was adopted, as a page of the site states it.
type adoption struct {
	symbol string    // "A/RES/55/25"
	date   time.Time // 15 November 2000
	annex  string    // "III", or ""
}

// adoptionPattern finds the resolution that adopted the treaty in the
// prose of a page, such as "General Assembly resolution A/RES/55/25 of 15
// November 2000 (annex III)" on the about page.
var adoptionPattern = regexp.MustCompile(`General Assembly resolution (A/RES/\d+/\d+) of (\d{1,2} [A-Z][a-z]+ \d{4})(?: \(annex ([IVXL]+)\))?`)

// findAdoption reads the adoption from the site's pages; ok is false when
// no page states it.
func findAdoption(s *content.Site) (a adoption, ok bool) {
	for _, d := range s.Pages {
		m := adoptionPattern.FindStringSubmatch(plaintext.Of(d.AST, d.File.Body))
		if m == nil {
			continue
		}
		t, err := time.Parse("2 January 2006", m[2])
		if err != nil {
			continue
		}
		return adoption{symbol: m[1], date: t, annex: m[3]}, true
	}
	return adoption{}, false
}

// workURI is the FRBR work URI, "/akn/un/act/2000-11-15/a-res-55-25-annex-iii",
// from the adoption alone; "/akn/un/act/protocol" when no page states it.
func (a adoption) workURI(known bool) string {
	if !known {
		return "/akn/un/act/protocol"
	}
	num := strings.ToLower(strings.ReplaceAll(a.symbol, "/", "-"))
	if a.annex != "" {
		num += "-annex-" + strings.ToLower(a.annex)
	}
	return "/akn/un/act/" + a.date.Format(time.DateOnly) + "/" + num
}

// xmlWriter writes an indented XML document, keeping the first error.
type xmlWriter struct {
	buf bytes.Buffer
	enc *xml.Encoder
	err error
}

// newXMLWriter starts a document with the XML declaration.
func newXMLWriter() *xmlWriter {
	w := &xmlWriter{}
	w.buf.WriteString(xml.Header)
	w.enc = xml.NewEncoder(&w.buf)
	w.enc.Indent("", "  ")
	return w
}

// bytes ends the document and returns it, or the first error.
func (w *xmlWriter) bytes() ([]byte, error) {
	if w.err == nil {
		w.err = w.enc.Close()
	}
	if w.err != nil {
		return nil, w.err
	}
	w.buf.WriteByte('\n')
	return w.buf.Bytes(), nil
}

func (w *xmlWriter) token(t xml.Token) {
	if w.err == nil {
		w.err = w.enc.EncodeToken(t)
	}
}

// start opens element name with attributes given as name, value pairs;
// pairs with an empty value are left out.
func (w *xmlWriter) start(name string, attrs ...string) {
	el := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] != "" {
			el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
		}
	}
	w.token(el)
}

func (w *xmlWriter) end(name string) { w.token(xml.EndElement{Name: xml.Name{Local: name}}) }

// leaf writes an element holding only text, or no content when text is "".
func (w *xmlWriter) leaf(name, text string, attrs ...string) {
	w.start(name, attrs...)
	if text != "" {
		w.token(xml.CharData(text))
	}
	w.end(name)
}

// paras writes one <p> a paragraph inside wrapper (such as "content"), or
// nothing when wrapper is "" and there is no text.
func (w *xmlWriter) paras(wrapper string, paras []string) {
	if wrapper != "" {
		w.start(wrapper)
		if len(paras) == 0 {
			w.leaf("p", "") // content requires a block
		}
	}
	for _, p := range paras {
		w.leaf("p", p)
	}
	if wrapper != "" {
		w.end(wrapper)
	}
}

// encodeAKN writes the treaty as an Akoma Ntoso 3.0 act whose eIds are the
// ids of the site's HTML.
func encodeAKN(s *content.Site, p *Protocol) ([]byte, error) {
	w := newXMLWriter()
	w.start("akomaNtoso", "xmlns", AKNNamespace)
	w.start("act", "name", "protocol")
	writeMeta(w, s)
	w.start("preface")
	w.start("longTitle")
	w.start("p")
	w.leaf("docTitle", p.Title)
	w.end("p")
	w.end("longTitle")
	w.end("preface")
	var body []Part
	for _, pt := range p.Parts {
		switch pt.Type {
		case string(content.KindPreamble):
			writePreamble(w, pt)
		case string(content.KindArticle):
			body = append(body, pt)
		}
	}
	writeBody(w, body)
	for _, pt := range p.Parts {
		if pt.Type == string(content.KindTestimonium) {
			w.start("conclusions")
			w.start("container", "name", "testimonium")
			w.paras("", pt.paras)
			w.end("container")
			w.end("conclusions")
		}
	}
	w.end("act")
	w.end("akomaNtoso")
	return w.bytes()
}

// writeMeta writes the FRBR identification, derived only from the adoption
// a page of the site states and the site's language.
func writeMeta(w *xmlWriter, s *content.Site) {
	a, known := findAdoption(s)
	work := a.workURI(known)
	lang := "eng"
	if tag, err := language.Parse(s.Config.Language); err == nil {
		if base, _ := tag.Base(); base.ISO3() != "" {
			lang = base.ISO3()
		}
	}
	expr := work + "/" + lang + "@"
	// Dates and the General Assembly as author come only from a page that
	// states the adoption.
	date := func() {
		if known {
			w.leaf("FRBRdate", "", "date", a.date.Format(time.DateOnly), "name", "adoption")
		}
	}
	adopted := func() {
		date()
		if known {
			w.leaf("FRBRauthor", "", "href", "#generalAssembly")
		}
	}
	w.start("meta")
	w.start("identification", "source", "#protosite")
	w.start("FRBRWork")
	w.leaf("FRBRthis", "", "value", work+"/!main")
	w.leaf("FRBRuri", "", "value", work)
	adopted()
	w.leaf("FRBRcountry", "", "value", "un")
	if known {
		w.leaf("FRBRnumber", "", "value", a.symbol)
	}
	w.end("FRBRWork")
	w.start("FRBRExpression")
	w.leaf("FRBRthis", "", "value", expr+"/!main")
	w.leaf("FRBRuri", "", "value", expr)
	adopted()
	w.leaf("FRBRlanguage", "", "language", lang)
	w.end("FRBRExpression")
	w.start("FRBRManifestation")
	w.leaf("FRBRthis", "", "value", expr+"/!main.xml")
	w.leaf("FRBRuri", "", "value", expr+".akn")
	date()
	w.leaf("FRBRauthor", "", "href", "#protosite")
	w.end("FRBRManifestation")
	w.end("identification")
	w.start("references", "source", "#protosite")
	if known {
		w.leaf("TLCOrganization", "", "eId", "generalAssembly", "href", "/ontology/organization/un/generalAssembly", "showAs", "General Assembly")
	}
	w.leaf("TLCOrganization", "", "eId", "protosite", "href", "/ontology/organization/protosite", "showAs", s.Config.Title)
	w.end("references")
	w.end("meta")
}

// writePreamble writes the preamble's formulas and recitals, consecutive
// recitals grouped in <recitals>.
func writePreamble(w *xmlWriter, pt Part) {
	w.start("preamble", "eId", pt.ID)
	w.paras("", pt.paras)
	inRecitals := false
	for _, pr := range pt.Provisions {
		kind := lastKind(pr.id)
		if kind == akn.Recital && !inRecitals {
			w.start("recitals")
			inRecitals = true
		}
		if kind != akn.Recital && inRecitals {
			w.end("recitals")
			inRecitals = false
		}
		name, attrs := "recital", []string{"eId", pr.ID}
		if kind != akn.Recital {
			// The opening words, then the enacting words "Have agreed as follows:".
			formula := "enactingFormula"
			if pr.id.Parts[len(pr.id.Parts)-1].Num == "1" {
				formula = "opening"
			}
			name, attrs = "formula", append(attrs, "name", formula)
		}
		w.start(name, attrs...)
		w.paras("", pr.paras)
		w.end(name)
	}
	if inRecitals {
		w.end("recitals")
	}
	w.end("preamble")
}

// writeBody writes the articles, inside their chapters, which are numbered
// chp_1, chp_2 … in order.
func writeBody(w *xmlWriter, articles []Part) {
	w.start("body")
	open, chapters := "", 0
	for _, pt := range articles {
		if pt.Chapter != nil && pt.Chapter.Number != open {
			if open != "" {
				w.end("chapter")
			}
			open = pt.Chapter.Number
			chapters++
			w.start("chapter", "eId", "chp_"+strconv.Itoa(chapters))
			w.leaf("num", "Chapter "+pt.Chapter.Number)
			w.leaf("heading", pt.Chapter.Title)
		}
		w.start("article", "eId", pt.ID)
		w.leaf("num", "Article "+strconv.Itoa(pt.Number))
		w.leaf("heading", pt.Title)
		writeHierarchy(w, pt.paras, pt.Provisions)
		w.end("article")
	}
	if open != "" {
		w.end("chapter")
	}
	w.end("body")
}

// writeHierarchy writes the inside of an article, paragraph or point: its
// own text as <content>, or as <intro> before the provisions it holds.
func writeHierarchy(w *xmlWriter, paras []string, children []Provision) {
	if len(children) == 0 {
		w.paras("content", paras)
		return
	}
	if len(paras) > 0 {
		w.paras("intro", paras)
	}
	for _, c := range children {
		name := "point"
		if lastKind(c.id) == akn.Para {
			name = "paragraph"
		}
		w.start(name, "eId", c.ID)
		w.leaf("num", c.Num)
		writeHierarchy(w, c.paras, c.Provisions)
		w.end(name)
	}
}

func lastKind(id akn.ID) akn.Kind {
	if len(id.Parts) == 0 {
		return ""
	}
	return id.Parts[len(id.Parts)-1].Kind
}
