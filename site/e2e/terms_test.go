package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// definitionPieces is a JavaScript function of a provision id in article 3
// that fetches article 3 and returns the text of the provision and of each
// of its items, without their numbers and ¶ links, whitespace collapsed:
// what a term's popup must show.
const definitionPieces = `(id => fetch(new URL("/articles/3/", location.href)).then(r => r.text()).then(h => {
	const doc = new DOMParser().parseFromString(h, "text/html");
	const def = doc.getElementById(id);
	if (!def) { return []; }
	return [def, ...def.querySelectorAll(".provision[id]")].map(el => {
		const p = el.querySelector(":scope > p").cloneNode(true);
		p.querySelectorAll(".num, .pilcrow").forEach(x => x.remove());
		return p.textContent.replace(/\s+/g, " ").trim();
	});
}))`

// tooltip describes the popup of defined terms and the link it is for.
type tooltip struct {
	Exists  bool   `json:"exists"`
	Visible bool   `json:"visible"`
	ID      string `json:"id"`
	Text    string `json:"text"`
}

// readTooltip reads the page's popup of defined terms.
const readTooltip = `(() => {
	const tip = document.querySelector("[role=tooltip]");
	if (!tip) { return {exists: false, visible: false, id: "", text: ""}; }
	const visible = !tip.hidden && tip.getClientRects().length > 0 && getComputedStyle(tip).visibility !== "hidden";
	return {exists: true, visible, id: tip.id, text: tip.textContent.replace(/\s+/g, " ").trim()};
})()`

// tipVisible says whether the popup of defined terms is shown.
const tipVisible = `(() => { const t = document.querySelector("[role=tooltip]"); return !!t && !t.hidden && t.getClientRects().length > 0; })()`

// firstTerm selects the first defined term linked on a page.
const firstTerm = `main a.term`

// checkDefinition checks that the popup shows the whole definition of the
// term, as article 3 words it.
func checkDefinition(t *testing.T, tab context.Context, term string, tip tooltip) {
	t.Helper()
	pieces := eval[[]string](t, tab, fmt.Sprintf("%s(%q)", definitionPieces, term))
	if len(pieces) == 0 {
		t.Fatalf("article 3 has no provision %s, which a term links to", term)
	}
	if !strings.Contains(pieces[0], "shall mean") {
		t.Errorf("the definition %s reads %q: want a definition, with \"shall mean\"", term, pieces[0])
	}
	for _, p := range pieces {
		if !strings.Contains(tip.Text, p) {
			t.Errorf("the popup of %s reads %q: want it to contain %q from article 3", term, tip.Text, p)
		}
	}
}

