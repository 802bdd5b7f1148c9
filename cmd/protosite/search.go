package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"protosite/site/search"
)

func runSearchCommand(fset *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	outDir := fset.String("out", "public", "built site `directory`")
	asJSON := fset.Bool("json", false, "print the results as JSON")
	lang := fset.String("lang", "", "`language` searched: a language tag, or all; the site's default language if not given")
	explain := fset.Bool("explain", false, "print how each hit's score was reached")
	if err := fset.Parse(args); err != nil {
		return 2
	}
	if fset.NArg() == 0 {
		fmt.Fprintf(stderr, "protosite search: give a query\n%s", usage)
		return 2
	}
	return runSearch(*outDir, strings.Join(fset.Args(), " "), *lang, *asJSON, *explain, stdout, stderr)
}

// runSearch prints the results of a query against a built site's index,
// in language lang ("" for the default, "all" for every language), with
// how each score was reached when explain is set.
func runSearch(outDir, query, lang string, asJSON, explain bool, stdout, stderr io.Writer) int {
	idx, err := search.Open(filepath.Join(outDir, filepath.FromSlash(search.IndexDir)))
	if err != nil {
		fmt.Fprintf(stderr, "protosite search: %v (build the site first: protosite build -out %s)\n", err, outDir)
		return 1
	}
	defer idx.Close()
	res, err := idx.Search(search.Request{Query: query, Lang: lang, Size: 20, Explain: explain})
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
	noun := "results"
	if res.Total == 1 {
		noun = "result"
	}
	fmt.Fprintf(stdout, "%d %s for %q in %s\n", res.Total, noun, query, languageNamed(res.Lang))
	for i, h := range res.Hits {
		fmt.Fprintf(stdout, "%2d. %s\n    %s  [%s, %s, %.3f]\n    %s\n", i+1, h.Title, h.URL, h.Kind, h.Lang, h.Score, plainSnippet(h.Snippet))
		printExplanation(stdout, h.Explanation, "    ")
	}
	return 0
}

// printExplanation prints a score's reckoning as a tree, each part
// indented under the value it makes up.
func printExplanation(w io.Writer, e *search.Explanation, indent string) {
	if e == nil {
		return
	}
	fmt.Fprintf(w, "%s%.3f %s\n", indent, e.Value, e.Message)
	for _, c := range e.Children {
		printExplanation(w, c, indent+"  ")
	}
}

// languageNamed says what a search covered, for the summary line.
func languageNamed(lang string) string {
	switch lang {
	case search.AllLanguages:
		return "all languages"
	case "":
		return "no language (the index is empty)"
	}
	return "language " + lang
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
