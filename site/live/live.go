// Package live serves a site under live editing: built in memory, rebuilt
// when its content changes, with open pages told to reload, or shown the
// problems while the last good site stays served.
package live

import (
	"context"
	"net/http"
	"sync"
	"time"

	"protosite/site/build"
	"protosite/site/offline"
	"protosite/site/server"
	"protosite/site/watch"
)

// browserPause is the longest the rest of a rebuild waits for the edited
// pages to load in the browser.
const browserPause = 300 * time.Millisecond

// Site is a site under live editing.
type Site struct {
	contentDir string
	handler    *server.Handler
	reloader   *server.Reloader
	builder    *build.Live
	logf       func(format string, args ...any)
	mu         sync.Mutex // one rebuild at a time
	failed     bool       // the last build failed, and pages show why
	builds     int        // good builds so far
	packMu     sync.Mutex // one offline copy made at a time
	pack       []byte     // the offline copy, once asked for
	packOf     int        // the good build the offline copy is of
}

// Start builds contentDir in memory and watches it until ctx ends. It
// returns the site and what the first build made.
func Start(ctx context.Context, contentDir string, logf func(format string, args ...any)) (*Site, *build.Update, error) {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	b, first, err := build.NewLive(contentDir)
	if err != nil {
		return nil, nil, err
	}
	s := &Site{contentDir: contentDir, handler: server.NewEmpty(logf), reloader: server.NewReloader(), builder: b, logf: logf, builds: 1}
	if err := s.handler.Swap(server.MemFS(first.Files), b.Index()); err != nil {
		return nil, nil, err
	}
	s.handler.Handle("/_protosite/events", s.reloader)
	s.handler.Handle("/"+offline.Path, http.HandlerFunc(s.servePack))
	// Watching starts before Start returns, so no edit made after it is
	// missed.
	w, err := watch.Start(contentDir)
	if err != nil {
		return nil, nil, err
	}
	go func() {
		if err := w.Run(ctx, func() { s.Rebuild() }); err != nil {
			logf("%v; live editing stopped", err)
		}
	}()
	return s, first, nil
}

// Handler serves the site, with the event stream pages reload from.
func (s *Site) Handler() http.Handler { return s.handler }

// Rebuild builds the site again and tells open pages: reload, or here is
// why the last edit does not build. The pages of the edited files are
// served and reloaded as soon as they are rendered, before the rest of the
// site. It reports whether the build succeeded.
func (s *Site) Rebuild() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	var sent map[string]bool // the changed pages served early, which the whole build does not change again
	u, err := s.builder.Rebuild(func(files map[string][]byte, changed []string) {
		if err := s.handler.Swap(server.MemFS(files), s.builder.Index()); err != nil {
			s.logf("serving the edited pages: %v", err)
			return
		}
		sent = map[string]bool{}
		for _, p := range changed {
			sent[p] = true
		}
		s.logf("edited pages served in %s", time.Since(start).Round(time.Millisecond))
		urls := pageURLs(changed, nil)
		if len(urls) == 0 {
			return
		}
		before := s.reloader.Connected()
		if n := s.reloader.Reload(urls...); n > 0 {
			// The rest of the site waits until those pages have loaded
			// again, each opening a new event stream, or for a moment: on
			// a machine of few cores, rebuilding it would slow down the
			// page the author is looking at.
			s.reloader.WaitConnected(before+n, browserPause)
		}
	})
	if err != nil {
		s.logf("build failed; still serving the last good site:\n%v", err)
		if sent != nil {
			// Back to the last good site, without the pages served early.
			if err := s.handler.Swap(server.MemFS(s.builder.Files()), s.builder.Index()); err != nil {
				s.logf("serving the last good site: %v", err)
			}
		}
		s.reloader.Problem(err.Error())
		s.failed = true
		return false
	}
	if err := s.handler.Swap(server.MemFS(u.Files), s.builder.Index()); err != nil {
		s.logf("serving the new build: %v", err)
		return false
	}
	s.logf("rebuilt in %s: %d pages rendered, %d files changed, %d search documents updated", time.Since(start).Round(time.Millisecond), u.Rendered, len(u.Changed), u.SearchTouched)
	switch urls := pageURLs(u.Changed, sent); {
	case s.failed:
		// Every page shows the problem; a reload clears it.
		s.reloader.Reload()
	case len(urls) > 0:
		s.reloader.Reload(urls...)
	}
	s.failed = false
	s.builds++
	return true
}

// pageURLs returns the addresses of the pages among paths, leaving out
// those already sent.
func pageURLs(paths []string, sent map[string]bool) []string {
	var urls []string
	for _, p := range paths {
		if sent[p] {
			continue
		}
		if u := build.PageURL(p); u != "" {
			urls = append(urls, u)
		}
	}
	return urls
}