// TestDefinedTermPopups checks the popups of defined terms: shown on hover
// and on keyboard focus with the definition from article 3, described to
// assistive technology, and hidden again on leaving or Escape; without
// JavaScript a term is a plain link to its definition.
func TestDefinedTermPopups(t *testing.T) {
	t.Parallel()
	srv := sharedServer(t)
	b := newBrowser(t)
	page := srv.URL + "/articles/6/"

	openArticle := func(t *testing.T, tab context.Context) string {
		t.Helper()
		do(t, tab, "opening "+page, chromedp.Navigate(page))
		if !settle(t, tab, `document.querySelector("[role=tooltip]") !== null`, true) {
			t.Fatal("articles/6/ has no [role=tooltip] element for its defined terms: terms.js did not run")
		}
		term := eval[string](t, tab, `document.querySelector("`+firstTerm+`")?.getAttribute("data-term") ?? ""`)
		if term == "" {
			t.Fatal("articles/6/ links no defined term")
		}
		return term
	}

	t.Run("hover", func(t *testing.T) {
		tab := newTab(t, b)
		term := openArticle(t, tab)
		if tip := eval[tooltip](t, tab, readTooltip); tip.Visible {
			t.Fatalf("the popup is shown before any hover: %q", tip.Text)
		}
		do(t, tab, "scrolling the first term into view", chromedp.ScrollIntoView(chromedp.CSS(firstTerm)))
		// The middle of the link's first line box: a link that wraps has
		// a bounding box whose middle may be outside it.
		at := eval[struct{ X, Y float64 }](t, tab, `(() => {
			const r = document.querySelector("`+firstTerm+`").getClientRects()[0];
			return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
		})()`)
		do(t, tab, "moving the mouse over the first term", chromedp.MouseEvent(chromedp.MouseMoved, at.X, at.Y))
		if !settle(t, tab, tipVisible, true) {
			t.Fatal("hovering a defined term shows no popup")
		}
		tip := eval[tooltip](t, tab, readTooltip)
		checkDefinition(t, tab, term, tip)

		do(t, tab, "moving the mouse away", chromedp.MouseEvent(chromedp.MouseMoved, 1, 1))
		if settle(t, tab, tipVisible, false) {
			t.Error("the popup is still shown after the mouse left the term")
		}
	})

	t.Run("keyboard", func(t *testing.T) {
		tab := newTab(t, b)
		term := openArticle(t, tab)
		// Tab through the page as a keyboard user does until a term has
		// the focus.
		const focusedTerm = `document.activeElement?.matches("a.term") ?? false`
		for i := 0; ; i++ {
			if i == 300 {
				t.Fatal("300 presses of Tab did not reach a defined term")
			}
			do(t, tab, "pressing Tab", chromedp.KeyEvent(kb.Tab))
			if eval[bool](t, tab, focusedTerm) {
				break
			}
		}
		if got := eval[string](t, tab, `document.activeElement.getAttribute("data-term")`); got != term {
			t.Errorf("the first term reached with Tab is %s, want the first on the page, %s", got, term)
			term = got
		}
		if !settle(t, tab, tipVisible, true) {
			t.Fatal("focusing a defined term with the keyboard shows no popup")
		}
		tip := eval[tooltip](t, tab, readTooltip)
		checkDefinition(t, tab, term, tip)
		if tip.ID == "" {
			t.Error("the popup has no id, so nothing can point at it with aria-describedby")
		}
		if got := eval[string](t, tab, `document.activeElement.getAttribute("aria-describedby") ?? ""`); got != tip.ID || got == "" {
			t.Errorf("the focused term has aria-describedby %q, want the popup's id %q", got, tip.ID)
		}

		do(t, tab, "pressing Escape", chromedp.KeyEvent(kb.Escape))
		if settle(t, tab, tipVisible, false) {
			t.Error("the popup is still shown after Escape")
		}
		if got := eval[string](t, tab, `document.activeElement.getAttribute("aria-describedby") ?? ""`); got != "" {
			t.Errorf("after Escape the term still has aria-describedby %q, pointing at a hidden popup", got)
		}
		if !eval[bool](t, tab, focusedTerm) {
			t.Error("Escape moved the focus away from the term")
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening article 6 without JavaScript", disableScripts, chromedp.Navigate(page))
		term := eval[string](t, tab, `document.querySelector("`+firstTerm+`")?.getAttribute("data-term") ?? ""`)
		if term == "" {
			t.Fatal("articles/6/ links no defined term")
		}
		if eval[bool](t, tab, `document.querySelector("[role=tooltip]") !== null`) {
			t.Error("without JavaScript the page has a [role=tooltip], which nothing can show")
		}
		if eval[bool](t, tab, `(() => { const d = document.getElementById("term-definitions"); return !!d && d.getClientRects().length > 0; })()`) {
			t.Error("without JavaScript the definitions for the popups are shown on the page")
		}
		if !strings.HasPrefix(term, "art_3__point_") {
			t.Errorf("the first term is defined by %s, want a point of article 3", term)
		}
		want := srv.URL + "/articles/3/#" + term
		if got := eval[string](t, tab, `document.querySelector("`+firstTerm+`").href`); got != want {
			t.Errorf("the first term links to %s, want %s", got, want)
		}
		clickAndWaitForLoad(t, tab, chromedp.CSS(firstTerm))
		if got := eval[string](t, tab, `location.href`); got != want {
			t.Errorf("following the first term leads to %s, want %s", got, want)
		}
		if got := eval[string](t, tab, `document.querySelector(":target")?.id ?? ""`); got != term {
			t.Errorf("following the first term, the :target element is %q, want %s", got, term)
		}
	})
}
