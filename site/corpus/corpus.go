// Package corpus writes content directories for benchmarks: the real
// Protocol and settings, with a given number of synthetic legislation
// documents. The synthetic documents say on their face that they are
// synthetic; they exist to measure speed and size, never to be published.
package corpus

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"
)

// Generate copies the settings, countries, Protocol and pages of the
// content directory src into dst, and adds n synthetic legislation
// documents. The same n always gives the same files.
func Generate(src, dst string, n int) error {
	for _, dir := range []string{"protocol", "pages"} {
		if err := copyDir(filepath.Join(src, dir), filepath.Join(dst, dir)); err != nil {
			return err
		}
	}
	for _, f := range []string{"site.yaml", "countries.yaml"} {
		if err := copyFile(filepath.Join(src, f), filepath.Join(dst, f)); err != nil {
			return err
		}
	}
	words, err := vocabulary(filepath.Join(src, "protocol"))
	if err != nil {
		return err
	}
	countries, err := countryCodes(filepath.Join(src, "countries.yaml"))
	if err != nil {
		return err
	}
	dir := filepath.Join(dst, "legislation")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("syn-%05d.md", i))
		if err := os.WriteFile(name, []byte(document(i, rng, words, countries)), 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	return nil
}

// provisions the synthetic documents cite: real ones, so citations resolve.
var targets = []string{"art. 6(1)(a)", "art. 6(1)(b)(i)", "art. 6(1)(c)", "art. 6(2)(b)", "art. 6(3)(a)", "art. 6(3)(b)", "art. 5", "art. 8(6)", "art. 11(3)", "art. 16(1)", "art. 18(1)", "art. 3(a)", "art. 10(1)", "art. 14(1)", "art. 15(3)"}

// document writes one synthetic law with four provisions and a body.
func document(i int, rng *rand.Rand, words, countries []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Synthetic benchmark act %d\"\ncountry: %s\nyear: %d\nsource: https://example.org/synthetic/%d\nstatus: in-force\n", i, countries[rng.IntN(len(countries))], 1990+rng.IntN(35), i)
	b.WriteString("provisions:\n")
	for p := range 4 {
		fmt.Fprintf(&b, "  - id: s%d\n    label: \"s. %d\"\n    implements: [%q]\n    summary: %q\n    summary_source: https://example.org/synthetic/%d\n",
			p+1, p+1, targets[rng.IntN(len(targets))], sentence(rng, words, 40), i)
	}
	b.WriteString("---\n\nThis document is synthetic: generated text for measuring the build, not law.\n\n")
	for range 3 {
		b.WriteString(sentence(rng, words, 60))
		b.WriteString("\n\n")
	}
	fmt.Fprintf(&b, "It is said to implement %s.\n", targets[rng.IntN(len(targets))])
	return b.String()
}

// sentence strings n words of the Protocol together.
func sentence(rng *rand.Rand, words []string, n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = words[rng.IntN(len(words))]
	}
	return strings.ToUpper(out[0][:1]) + strings.Join(out, " ")[1:] + "."
}

// vocabulary returns the distinct lower-case words of the Protocol, in order
// of first appearance, so that synthetic text uses real vocabulary.
func vocabulary(dir string) ([]string, error) {
	seen := map[string]bool{}
	var words []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, w := range strings.FieldsFunc(string(data), func(r rune) bool { return !('a' <= r && r <= 'z') }) {
			if len(w) > 2 && !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
		return nil
	})
	if len(words) == 0 && err == nil {
		err = fmt.Errorf("no words in %s", dir)
	}
	return words, err
}

func countryCodes(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var list []struct {
		Code string `yaml:"code"`
	}
	if err := yaml.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var codes []string
	for _, c := range list {
		codes = append(codes, c.Code)
	}
	if len(codes) == 0 {
		return nil, fmt.Errorf("no country codes in %s", path)
	}
	return codes, nil
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
