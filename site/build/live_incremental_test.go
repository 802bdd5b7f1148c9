package build

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"protosite/site/output"
	"protosite/site/render"
)

// reach is how much of the site an edit should render again.
type reach int

const (
	fewPages  reach = iota // at most a tenth of the pages
	somePages              // fewer than all
	allPages               // every page: the edit is structural
)

// liveEdits are edits of the real content, one or more of each kind of
// file: body text alone, which only the pages showing that text show, and
// edits that reach further. They are made one after the other. Each names
// a page the edit must change, the edited document's or one that shows it
// elsewhere, so that the pages found to depend on an edit are checked.
var liveEdits = []struct {
	name, file, old, new string
	changes              string // a page the edit changes
	reach                reach
}{
	{"article body quoted in a module", "protocol/article-06.md", "(i) Producing a fraudulent", "(i) Making a fraudulent", "modules/criminalization-basics/handout/index.html", fewPages},
	{"article body on the comparison view", "protocol/article-06.md", "Nothing in this Protocol shall prevent", "Nothing in this Protocol may prevent", "articles/6/compare/index.html", fewPages},
	{"article body on the whole text", "protocol/article-06.md", "Procuring, providing or possessing such a document", "Procuring, providing or holding such a document", "text/index.html", fewPages},
	{"article body in an embedded provision", "protocol/article-06.md", "Enabling a person who is not a national", "Enabling a person who is neither a national", "embed/art_6__para_1__point_c/index.html", fewPages},
	{"definitions article, outside the definitions", "protocol/article-03.md", "For the purposes of this Protocol:", "For the purpose of this Protocol:", "articles/3/present/index.html", fewPages},
	{"definition text", "protocol/article-03.md", "crossing borders without complying", "crossing frontiers without complying", "legislation/ner-loi-2015-36/index.html", somePages},
	{"translated definition text", "protocol/article-03.nl.md", "het overschrijden van grenzen", "het oversteken van grenzen", "nl/modules/definitions/index.html", somePages},
	{"translated article body", "protocol/article-06.nl.md", "de wettelijke en andere maatregelen", "de wettelijke en overige maatregelen", "nl/articles/6/index.html", fewPages},
	{"guidance body", "guidance/article-06.md", "**Core offences.**", "**Main offences.**", "nl/articles/6/index.html", fewPages},
	{"legislation body", "legislation/can-irpa-s117.md", "Section 117 is in Part 3", "Section 117 is found in Part 3", "legislation/can-irpa-s117/index.html", fewPages},
	{"recommendation body", "recommendations/wg-2018-7a.md", "Facilitate, where possible,", "Facilitate, where feasible,", "recommendations/wg-2018-7a/index.html", fewPages},
	{"meeting body", "meetings/wg-2018.md", "The draft report sets out", "The draft report lists", "meetings/wg-2018/index.html", fewPages},
	{"module body", "modules/criminalization-basics.md", "This module reads two paragraphs", "This module quotes two paragraphs", "nl/modules/criminalization-basics/present/index.html", fewPages},
	{"home page body", "pages/index.md", "This site presents the text", "This site shows the text", "index.html", fewPages},
	{"citation added to a module", "modules/criminalization-basics.md", "This module quotes two paragraphs", "This module, with art. 8, quotes two paragraphs", "nl/articles/8/index.html", fewPages},
	{"citation added to an article", "protocol/article-06.md", "Nothing in this Protocol may prevent", "Nothing in this Protocol or art. 8 may prevent", "articles/8/index.html", fewPages},
	{"citation added to a law", "legislation/can-irpa-s117.md", "Section 117 is found in Part 3", "Section 117, unlike art. 15, is in Part 3", "articles/15/index.html", allPages},
	{"article title", "protocol/article-06.md", `title: "Criminalization"`, `title: "Criminalisation"`, "articles/5/index.html", allPages},
	{"country name", "countries.yaml", `name: "Canada"`, `name: "Canada (edited)"`, "countries/can/index.html", allPages},
}

