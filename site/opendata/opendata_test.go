package opendata_test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"protosite/site/opendata"
)

// TestFilesAreDeterministic builds the files from two loads of the content,
// and again after the HTML is rendered (which adds "Cited by" lists to the
// trees): the bytes must not change.
func TestFilesAreDeterministic(t *testing.T) {
	s1, g1 := load(t)
	first := dataFiles(t, s1, g1)
	s2, g2 := load(t)
	second := dataFiles(t, s2, g2)
	renderSite(t, s2, g2)
	third := dataFiles(t, s2, g2)
	if len(first) != len(opendata.URLs()) {
		t.Errorf("%d files, want %d", len(first), len(opendata.URLs()))
	}
	for path, data := range first {
		if len(data) == 0 {
			t.Errorf("%s is empty", path)
		}
		if !bytes.Equal(data, second[path]) {
			t.Errorf("%s differs between two builds", path)
		}
		if !bytes.Equal(data, third[path]) {
			t.Errorf("%s differs once the HTML is rendered", path)
		}
	}
}

func TestURLsNameTheFiles(t *testing.T) {
	s, g := load(t)
	files, err := opendata.Files(s, g)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, "/"+f.Path)
	}
	if !slices.Equal(got, opendata.URLs()) {
		t.Errorf("files %q, URLs %q", got, opendata.URLs())
	}
	if !slices.IsSorted(got) {
		t.Errorf("files are not sorted: %q", got)
	}
}

// TestDataPageDocumentsEveryFile checks that the "Open data" page links
// every file, and renders.
func TestDataPageDocumentsEveryFile(t *testing.T) {
	src, err := os.ReadFile(contentDir + "/pages/data.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range opendata.URLs() {
		if !strings.Contains(string(src), "]("+u+")") {
			t.Errorf("pages/data.md does not link %s", u)
		}
	}
	s, g := load(t)
	if _, ok := renderSite(t, s, g)["data/index.html"]; !ok {
		t.Error("no page data/index.html")
	}
}
