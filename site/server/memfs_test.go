package server

import (
	"testing"
	"testing/fstest"
)

func TestMemFS(t *testing.T) {
	m := MemFS{
		"index.html":            []byte("home"),
		"articles/6/index.html": []byte("six"),
		"static/a.css":          []byte("css"),
	}
	if err := fstest.TestFS(m, "index.html", "articles/6/index.html", "static/a.css"); err != nil {
		t.Fatal(err)
	}
}
