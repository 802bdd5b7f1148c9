package server

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestReloaderNamesTheChangedPages(t *testing.T) {
	rl := NewReloader()
	srv := httptest.NewServer(rl)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := bufio.NewScanner(resp.Body)
	// The stream opens with its retry time; the page then listens.
	for lines.Scan() && lines.Text() != "" {
	}
	rl.Reload("/articles/6/", "/nl/articles/6/")
	rl.Reload()
	var got []string
	for len(got) < 7 && lines.Scan() {
		got = append(got, lines.Text())
	}
	want := []string{"event: reload", "data: /articles/6/", "data: /nl/articles/6/", "", "event: reload", "data: ", ""}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%q\nwant\n%q", got, want)
	}
}
