package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/pprof/profile"
)

// TestBuildProfiles builds the real content with -cpuprofile and
// -memprofile: pprof reads both, as profiles of CPU time and of memory
// allocated, the latter with samples from the build.
func TestBuildProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "-cpuprofile", cpu, "-memprofile", mem, "-content", "../../content", "-out", filepath.Join(dir, "public")}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	read := func(name string) *profile.Profile {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		p, err := profile.Parse(f)
		if err != nil {
			t.Fatalf("pprof cannot read %s: %v", filepath.Base(name), err)
		}
		return p
	}
	types := func(p *profile.Profile) []string {
		var out []string
		for _, st := range p.SampleType {
			out = append(out, st.Type)
		}
		return out
	}
	if got := types(read(cpu)); !slices.Contains(got, "cpu") {
		t.Errorf("the CPU profile's sample types are %v, want cpu among them", got)
	}
	m := read(mem)
	if got := types(m); !slices.Contains(got, "alloc_space") || !slices.Contains(got, "inuse_space") {
		t.Errorf("the memory profile's sample types are %v, want alloc_space and inuse_space", got)
	}
	built := false
	for _, s := range m.Sample {
		for _, loc := range s.Location {
			for _, line := range loc.Line {
				if line.Function != nil && line.Function.Name == "protosite/site/build.Build" {
					built = true
				}
			}
		}
	}
	if !built {
		t.Error("no allocation in the memory profile was made under build.Build")
	}
}
