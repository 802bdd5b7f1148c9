// Command protosite builds and serves the Smuggling of Migrants Protocol site.
//
//	protosite build [-content content] [-out public]
//	protosite check [-content content]
//	protosite serve [-content content] [-out public] [-addr 127.0.0.1:8080]
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
	"strings"
	"syscall"
	"time"

	"protosite/site/build"
	"protosite/site/server"
)

const usage = `usage:
  protosite build [-content content] [-out public]   build the site into -out
  protosite check [-content content]                 check the content, write nothing
  protosite serve [-content content] [-out public] [-addr 127.0.0.1:8080]
                                                     build, then serve the site
  protosite search [-out public] [-json] QUERY       search the built site
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole command, returning its exit code, so that tests can call it.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A bug must not show a user a stack trace; say what happened instead.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "protosite: internal error: %v\n", r)
			code = 2
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fset := flag.NewFlagSet("protosite "+cmd, flag.ContinueOnError)
	fset.SetOutput(stderr)
	contentDir := fset.String("content", "content", "content `directory`")
	asJSON := fset.Bool("json", false, "print search results as JSON")
	var outDir, addr *string
	switch cmd {
	case "build", "serve":
		outDir = fset.String("out", "public", "output `directory`")
		if cmd == "serve" {
			addr = fset.String("addr", "127.0.0.1:8080", "`address` to listen on")
		}
	case "check":
	case "search":
		outDir = fset.String("out", "public", "built site `directory`")
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "protosite: unknown command %q\n%s", cmd, usage)
		return 2
	}
	if err := fset.Parse(args); err != nil {
		return 2
	}
	if cmd == "search" {
		if fset.NArg() == 0 {
			fmt.Fprintf(stderr, "protosite search: give a query\n%s", usage)
			return 2
		}
		return runSearch(*outDir, strings.Join(fset.Args(), " "), *asJSON, stdout, stderr)
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "protosite %s: unexpected arguments: %v\n", cmd, fset.Args())
		return 2
	}
	switch cmd {
	case "check":
		res, err := build.Render(os.DirFS(*contentDir))
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "content is valid: %d pages, %d provisions, %d citations\n", res.Summary.Pages, res.Summary.Provisions, res.Summary.Citations)
		return 0
	case "build":
		sum, err := build.Build(*contentDir, *outDir)
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, sum)
		return 0
	default:
		sum, err := build.Build(*contentDir, *outDir)
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintln(stdout, sum)
		return serve(*outDir, *addr, stdout, stderr)
	}
}

// fail prints every problem in err, one per line, and returns the exit code.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, err)
	var n int
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		n = len(u.Unwrap())
	}
	if n > 1 {
		fmt.Fprintf(stderr, "protosite: %d problems; nothing was written\n", n)
	} else {
		fmt.Fprintln(stderr, "protosite: build failed; nothing was written")
	}
	return 1
}

func serve(outDir, addr string, stdout, stderr io.Writer) int {
	logger := log.New(stderr, "", log.LstdFlags)
	h, err := server.New(outDir, logger.Printf)
	if err != nil {
		return fail(stderr, err)
	}
	defer h.Close()
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
	}
	fmt.Fprintf(stdout, "serving %s at http://%s/\n", outDir, ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
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
