package static

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"testing"
)

// TestSearchPartsListed checks that SearchEngine joins every file of
// engine/ once, so that a new part cannot be left out of the script.
func TestSearchPartsListed(t *testing.T) {
	files, err := fs.Glob(FS, "engine/*")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, path.Base(f))
	}
	parts := searchParts()
	if got, want := slices.Sorted(slices.Values(parts)), names; !slices.Equal(got, want) {
		t.Errorf("searchParts lists %q; engine/ holds %q", got, want)
	}
	if parts[0] != "intro.js" || parts[len(parts)-1] != "outro.js" {
		t.Errorf("searchParts must start with intro.js and end with outro.js: %q", parts)
	}
}

// TestSearchEngine checks that the engine is its parts joined in order,
// each ending its last line.
func TestSearchEngine(t *testing.T) {
	engine, err := SearchEngine()
	if err != nil {
		t.Fatal(err)
	}
	var want []byte
	for _, name := range searchParts() {
		data, err := fs.ReadFile(FS, "engine/"+name)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, data...)
	}
	if !bytes.Equal(engine, want) {
		t.Error("the engine is not its parts joined in order")
	}
	if !bytes.HasPrefix(engine, []byte("// The search engine of the browser")) || !bytes.HasSuffix(engine, []byte("})();\n")) {
		t.Error("the engine does not start with intro.js and end with outro.js")
	}
}
