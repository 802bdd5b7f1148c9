package search

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// An index directory holds a bleve index per language, in a directory
// named after its tag, and layoutFile, which lists them: one index per
// language, because each language has its own analyzer and its own
// statistics, which BM25 scores with, so that adding a translation
// changes no score of another language's search.
const layoutFile = "languages.json"

// layout lists the languages of an index directory.
type layout struct {
	Default   string   `json:"default"`   // the site's default language, "" when there are no documents
	Languages []string `json:"languages"` // every language with documents: the default first, then by tag
}

// langDir is the directory of a language's index.
func langDir(dir, lang string) string { return filepath.Join(dir, lang) }

// createIndexDir creates dir, which must not exist, and writes its layout.
func createIndexDir(dir string, l layout) error {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("creating search index: %s exists", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating search index: %w", err)
	}
	data, err := json.Marshal(l)
	if err != nil {
		return fmt.Errorf("creating search index: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, layoutFile), append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("creating search index: %w", err)
	}
	return nil
}

// readLayout reads the layout of the index directory dir.
func readLayout(dir string) (layout, error) {
	var l layout
	data, err := os.ReadFile(filepath.Join(dir, layoutFile))
	if err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, "index_meta.json")); statErr == nil {
			return l, fmt.Errorf("%s is an index of one language, as builds before languages wrote: build the site again", dir)
		}
		return l, err
	}
	if err := json.Unmarshal(data, &l); err != nil {
		return l, fmt.Errorf("reading %s: %w", layoutFile, err)
	}
	seen := map[string]bool{}
	for _, lang := range l.Languages {
		// The tags name directories: nothing else may get in.
		if !langTag.MatchString(lang) || seen[lang] {
			return l, fmt.Errorf("%s lists %q, which is not a language tag or is listed twice", layoutFile, lang)
		}
		seen[lang] = true
	}
	first := ""
	if len(l.Languages) > 0 {
		first = l.Languages[0]
	}
	if l.Default != first {
		return l, fmt.Errorf("%s lists the languages %v with the default %q: the default comes first", layoutFile, l.Languages, l.Default)
	}
	return l, nil
}
