package build

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBuildReportsItsStages builds the real content and reads its stages:
// each in the order the build runs them, their wall times adding up to no
// more than the build's, and, where the system says, CPU time spent.
func TestBuildReportsItsStages(t *testing.T) {
	sum, err := Build("../../content", filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var wall, cpu int64
	for _, st := range sum.Stages {
		names = append(names, st.Name)
		if st.Wall < 0 || st.CPU < 0 || st.GC < 0 {
			t.Errorf("stage %s: negative time %+v", st.Name, st)
		}
		wall += int64(st.Wall)
		cpu += int64(st.CPU)
	}
	want := []string{"load", "search export", "render", "search index", "write"}
	if !slices.Equal(names, want) {
		t.Errorf("stages %q, want %q", names, want)
	}
	if wall > int64(sum.Elapsed) {
		t.Errorf("the stages took %d ns, more than the build's %s", wall, sum.Elapsed)
	}
	if processCPU() > 0 && cpu == 0 {
		t.Error("the stages used no CPU time")
	}
	table := StagesTable(sum.Stages)
	if lines := strings.Split(strings.TrimSpace(table), "\n"); len(lines) != len(want)+1 {
		t.Errorf("the table has %d lines, want a heading and one per stage:\n%s", len(lines), table)
	}
}
