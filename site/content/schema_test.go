package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// base is a minimal valid site; each schema case adds one file to it.
const base = `-- site.yaml --
title: "T"
treaty_title: "T Protocol"
citation_prefix: "T Protocol"
base_url: "https://example.org/"
language: "en"
-- countries.yaml --
- {code: AUS, name: "Australia"}
- {code: CIV, name: "Côte d'Ivoire"}
- {code: CAN, name: "Canada"}
- {code: CUB, name: "Cuba"}
-- protocol/article-01.md --
---
article: 1
title: "One"
chapter: "I"
chapter_title: "General"
source_repo: a/b
source_path: c.md
source_commit: 061f5d521bd5462d44e042e1872388e198fa1bb7
---

1. Text.

2. More text.
-- meetings/wg-2018.md --
---
type: meeting
title: "A meeting"
organ: "Working Group"
date: 2018-07-04
source: "A report"
---
Text.
`

// TestSchemaRules loads each case in testdata/schema, a site fragment
// added to a minimal valid site, and checks that loading reports exactly
// the problems the case's "want" file lists, one per line.
func TestSchemaRules(t *testing.T) {
	cases, err := filepath.Glob("testdata/schema/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no schema cases: %v", err)
	}
	for _, path := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			var want string
			for _, f := range append(txtar.Parse([]byte(base)).Files, txtar.Parse(data).Files...) {
				if f.Name == "want" {
					want = strings.TrimSpace(string(f.Data))
					continue
				}
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			_, err = Load(fsys)
			got := ""
			if err != nil {
				got = strings.TrimSpace(err.Error())
			}
			if got != want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestBaseSiteIsValid(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(base)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	s, err := Load(fsys)
	if err != nil {
		t.Fatalf("the base site does not load: %v", err)
	}
	var names []string
	for _, c := range s.Countries.All() {
		names = append(names, c.Name)
	}
	if got, want := strings.Join(names, ", "), "Australia, Canada, Côte d'Ivoire, Cuba"; got != want {
		t.Errorf("countries sort as %q, want %q", got, want)
	}
}
