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

// listen opens an event stream as the page at page would, and returns its
// lines once the stream is open.
func listen(t *testing.T, ctx context.Context, url, page string) *bufio.Scanner {
	t.Helper()
	if page != "" {
		url += "?page=" + page
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	lines := bufio.NewScanner(resp.Body)
	// The stream opens with its retry time; the page then listens.
	for lines.Scan() && lines.Text() != "" {
	}
	return lines
}

// next returns the next n lines of a stream.
func next(lines *bufio.Scanner, n int) string {
	var got []string
	for len(got) < n && lines.Scan() {
		got = append(got, lines.Text())
	}
	return strings.Join(got, "\n")
}

func TestReloaderTellsThePagesThatChanged(t *testing.T) {
	rl := NewReloader()
	srv := httptest.NewServer(rl)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	article := listen(t, ctx, srv.URL, "/articles/6/")
	about := listen(t, ctx, srv.URL, "/about/")
	anyPage := listen(t, ctx, srv.URL, "")
	if got := rl.Connected(); got != 3 {
		t.Fatalf("Connected() = %d after three pages opened streams", got)
	}

	if n := rl.Reload("/articles/6/", "/nl/articles/6/"); n != 2 {
		t.Errorf("a reload of article 6 told %d pages, want 2: article 6 and the page that named none", n)
	}
	if n := rl.Reload(); n != 3 {
		t.Errorf("a reload of every page told %d pages, want 3", n)
	}
	want := "event: reload\ndata: /articles/6/\ndata: /nl/articles/6/\n\nevent: reload\ndata: \n"
	for name, lines := range map[string]*bufio.Scanner{"article 6": article, "a page that named none": anyPage} {
		if got := next(lines, 7); got != want {
			t.Errorf("%s got\n%q\nwant\n%q", name, got, want)
		}
	}
	if got := next(about, 3); got != "event: reload\ndata: \n" {
		t.Errorf("the about page got %q, want only the reload of every page", got)
	}

	// Waiting for streams ends when they open, or at the time given.
	go func() {
		if resp, err := http.Get(srv.URL + "?page=/articles/6/"); err == nil {
			<-ctx.Done()
			resp.Body.Close()
		}
	}()
	start := time.Now()
	rl.WaitConnected(4, 5*time.Second)
	if got := rl.Connected(); got != 4 || time.Since(start) > 4*time.Second {
		t.Errorf("WaitConnected(4) returned after %s with %d streams opened", time.Since(start), got)
	}
	start = time.Now()
	rl.WaitConnected(5, 50*time.Millisecond)
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("WaitConnected(5) returned after %s, before its time, with 4 streams", d)
	}
}
