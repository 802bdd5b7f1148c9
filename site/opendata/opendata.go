// Package opendata writes the site's open-data files: the Protocol as JSON,
// as Akoma Ntoso XML and as a reference in CSL JSON, RIS and BibTeX, the
// recommendations and the legislation as JSON and CSV, the countries as
// JSON, an Atom feed of dated changes, and the schema.org JSON-LD of
// treaty and law pages.
//
// Every file is a function of the content alone, never of the clock, so
// that two builds of the same content give the same bytes.
package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"protosite/site/content"
	"protosite/site/output"
	"protosite/site/resolve"
)

// The paths of the files, inside the output directory.
const (
	ProtocolJSON        = "data/protocol.json"
	ProtocolAKN         = "data/protocol.akn.xml"
	ProtocolCSL         = "data/protocol.csl.json"
	ProtocolRIS         = "data/protocol.ris"
	ProtocolBibTeX      = "data/protocol.bib"
	RecommendationsJSON = "data/recommendations.json"
	RecommendationsCSV  = "data/recommendations.csv"
	LegislationJSON     = "data/legislation.json"
	LegislationCSV      = "data/legislation.csv"
	CountriesJSON       = "data/countries.json"
	Feed                = "feed.xml"
)

// paths lists every file Files produces, sorted.
var paths = []string{CountriesJSON, LegislationCSV, LegislationJSON, ProtocolAKN, ProtocolBibTeX, ProtocolCSL, ProtocolJSON, ProtocolRIS, RecommendationsCSV, RecommendationsJSON, Feed}

// URLs returns the site-absolute URL of every file Files produces, such as
// "/data/protocol.json", so that links to them in content can be checked.
func URLs() []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = "/" + p
	}
	return out
}

// Files returns the open-data files of the site, under data/, and the Atom
// feed at the site root, sorted by path.
func Files(s *content.Site, g *resolve.Graph) ([]output.File, error) {
	p := buildProtocol(s, g)
	recs := recommendations(s)
	laws := legislation(s)
	ref := cslItems(s)
	makers := map[string]func() ([]byte, error){
		ProtocolJSON:        func() ([]byte, error) { return encodeJSON(p) },
		ProtocolAKN:         func() ([]byte, error) { return encodeAKN(s, p) },
		ProtocolCSL:         func() ([]byte, error) { return encodeJSON(ref) },
		ProtocolRIS:         func() ([]byte, error) { return encodeRIS(ref[0]), nil },
		ProtocolBibTeX:      func() ([]byte, error) { return encodeBibTeX(ref[0]), nil },
		RecommendationsJSON: func() ([]byte, error) { return encodeJSONList(recs) },
		RecommendationsCSV:  func() ([]byte, error) { return encodeCSV(recommendationRows(recs)) },
		LegislationJSON:     func() ([]byte, error) { return encodeJSONList(laws) },
		LegislationCSV:      func() ([]byte, error) { return encodeCSV(legislationRows(laws)) },
		CountriesJSON:       func() ([]byte, error) { return encodeJSONList(countries(s)) },
		Feed:                func() ([]byte, error) { return feed(s) },
	}
	// Made side by side: a large site's legislation, as JSON and as CSV,
	// is tens of megabytes each.
	files := make([]output.File, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for i, path := range paths {
		wg.Go(func() {
			data, err := makers[path]()
			if err != nil {
				errs[i] = fmt.Errorf("writing %s: %w", path, err)
			}
			files[i] = output.File{Path: path, Data: data}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first in path order, the same every build
		}
	}
	return files, nil
}

// encodeJSON writes v as indented JSON with a final newline. Data files
// are not embedded in HTML, so "<" and "&" are written as themselves.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// encodeJSONList writes items as encodeJSON does, an item at a time: a
// large site's list of laws is tens of megabytes, which encodeJSON
// encodes, indents and copies whole, growing three buffers to its size
// over and over.
func encodeJSONList[T any](items []T) ([]byte, error) {
	if items == nil {
		return encodeJSON(items)
	}
	if len(items) == 0 {
		return []byte("[]\n"), nil
	}
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	var out []byte
	for i, v := range items {
		item.Reset()
		if err := enc.Encode(v); err != nil {
			return nil, err
		}
		if out == nil {
			// Items of a list are alike: the first tells how large all are.
			out = make([]byte, 0, (item.Len()+4)*len(items)*9/8+4)
			out = append(out, "[\n"...)
		}
		if i > 0 {
			out = append(out, ",\n"...)
		}
		out = append(out, "  "...)
		out = append(out, bytes.TrimSuffix(item.Bytes(), []byte("\n"))...)
	}
	return append(out, "\n]\n"...), nil
}
