package e2e

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeDefault is where .ci/run installs axe-core from the npm registry,
// relative to this package's directory.
const axeDefault = "../../.cache/npm/node_modules/axe-core/axe.min.js"

// axeTimeout bounds one audit: axe checks every element of the page, and
// the comparison page has many.
const axeTimeout = 30 * time.Second

// axeSource returns the script of axe-core, from $PROTOSITE_AXE or where
// .ci/run installs it, skipping the test when there is none, except in CI.
func axeSource(t *testing.T) string {
	t.Helper()
	name := os.Getenv("PROTOSITE_AXE")
	if name == "" {
		name = axeDefault
	}
	src, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		msg := "no axe-core at " + name + `: run npm install --no-save --prefix "$PWD/.cache/npm" axe-core@4 at the root of the repository, or set PROTOSITE_AXE to axe.min.js`
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// axeViolation is one rule axe-core found broken, with the elements that
// break it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
	Summary string   `json:"summary"` // the failure summary of the first element
}

// runAxe runs axe-core on the page in the tab, audit rules of WCAG A and
// AA and best practices alike, and returns the violations.
const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	id: v.id,
	impact: v.impact || "",
	help: v.help,
	targets: v.nodes.map(n => n.target.join(" ")),
	summary: (v.nodes[0] && v.nodes[0].failureSummary || "").replace(/\s+/g, " "),
})))`

// axePages are the pages audited: one of each main kind, with the
// comparison view and search results, which scripts and the server fill in,
// in English and, with results in both languages, in Dutch, and the
// Offline copy page with the section its script shows.
var axePages = []string{
	"/",
	"/articles/6/",
	"/articles/6/compare/",
	"/search/?q=smuggling",
	"/nl/search/?q=smokkelen+protocol&lang=all",
	"/modules/criminalization-basics/",
	"/reading/?p=art_6__para_1__point_a,art_3__point_c,preamble__recital_2&t=Day+1",
	"/articles/6/parallel/",
	"/text/",
	"/embed/art_6__para_1__point_b/",
	"/offline/",
	"/offline/unsaved/",
}

// TestAccessibility audits pages of the served site with axe-core and
// fails on every violation of serious or critical impact; lesser ones are
// logged.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	axe := axeSource(t)
	srv := sharedServer(t)
	b := newBrowser(t)
	for _, p := range axePages {
		name := strings.TrimSuffix(strings.TrimPrefix(p, "/"), "/")
		if name == "" {
			name = "home"
		}
		t.Run(name, func(t *testing.T) {
			tab := newTab(t, b)
			do(t, tab, "opening "+p, chromedp.Navigate(srv.URL+p))
			if strings.Contains(p, "/search/?") && eval[int](t, tab, `document.querySelectorAll("#search-results > li").length`) == 0 {
				t.Fatalf("%s shows no results to audit", p)
			}
			// Evaluation through the DevTools protocol is not page script:
			// the page's Content-Security-Policy does not stop it.
			run(t, tab, "injecting axe-core", chromedp.Evaluate[chromedp.Void](axe+"\n;undefined"))
			ctx, cancel := context.WithTimeout(tab, axeTimeout)
			defer cancel()
			violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](runAxe, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("running axe on %s: %v", p, err)
			}
			for _, v := range violations {
				msg := fmt.Sprintf("%s: %s (%s): %s; elements: %s; first: %s", p, v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "), v.Summary)
				switch v.Impact {
				case "serious", "critical":
					t.Error(msg)
				default:
					t.Log(msg)
				}
			}
		})
	}
}
