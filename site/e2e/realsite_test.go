package e2e

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"protosite/site/content"
	"protosite/site/urls"
)

// sourcesDir holds the treaty text as taken from its source, outside this
// repository, one file per part with the same names as content/protocol.
const sourcesDir = "../../../shared/sources/protocol"

// article6IDs are the ids of article 6 and its provisions, in document order.
var article6IDs = []string{
	"art_6",
	"art_6__para_1",
	"art_6__para_1__point_a",
	"art_6__para_1__point_b",
	"art_6__para_1__point_b__point_i",
	"art_6__para_1__point_b__point_ii",
	"art_6__para_1__point_c",
	"art_6__para_2",
	"art_6__para_2__point_a",
	"art_6__para_2__point_b",
	"art_6__para_2__point_c",
	"art_6__para_3",
	"art_6__para_3__point_a",
	"art_6__para_3__point_b",
	"art_6__para_4",
}

// TestArticle6ProvisionIDs checks that every provision of article 6, down
// to items, gets its Akoma Ntoso id on the page, in reading order.
func TestArticle6ProvisionIDs(t *testing.T) {
	dir := sharedSite(t)
	doc := parseHTMLFile(t, filepath.Join(dir, "articles", "6", "index.html"))
	var got []string
	for _, id := range ids(doc) {
		if strings.HasPrefix(id, "art_6") {
			got = append(got, id)
		}
	}
	if !slices.Equal(got, article6IDs) {
		t.Errorf("ids on articles/6/index.html starting with art_6:\ngot  %q\nwant %q", got, article6IDs)
	}
}

// TestNoBrokenLinks checks every link of every page: relative, inside the
// site, to a file that exists and to a fragment that exists.
func TestNoBrokenLinks(t *testing.T) {
	dir := sharedSite(t)
	for _, b := range brokenLinks(t, dir) {
		t.Error(b)
	}
}

// TestTreatyTextIsVerbatim compares, word by word, the treaty text each
// page shows with the text of its source file, so that neither content
// edits nor rendering (citation links, ¶ links, list numbering) can change
// the wording.
func TestTreatyTextIsVerbatim(t *testing.T) {
	if _, err := os.Stat(sourcesDir); errors.Is(err, fs.ErrNotExist) {
		msg := "no treaty sources at " + sourcesDir + " (the shared/sources checkout beside this repository): cannot check the text is verbatim"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	s, err := content.Load(os.DirFS(contentDir))
	if err != nil {
		t.Fatalf("loading %s: %v", contentDir, err)
	}
	if s.Preamble == nil || s.Testimonium == nil || len(s.Articles) == 0 {
		t.Fatalf("content has preamble %v, testimonium %v, %d articles: want all three", s.Preamble != nil, s.Testimonium != nil, len(s.Articles))
	}
	dir := sharedSite(t)
	parts := append(append([]*content.Doc{s.Preamble}, s.Articles...), s.Testimonium)
	for _, d := range parts {
		name := path.Base(d.File.Path)
		t.Run(strings.TrimSuffix(name, ".md"), func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(sourcesDir, name))
			if err != nil {
				t.Fatalf("reading the source of %s: %v", d.File.Path, err)
			}
			page := urls.File(d.URL)
			text, ok := treatyText(parseHTMLFile(t, filepath.Join(dir, filepath.FromSlash(page))))
			if !ok {
				t.Fatalf("%s has no single <div class=\"treaty-text\">", page)
			}
			if diff := firstWordDifference(words(sourceTreatyText(string(src))), words(text)); diff != "" {
				t.Errorf("%s is not verbatim %s: %s", page, filepath.Join(sourcesDir, name), diff)
			}
		})
	}
}

// TestBuildIsDeterministic builds the real content twice, as protosite
// build does, and compares every file, the offline zip and the server's
// search index included: the same content must give the same bytes, so
// that rebuilds do not churn deployments or caches.
func TestBuildIsDeterministic(t *testing.T) {
	// The shared build is one of the two: it is made by the same code.
	first, second := sharedSite(t), buildRealSite(t)
	files := func(root string) map[string][]byte {
		out := map[string][]byte{}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(root, p)
				out[filepath.ToSlash(rel)] = data
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := files(first), files(second)
	if len(a) != len(b) {
		t.Fatalf("the two builds wrote %d and %d files", len(a), len(b))
	}
	for path, data := range a {
		if !bytes.Equal(data, b[path]) {
			t.Errorf("%s differs between two builds of the same content", path)
		}
	}
}
