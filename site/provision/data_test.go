package provision

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"protosite/site/akn"
)

var update = flag.Bool("update", false, "rewrite output.html in testdata/*.txtar from the current output")

// TestData renders each testdata/*.txtar case: the input.md section parsed
// with the root in the root section (empty for none) must give output.html.
func TestData(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test data: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			rootSec, in, want := section(ar, "root"), section(ar, "input.md"), section(ar, "output.html")
			if rootSec == nil || in == nil || want == nil {
				t.Fatal("need root, input.md and output.html sections")
			}
			var root akn.ID
			if s := strings.TrimSpace(string(rootSec.Data)); s != "" {
				if root, err = akn.Parse(s); err != nil {
					t.Fatal(err)
				}
			}
			md := newMarkdown()
			p := parse(md, root, in.Data)
			got := render(t, md, in.Data, p.doc)
			if ps := Problems(p.pc); len(ps) > 0 {
				t.Errorf("problems: %+v", ps)
			}
			if *update {
				want.Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(want.Data) {
				t.Errorf("output differs\n--- got\n%s\n--- want\n%s", got, want.Data)
			}
		})
	}
}

// section returns the named file of ar, or nil.
func section(ar *txtar.Archive, name string) *txtar.File {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			return &ar.Files[i]
		}
	}
	return nil
}
