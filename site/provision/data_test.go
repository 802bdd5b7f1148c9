package provision

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := parseTxtar(data)
			rootSec, in, want := ar.file("root"), ar.file("input.md"), ar.file("output.html")
			if rootSec == nil || in == nil || want == nil {
				t.Fatal("need root, input.md and output.html sections")
			}
			var root akn.ID
			if s := strings.TrimSpace(string(rootSec.data)); s != "" {
				if root, err = akn.Parse(s); err != nil {
					t.Fatal(err)
				}
			}
			md := newMarkdown()
			p := parse(md, root, in.data)
			got := render(t, md, in.data, p.doc)
			if ps := Problems(p.pc); len(ps) > 0 {
				t.Errorf("problems: %+v", ps)
			}
			if *update {
				want.data = []byte(got)
				if err := os.WriteFile(file, ar.format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(want.data) {
				t.Errorf("output differs\n--- got\n%s\n--- want\n%s", got, want.data)
			}
		})
	}
}
