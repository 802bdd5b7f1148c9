package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"protosite/site/build"
	"protosite/site/server"
)

func runServe(fset *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	contentDir := fset.String("content", "content", "content `directory`")
	outDir := fset.String("out", "public", "output `directory`")
	addr := fset.String("addr", "127.0.0.1:8080", "`address` to listen on")
	doBuild := fset.Bool("build", true, "build before serving; -build=false serves an existing output, as in production")
	watchContent := fset.Bool("watch", false, "rebuild in memory when content changes and reload open pages")
	memory := memoryFlag(fset)
	if !parse(fset, args, stderr) {
		return 2
	}
	setMemoryLimit(*memory)
	if *watchContent {
		return serveLive(*contentDir, *addr, stdout, stderr)
	}
	if *doBuild {
		sum, err := build.Build(*contentDir, *outDir)
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, sum)
	}
	return serve(*outDir, *addr, stdout, stderr)
}

// serve serves outDir until SIGINT or SIGTERM, then lets requests in
// flight finish.
func serve(outDir, addr string, stdout, stderr io.Writer) int {
	logger := log.New(stderr, "", log.LstdFlags)
	h, err := server.New(outDir, logger.Printf)
	if err != nil {
		fmt.Fprintf(stderr, "protosite serve: %v\n", err)
		return 1
	}
	defer h.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return listen(ctx, h, outDir, addr, logger, stdout, stderr)
}

// listen serves h on addr until ctx ends, then lets requests in flight
// finish.
func listen(ctx context.Context, h http.Handler, what, addr string, logger *log.Logger, stdout, stderr io.Writer) int {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "protosite serve: %v\n", err)
		return 1
	}
	srv := &http.Server{
		Handler:           server.AccessLog(h, logger),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          logger,
	}
	fmt.Fprintf(stdout, "serving %s at http://%s/\n", what, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "protosite serve: %v\n", err)
			return 1
		}
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil {
			fmt.Fprintf(stderr, "protosite serve: shutting down: %v\n", err)
			return 1
		}
	}
	return 0
}
