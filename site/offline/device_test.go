package offline

import (
	"slices"
	"testing"
)

func TestSaveLists(t *testing.T) {
	var files []Written
	for _, p := range []string{
		"index.html", "404.html", "sitemap.xml", "feed.xml", "sw.js", "manifest.webmanifest",
		"articles/6/index.html", "articles/6/index.html.gz", "articles/6/handout/index.html",
		"legislation/abc-law/index.html", "about/index.html",
		"data/index.html", "data/protocol.json",
		"embed/art_6/index.html", "offline/index.html", "offline/protosite-offline.zip", "offline/en.json",
		"qr/art_6.svg",
		"static/style.0123456789.css", "static/style.0123456789.css.gz", "static/site.0123456789.js",
		"static/search/l.01234567.js", "static/search/en/b0.01234567.js", "static/search/nl/b0.89abcdef.js",
		"nl/index.html", "nl/articles/6/index.html", "nl/articles/6/handout/index.html", "nl/about/index.html", "nl/data/index.html", "nl/offline/index.html", "nl/embed/art_6/index.html", "nl/manifest.webmanifest",
	} {
		files = append(files, Written{Path: p, Size: 10})
	}
	lists, err := SaveLists(files, []string{"en", "nl"})
	if err != nil {
		t.Fatal(err)
	}
	shared := []string{"qr/art_6.svg", "static/search/l.01234567.js", "static/site.0123456789.js", "static/style.0123456789.css"}
	want := map[string][]string{
		"en": append([]string{"./", "about/", "articles/6/", "articles/6/handout/", "data/", "legislation/abc-law/", "offline/",
			"static/search/en/b0.01234567.js"}, shared...),
		// Dutch has no page of the law: its pages link to the English one.
		"nl": append([]string{"legislation/abc-law/", "nl/", "nl/about/", "nl/articles/6/", "nl/articles/6/handout/", "nl/data/", "nl/offline/",
			"static/search/nl/b0.89abcdef.js"}, shared...),
	}
	for i, code := range []string{"en", "nl"} {
		w := slices.Sorted(slices.Values(want[code]))
		if !slices.Equal(lists[i].Files, w) {
			t.Errorf("%s saves\n%q\nwant\n%q", code, lists[i].Files, w)
		}
		if got := lists[i].Bytes; got != int64(10*len(w)) {
			t.Errorf("%s saves %d bytes, want %d", code, got, 10*len(w))
		}
	}
	if _, err := SaveLists(files, nil); err == nil {
		t.Error("SaveLists with no language gave no error")
	}
}
