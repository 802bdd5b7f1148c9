package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"regexp"

	"protosite/site/search"
)

// runSearch prints the results of a query against a built site's index.
func runSearch(outDir, query string, asJSON bool, stdout, stderr io.Writer) int {
	idx, err := search.Open(filepath.Join(outDir, filepath.FromSlash(search.IndexDir)))
	if err != nil {
		fmt.Fprintf(stderr, "protosite search: %v (build the site first: protosite build -out %s)\n", err, outDir)
		return 1
	}
	defer idx.Close()
	res, err := idx.Search(search.Request{Query: query, Size: 20})
	if err != nil {
		fmt.Fprintf(stderr, "protosite search: %v\n", err)
		if search.IsUserError(err) {
			return 2
		}
		return 1
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(stderr, "protosite search: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "%d results for %q\n", res.Total, query)
	for i, h := range res.Hits {
		fmt.Fprintf(stdout, "%2d. %s\n    %s  [%s, %.3f]\n    %s\n", i+1, h.Title, h.URL, h.Kind, h.Score, plainSnippet(h.Snippet))
	}
	return 0
}

var tags = regexp.MustCompile(`</?mark>`)

// plainSnippet shows marked words in brackets for a terminal.
func plainSnippet(s string) string {
	s = tags.ReplaceAllStringFunc(s, func(t string) string {
		if t == "<mark>" {
			return "["
		}
		return "]"
	})
	return html.UnescapeString(s)
}
