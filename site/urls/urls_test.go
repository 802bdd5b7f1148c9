package urls

import "testing"

func TestRel(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"/articles/6/", "/articles/8/", "../8/"},
		{"/articles/6/", "/articles/8/#art_8__para_2", "../8/#art_8__para_2"},
		{"/articles/6/", "/articles/6/#art_6__para_1", "#art_6__para_1"},
		{"/articles/6/", "/articles/6/", "./"},
		{"/", "/articles/", "articles/"},
		{"/", "/", "./"},
		{"/articles/6/", "/", "../../"},
		{"/articles/6/", "/static/style.css", "../../static/style.css"},
		{"/404.html", "/static/style.css", "static/style.css"},
		{"/preamble/", "/articles/1/#art_1", "../articles/1/#art_1"},
	}
	for _, tt := range tests {
		if got := Rel(tt.from, tt.to); got != tt.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestFile(t *testing.T) {
	for url, want := range map[string]string{"/": "index.html", "/articles/6/": "articles/6/index.html", "/sitemap.xml": "sitemap.xml"} {
		if got := File(url); got != want {
			t.Errorf("File(%q) = %q, want %q", url, got, want)
		}
	}
}

func TestEmbeddable(t *testing.T) {
	for _, tt := range []struct {
		path string
		want bool
	}{
		{"/embed/art_6/", true},
		{"/embed/", true},
		{"/nl/embed/art_6__para_1/", true},
		{"/articles/6/", false},
		{"/", false},
		{"/embedded/", false},
		{"/articles/6/embed/", false},
		{"/nl/articles/embed/", false},
	} {
		if got := Embeddable(tt.path); got != tt.want {
			t.Errorf("Embeddable(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
