package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"protosite/site/build"
)

func runBuild(fset *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	contentDir := fset.String("content", "content", "content `directory`")
	outDir := fset.String("out", "public", "output `directory`")
	if !parse(fset, args, stderr) {
		return 2
	}
	sum, err := build.Build(*contentDir, *outDir)
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, sum)
	return 0
}

func runCheck(fset *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	contentDir := fset.String("content", "content", "content `directory`")
	if !parse(fset, args, stderr) {
		return 2
	}
	res, err := build.Render(os.DirFS(*contentDir))
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "content is valid: %d pages, %d provisions, %d citations\n", res.Summary.Pages, res.Summary.Provisions, res.Summary.Citations)
	return 0
}
