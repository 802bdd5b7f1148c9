package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"protosite/site/build"
)

func runBuild(fset *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	contentDir := fset.String("content", "content", "content `directory`")
	outDir := fset.String("out", "public", "output `directory`")
	memory := memoryFlag(fset)
	stages := fset.Bool("stages", false, "print the time each stage of the build took")
	profile := defineProfileFlags(fset)
	if !parse(fset, args, stderr) {
		return 2
	}
	setMemoryLimit(*memory)
	stop, err := profile.start()
	if err != nil {
		return fail(stderr, err)
	}
	sum, err := build.Build(*contentDir, *outDir)
	if perr := stop(); err == nil {
		err = perr
	}
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintln(stdout, sum)
	if *stages {
		fmt.Fprint(stdout, build.StagesTable(sum.Stages))
	}
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

// memoryFlag defines the -memory flag of the commands that build.
func memoryFlag(fset *flag.FlagSet) *int {
	return fset.Int("memory", 640, "soft memory `limit` in MiB (0: none; GOMEMLIMIT, if set, wins)")
}

// setMemoryLimit asks the garbage collector to keep memory under mib MiB
// unless GOMEMLIMIT says otherwise. The limit is soft: a site that needs
// more still builds, the collector running more often.
func setMemoryLimit(mib int) {
	if mib > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(mib) << 20)
	}
}
