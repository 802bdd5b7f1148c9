package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"protosite/site/build"
	"protosite/site/server"
	"protosite/site/watch"
)

// serveLive builds contentDir in memory, serves it, and rebuilds on every
// change: open pages reload, or show the problems while the last good site
// stays served.
func serveLive(contentDir, addr string, stdout, stderr io.Writer) int {
	logger := log.New(stderr, "", log.LstdFlags)
	live, first, err := build.NewLive(contentDir)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, first.Summary)
	h := server.NewEmpty(logger.Printf)
	if err := h.Swap(server.MemFS(first.Files), live.Index()); err != nil {
		fmt.Fprintf(stderr, "protosite serve: %v\n", err)
		return 1
	}
	reloader := server.NewReloader()
	h.Handle("/_protosite/events", reloader)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var mu sync.Mutex // one rebuild at a time
	rebuild := func() {
		mu.Lock()
		defer mu.Unlock()
		u, err := live.Rebuild()
		if err != nil {
			logger.Printf("build failed; still serving the last good site:\n%v", err)
			reloader.Problem(err.Error())
			return
		}
		if err := h.Swap(server.MemFS(u.Files), live.Index()); err != nil {
			logger.Printf("serving the new build: %v", err)
			return
		}
		logger.Printf("rebuilt in %s: %d files changed, %d search documents updated", u.Summary.Elapsed.Round(1e6), len(u.Changed), u.SearchTouched)
		reloader.Reload()
	}
	go func() {
		if err := watch.Run(ctx, contentDir, rebuild); err != nil {
			logger.Printf("%v; live editing stopped", err)
		}
	}()
	return listen(ctx, h, contentDir+" (live)", addr, logger, stdout, stderr)
}
