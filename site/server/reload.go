package server

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Reloader tells open pages, over server-sent events, that the site was
// rebuilt or that the last build failed, for live editing.
type Reloader struct {
	mu        sync.Mutex
	clients   map[chan event]string // each open page's stream, with the page's address
	last      *event                // the last build's outcome, for pages that connect later
	connected int                   // streams opened so far
	arrived   chan struct{}         // closed, and replaced, when a stream opens
}

type event struct {
	name string // "reload" or "problem"
	data string
}

// NewReloader returns a Reloader with no pages connected.
func NewReloader() *Reloader {
	return &Reloader{clients: map[chan event]string{}, arrived: make(chan struct{})}
}

// Reload tells the open pages at the addresses urls, such as
// "/articles/6/", to load themselves again; with no urls, every page. It
// returns how many pages it told.
func (rl *Reloader) Reload(urls ...string) int {
	return rl.send(event{name: "reload", data: strings.Join(urls, "\n")}, urls)
}

// Connected returns how many event streams pages have opened so far: a
// page opens one each time it loads.
func (rl *Reloader) Connected() int {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	return rl.connected
}

// WaitConnected waits until pages have opened n event streams in all, or
// for at most d.
func (rl *Reloader) WaitConnected(n int, d time.Duration) {
	timeout := time.After(d)
	for {
		rl.mu.Lock()
		done, arrived := rl.connected >= n, rl.arrived
		rl.mu.Unlock()
		if done {
			return
		}
		select {
		case <-arrived:
		case <-timeout:
			return
		}
	}
}

// Problem tells every page that the last build failed, and why.
func (rl *Reloader) Problem(msg string) { rl.send(event{name: "problem", data: msg}, nil) }

// send sends e to the pages at urls, or to every page, and returns how
// many it sent it to. A page that did not say its address gets every
// event.
func (rl *Reloader) send(e event, urls []string) int {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	if e.name == "problem" {
		rl.last = &e
	} else {
		rl.last = nil
	}
	sent := 0
	for c, page := range rl.clients {
		if len(urls) > 0 && page != "" && !slices.Contains(urls, page) {
			continue
		}
		select {
		case c <- e:
			sent++
		default: // a page that does not keep up misses an event, not the server
		}
	}
	return sent
}

// ServeHTTP streams events to one page until it goes away. The page names
// its address in the query, page=/articles/6/, to get only the reloads
// that concern it.
func (rl *Reloader) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	c := make(chan event, 4)
	rl.mu.Lock()
	rl.clients[c] = r.URL.Query().Get("page")
	rl.connected++
	close(rl.arrived)
	rl.arrived = make(chan struct{})
	last := rl.last
	rl.mu.Unlock()
	defer func() {
		rl.mu.Lock()
		delete(rl.clients, c)
		rl.mu.Unlock()
	}()
	fmt.Fprint(w, "retry: 500\n\n")
	if last != nil {
		writeEvent(w, *last)
	}
	flusher.Flush()
	// Comments keep proxies and the write timeout from closing an idle stream.
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for {
		select {
		case e := <-c:
			writeEvent(w, e)
			flusher.Flush()
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	fmt.Fprintf(w, "event: %s\n", e.name)
	for _, line := range strings.Split(e.data, "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	fmt.Fprint(w, "\n")
}
