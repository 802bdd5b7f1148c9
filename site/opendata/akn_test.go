package opendata_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"protosite/site/akn"
	"protosite/site/opendata"
)

// aknElement is an element of the AKN file with an eId.
type aknElement struct {
	name, eID string
	inMeta    bool
}

// readAKN reads the whole file with a strict decoder, so that it fails on
// anything not well-formed, and returns the elements that have an eId.
func readAKN(t *testing.T, data []byte) (root xml.Name, act string, els []aknElement) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var stack []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", opendata.ProtocolAKN, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				root = el.Name
			}
			if el.Name.Local == "act" {
				act = attrOf(el, "name")
			}
			if id := attrOf(el, "eId"); id != "" {
				els = append(els, aknElement{name: el.Name.Local, eID: id, inMeta: len(stack) > 2 && stack[2] == "meta"})
			}
			stack = append(stack, el.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Fatalf("%s ends inside %v", opendata.ProtocolAKN, stack)
	}
	return root, act, els
}

func attrOf(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// TestAKNEIDsAreHTMLIDs checks that the Akoma Ntoso file is well-formed,
// and that its eIds of treaty parts are exactly the ids of the HTML.
func TestAKNEIDsAreHTMLIDs(t *testing.T) {
	s, g := load(t)
	data := dataFiles(t, s, g)[opendata.ProtocolAKN]
	site := renderSite(t, s, g)
	root, act, els := readAKN(t, data)
	if root.Space != opendata.AKNNamespace || root.Local != "akomaNtoso" {
		t.Errorf("root element %v, want akomaNtoso in %s", root, opendata.AKNNamespace)
	}
	if act != "protocol" {
		t.Errorf(`act name %q, want "protocol"`, act)
	}
	for _, want := range []string{"<FRBRWork>", "<preamble ", "<recitals>", "<formula ", "<body>", `<chapter eId="chp_1">`, `<paragraph eId="art_6__para_1">`, `<point eId="art_6__para_1__point_b__point_i">`, "<conclusions>"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("%s has no %s", opendata.ProtocolAKN, want)
		}
	}

	htmlIDs := treatyIDs(t, s, site)
	seen := map[string]bool{}
	for _, el := range els {
		if el.inMeta || el.name == "chapter" {
			// References and chapters have eIds of their own; the HTML
			// names chapters differently ("chapter-I").
			continue
		}
		if seen[el.eID] {
			t.Errorf("eId %s is used twice", el.eID)
		}
		seen[el.eID] = true
		if !htmlIDs[el.eID] {
			t.Errorf("<%s eId=%q> is no id of the HTML", el.name, el.eID)
		}
		id, _ := akn.Parse(el.eID)
		want := map[akn.Kind]string{akn.Para: "paragraph", akn.Point: "point", akn.Recital: "recital", akn.Formula: "formula", "": "article"}
		kind := akn.Kind("")
		if len(id.Parts) > 0 {
			kind = id.Parts[len(id.Parts)-1].Kind
		}
		if w := want[kind]; w != el.name && !(id.Preamble && len(id.Parts) == 0 && el.name == "preamble") {
			t.Errorf("eId %s is on <%s>, want <%s>", el.eID, el.name, w)
		}
	}
	for id := range htmlIDs {
		if !seen[id] {
			t.Errorf("HTML id %s has no eId in %s", id, opendata.ProtocolAKN)
		}
	}
	if !strings.Contains(string(data), `<FRBRuri value="/akn/un/act/2000-11-15/a-res-55-25-annex-iii"`) {
		t.Errorf("%s: FRBR work URI is not the one derived from the about page", opendata.ProtocolAKN)
	}
}
