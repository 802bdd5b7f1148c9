package bench

import (
	"os"
	"regexp"
	"strconv"
	"time"
)

// withGCTrace is the environment of a build whose collector reports each
// collection: the machine's speed drifts from run to run, while how often
// the collector runs and what it costs follow from the build's memory.
func withGCTrace() []string {
	debug := "gctrace=1"
	if v := os.Getenv("GODEBUG"); v != "" {
		debug = v + "," + debug
	}
	return append(os.Environ(), "GODEBUG="+debug)
}

// gcLine is a collection's summary line, as GODEBUG=gctrace=1 prints it:
// the CPU time of its phases is "a+b/c/d+e ms cpu".
var gcLine = regexp.MustCompile(`(?m)^gc \d+ @[0-9.]+s \d+%: [0-9.+]+ ms clock, ([0-9.]+)\+([0-9.]+)/([0-9.]+)/([0-9.]+)\+([0-9.]+) ms cpu`)

// collections counts the collections in a build's output and adds up
// their CPU time.
func collections(log string) (n int, cpu time.Duration) {
	for _, m := range gcLine.FindAllStringSubmatch(log, -1) {
		n++
		for _, ms := range m[1:] {
			v, _ := strconv.ParseFloat(ms, 64)
			cpu += time.Duration(v * float64(time.Millisecond))
		}
	}
	return n, cpu
}
