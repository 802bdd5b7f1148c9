package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"

	"protosite/site/live"
)

// serveLive builds contentDir in memory, serves it, and rebuilds on every
// change: open pages reload, or show the problems while the last good site
// stays served.
func serveLive(contentDir, addr string, stdout, stderr io.Writer) int {
	logger := log.New(stderr, "", log.LstdFlags)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	site, first, err := live.Start(ctx, contentDir, logger.Printf)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, first.Summary)
	return listen(ctx, site.Handler(), contentDir+" (live)", addr, logger, stdout, stderr)
}
