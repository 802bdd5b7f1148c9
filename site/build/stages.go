package build

import (
	"fmt"
	"runtime/metrics"
	"strings"
	"time"
)

// Stage is a step of a build and what it took.
type Stage struct {
	Name string        // what the step does
	Wall time.Duration // from the end of the step before to its own
	// CPU is the CPU time the whole process used meanwhile, user and
	// system, work of other steps running at the same time included, such
	// as the search index written while pages render; 0 where the system
	// does not say.
	CPU time.Duration
	// GC is the CPU time of the collections that ended meanwhile, as the
	// Go runtime estimates it.
	GC time.Duration
}

// stopwatch records a build's stages as it passes their ends.
type stopwatch struct {
	last    time.Time
	cpu     time.Duration
	gc      float64
	samples []metrics.Sample
	stages  []Stage
}

// gcCPU is the runtime's estimate of the CPU time its collector took,
// brought up to date at the end of each collection.
const gcCPU = "/cpu/classes/gc/total:cpu-seconds"

func newStopwatch() *stopwatch {
	s := &stopwatch{samples: []metrics.Sample{{Name: gcCPU}}}
	s.last, s.cpu, s.gc = time.Now(), processCPU(), s.gcSeconds()
	return s
}

func (s *stopwatch) gcSeconds() float64 {
	metrics.Read(s.samples)
	if s.samples[0].Value.Kind() != metrics.KindFloat64 {
		return 0 // a runtime without the metric
	}
	return s.samples[0].Value.Float64()
}

// lap ends the stage called name.
func (s *stopwatch) lap(name string) {
	now, cpu, gc := time.Now(), processCPU(), s.gcSeconds()
	s.stages = append(s.stages, Stage{
		Name: name,
		Wall: now.Sub(s.last),
		CPU:  cpu - s.cpu,
		GC:   time.Duration(max(0, gc-s.gc) * float64(time.Second)),
	})
	s.last, s.cpu, s.gc = now, cpu, gc
}

// StagesTable is the stages as a table for people, a stage a line.
func StagesTable(stages []Stage) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %9s %9s %9s\n", "stage", "wall", "cpu", "gc")
	for _, st := range stages {
		fmt.Fprintf(&b, "%-14s %9s %9s %9s\n", st.Name, round(st.Wall), round(st.CPU), round(st.GC))
	}
	return b.String()
}

// round rounds d for reading: to the millisecond, or to 10 ms from 10 s.
func round(d time.Duration) time.Duration {
	if d >= 10*time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}
