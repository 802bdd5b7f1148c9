package frontmatter_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"protosite/site/config"
	"protosite/site/content"
	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// schemaOf returns a function giving a new value of the type the loader
// decodes the file at content path p into, as content.Load and
// config.Load do, or nil for a file they do not decode.
func schemaOf(p string) func() any {
	switch p {
	case config.FileName:
		return func() any { return new(config.Config) }
	case content.CountriesFile:
		return func() any { return new([]*content.Country) }
	}
	if path.Ext(p) != ".md" || path.Base(p) == "README.md" {
		return nil
	}
	dir, _, _ := strings.Cut(p, "/")
	return map[string]func() any{
		"protocol":        func() any { return new(content.ProtocolMeta) },
		"pages":           func() any { return new(content.PageMeta) },
		"meetings":        func() any { return new(content.MeetingMeta) },
		"recommendations": func() any { return new(content.RecommendationMeta) },
		"legislation":     func() any { return new(content.LegislationMeta) },
		"guidance":        func() any { return new(content.GuidanceMeta) },
		"modules":         func() any { return new(content.ModuleMeta) },
	}[dir]
}

// diff compares the fast path with goccy on one file, reporting whether
// the fast path took it.
func diff(t *testing.T, name, p string, src []byte, schema func() any) bool {
	t.Helper()
	file := frontmatter.FromYAML(p, src)
	if path.Ext(p) == ".md" {
		var derr *diag.Error
		if file, derr = frontmatter.Split(p, src); derr != nil {
			return false
		}
	}
	took, err := frontmatter.DiffDecode(file, schema(), schema())
	if err != nil {
		t.Errorf("%s: %v", name, err)
	}
	return took
}

// TestFastPathOnContent decodes every file of the real content both ways:
// the values, key positions and positions of every path must be the same.
// Nearly every file must take the fast path, or it would be of no use.
func TestFastPathOnContent(t *testing.T) {
	root := filepath.Join("..", "..", "content")
	var files, fast int
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		schema := schemaOf(p)
		if schema == nil {
			if path.Ext(p) == ".md" && path.Base(p) != "README.md" {
				t.Errorf("%s: no schema known for it: add its folder to schemaOf", p)
			}
			return nil
		}
		src, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			return err
		}
		files++
		if diff(t, p, p, src, schema) {
			fast++
		} else {
			t.Logf("%s: left to goccy", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d of %d files took the fast path", fast, files)
	if files < 100 || fast < files*9/10 {
		t.Errorf("%d of %d files took the fast path, want nearly all", fast, files)
	}
}

// TestFastPathOnTestCases does the same for the content in the test cases
// of other packages, broken on purpose: wherever the fast path takes a
// file, goccy must agree with it.
func TestFastPathOnTestCases(t *testing.T) {
	var archives []string
	for _, glob := range []string{"../content/testdata/schema/*.txtar", "../build/testdata/broken/*.txtar", "../../cmd/protosite/testdata/script/*.txtar"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		archives = append(archives, m...)
	}
	if len(archives) < 10 {
		t.Fatalf("found only %d test archives", len(archives))
	}
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			// Scripts keep sites in folders of their own: find the part of
			// the name the loader would see.
			p := f.Name
			for schemaOf(p) == nil && strings.Contains(p, "/") {
				_, p, _ = strings.Cut(p, "/")
			}
			if schema := schemaOf(p); schema != nil {
				diff(t, a+": "+f.Name, p, f.Data, schema)
			}
		}
	}
}
