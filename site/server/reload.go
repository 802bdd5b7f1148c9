package server

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Reloader tells open pages, over server-sent events, that the site was
// rebuilt or that the last build failed, for live editing.
type Reloader struct {
	mu      sync.Mutex
	clients map[chan event]bool
	last    *event // the last build's outcome, for pages that connect later
}

type event struct {
	name string // "reload" or "problem"
	data string
}

// NewReloader returns a Reloader with no pages connected.
func NewReloader() *Reloader { return &Reloader{clients: map[chan event]bool{}} }

// Reload tells the pages at the addresses urls, such as "/articles/6/",
// to load themselves again; with no urls, every page.
func (rl *Reloader) Reload(urls ...string) {
	rl.send(event{name: "reload", data: strings.Join(urls, "\n")})
}

// Problem tells every page that the last build failed, and why.
func (rl *Reloader) Problem(msg string) { rl.send(event{name: "problem", data: msg}) }

func (rl *Reloader) send(e event) {
	rl.mu.Lock()
	defer rl.mu.Unlock()
	if e.name == "problem" {
		rl.last = &e
	} else {
		rl.last = nil
	}
	for c := range rl.clients {
		select {
		case c <- e:
		default: // a page that does not keep up misses an event, not the server
		}
	}
}

// ServeHTTP streams events to one page until it goes away.
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
	rl.clients[c] = true
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
