package akn

import (
	"encoding/json"
	"os"
	"os/exec"
	"testing"
)

// TestBrowserParserAgrees runs the go-to box's parser in static/goto.js
// under Node on the same cases as ParseCitation.
func TestBrowserParserAgrees(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is needed to test the browser's citation parser")
		}
		t.Skip("no node: cannot run the browser's citation parser")
	}
	var inputs []string
	for _, c := range citationCases {
		inputs = append(inputs, c.in)
	}
	in, _ := json.Marshal(inputs)
	script := `
const fs = require("fs"), vm = require("vm");
const ctx = { window: {} };
vm.createContext(ctx);
vm.runInContext(fs.readFileSync("../../static/goto.js", "utf8"), ctx);
const out = JSON.parse(process.argv[1]).map(s => ctx.window.protositeParseCitation(s) || "");
process.stdout.write(JSON.stringify(out));
`
	cmd := exec.Command(node, "-e", script, string(in))
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("running goto.js: %v", err)
	}
	var got []string
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("reading goto.js output %q: %v", raw, err)
	}
	if len(got) != len(citationCases) {
		t.Fatalf("goto.js returned %d results for %d cases", len(got), len(citationCases))
	}
	for i, c := range citationCases {
		if got[i] != c.want {
			t.Errorf("goto.js parses %q as %q, ParseCitation as %q", c.in, got[i], c.want)
		}
	}
}
