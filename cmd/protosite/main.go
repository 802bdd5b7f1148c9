// Command protosite builds and serves the Smuggling of Migrants Protocol site.
//
//	protosite build  [-content content] [-out public] [-memory 640] [-stages] [-cpuprofile file] [-memprofile file]
//	protosite check  [-content content]
//	protosite serve  [-content content] [-out public] [-addr 127.0.0.1:8080] [-build=true] [-watch] [-memory 640]
//	protosite search [-out public] [-lang all|TAG] [-json] [-explain] QUERY
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

const usage = `usage:
  protosite build  [-content content] [-out public] [-memory 640] [-stages] [-cpuprofile file] [-memprofile file]
                                                      build the site into -out, keeping memory near -memory MiB;
                                                      -stages prints the time of each stage, -cpuprofile and
                                                      -memprofile write profiles for go tool pprof
  protosite check  [-content content]                 check the content, write nothing
  protosite serve  [-content content] [-out public] [-addr 127.0.0.1:8080] [-build=false] [-watch] [-memory 640]
                                                      build (unless -build=false), then serve
  protosite search [-out public] [-lang all|TAG] [-json] [-explain] QUERY
                                                      search the built site, in the default language or -lang
`

// commands maps each command name to the function that runs it.
var commands = map[string]func(fset *flag.FlagSet, args []string, stdout, stderr io.Writer) int{
	"build":  runBuild,
	"check":  runCheck,
	"serve":  runServe,
	"search": runSearchCommand,
}

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
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "protosite: unknown command %q\n%s", args[0], usage)
		return 2
	}
	fset := flag.NewFlagSet("protosite "+args[0], flag.ContinueOnError)
	fset.SetOutput(stderr)
	return cmd(fset, args[1:], stdout, stderr)
}

// parse parses flags and refuses arguments after them.
func parse(fset *flag.FlagSet, args []string, stderr io.Writer) bool {
	if err := fset.Parse(args); err != nil {
		return false
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected arguments: %s\n", fset.Name(), strings.Join(fset.Args(), " "))
		return false
	}
	return true
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