// TestLiveRebuildMatchesAWholeBuild edits a copy of the real content one
// file at a time and checks that each live rebuild, which renders only the
// pages an edit reaches, makes every file byte for byte as a whole build
// of the edited content does, and reports what changed.
func TestLiveRebuildMatchesAWholeBuild(t *testing.T) {
	dir, l, first := liveCopy(t)
	// The whole builds have a renderer of their own, which keeps only the
	// QR codes it drew, for speed, and nothing of the live builds.
	r, err := render.New()
	if err != nil {
		t.Fatal(err)
	}
	total := first.Summary.Pages
	if first.Rendered != total {
		t.Errorf("the first build rendered %d pages of %d", first.Rendered, total)
	}
	u, err := l.Rebuild(nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Rendered != 0 {
		t.Errorf("a rebuild without edits rendered %d pages", u.Rendered)
	}
	for _, e := range liveEdits {
		t.Run(e.name, func(t *testing.T) {
			replaceIn(t, filepath.Join(dir, filepath.FromSlash(e.file)), e.old, e.new)
			before := l.Files()
			u, err := l.Rebuild(nil)
			if err != nil {
				t.Fatal(err)
			}
			sameFiles(t, u.Files, wholeBuild(t, r, dir))
			if want := changedFiles(before, u.Files); !slices.Equal(u.Changed, want) {
				t.Errorf("changed %v, want %v", u.Changed, want)
			}
			if !slices.Contains(u.Changed, e.changes) {
				t.Errorf("%s did not change", e.changes)
			}
			switch n := u.Rendered; {
			case n == 0:
				t.Error("rendered no page")
			case e.reach == fewPages && n > total/10:
				t.Errorf("rendered %d pages of %d, want at most %d", n, total, total/10)
			case e.reach == somePages && n >= total:
				t.Errorf("rendered every page (%d)", n)
			case e.reach == allPages && n != total:
				t.Errorf("rendered %d pages of %d, want all", n, total)
			}
		})
	}
}

// liveCopy copies the real content and builds the copy live, as protosite
// serve -watch does: it returns the copy's directory, the live site and
// its first build.
func liveCopy(tb testing.TB) (string, *Live, *Update) {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		tb.Fatal(err)
	}
	l, first, err := NewLive(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return dir, l, first
}

// wholeBuild renders the content in dir whole with r, as the first live
// build does.
func wholeBuild(t *testing.T, r *render.Renderer, dir string) map[string][]byte {
	t.Helper()
	rs, err := load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	out := map[string][]byte{}
	err = rs.renderTo(r, render.Options{Live: true}, func(f output.File) error {
		mu.Lock()
		defer mu.Unlock()
		out[f.Path] = f.Data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// replaceIn replaces the first old in file with new.
func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), old) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sameFiles reports every file that is in one of got and want only, or
// differs between them.
func sameFiles(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for _, p := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s is missing", p)
		case !bytes.Equal(g, want[p]):
			t.Errorf("%s differs from a whole build's:\n%s", p, firstDifference(g, want[p]))
		}
	}
	for _, p := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[p]; !ok {
			t.Errorf("%s is made, but a whole build does not make it", p)
		}
	}
}

// firstDifference shows where a and b first differ.
func firstDifference(a, b []byte) string {
	i := 0
	for i < min(len(a), len(b)) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + string(a[from:min(len(a), i+80)]) + "…\nwant: …" + string(b[from:min(len(b), i+80)]) + "…"
}

// changedFiles lists the files of now that are not in before or differ.
func changedFiles(before, now map[string][]byte) []string {
	var out []string
	for p, data := range now {
		if old, ok := before[p]; !ok || !bytes.Equal(old, data) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// TestLiveRebuildOfEveryFile edits the text of every content file of a
// copy of the real content in turn, a letter inside a word of its body,
// and checks that each live rebuild makes every file as a whole build
// does; then puts the file back. The edits stay inside words, so that
// none breaks a citation or the numbering of provisions.
func TestLiveRebuildOfEveryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole build per content file")
	}
	dir, l, _ := liveCopy(t)
	r, err := render.New()
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(os.DirFS(dir), "*/*.md")
	if err != nil {
		t.Fatal(err)
	}
	edited := 0
	for _, name := range files {
		file := filepath.Join(dir, filepath.FromSlash(name))
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		meta, body, ok := strings.Cut(string(src), "\n---\n")
		if !ok {
			continue
		}
		var next string
		for _, w := range [][2]string{{"tion", "tiom"}, {"ing", "img"}, {"ie", "ei"}} {
			if strings.Contains(body, w[0]) {
				next = meta + "\n---\n" + strings.Replace(body, w[0], w[1], 1)
				break
			}
		}
		if next == "" {
			continue
		}
		if err := os.WriteFile(file, []byte(next), 0o644); err != nil {
			t.Fatal(err)
		}
		u, err := l.Rebuild(nil)
		if err != nil {
			t.Fatalf("editing %s: %v", name, err)
		}
		t.Run(name, func(t *testing.T) { sameFiles(t, u.Files, wholeBuild(t, r, dir)) })
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := l.Rebuild(nil); err != nil {
			t.Fatal(err)
		}
		edited++
	}
	if edited < len(files)*9/10 {
		t.Errorf("edited %d of %d content files", edited, len(files))
	}
}
