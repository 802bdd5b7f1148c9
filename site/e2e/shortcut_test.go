package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// pressSlash presses "/" as a keyboard does: one key-down event that
// carries the character, so that a page cancelling the key-down keeps the
// character out of the focused field, as in a browser a person types
// into. (chromedp.KeyEvent sends the character as a separate event, which
// no handler can cancel.)
var pressSlash = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	key := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", UnmodifiedText: "/", WindowsVirtualKeyCode: 191}
	if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, key); err != nil {
		return err
	}
	key.Type, key.Text, key.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
	_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, key)
	return err
})

// TestSlashFocusesSearch checks that "/" moves the focus to the page's
// search box, and that a "/" typed into a field stays in that field.
func TestSlashFocusesSearch(t *testing.T) {
	t.Parallel()
	srv, _ := serveRealSite(t)
	b := newBrowser(t)
	const focused = `document.activeElement ? document.activeElement.id : ""`

	for _, c := range []struct{ name, path, want string }{
		{"an article", "/articles/6/", "header-q"},
		{"the search page", "/search/", "search-q"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab := newTab(t, b)
			do(t, tab, "opening "+c.path, chromedp.Navigate(srv.URL+c.path))
			if got := eval[string](t, tab, focused); got == c.want {
				t.Fatalf("%s has the focus before any key is pressed", c.want)
			}
			do(t, tab, `pressing "/"`, pressSlash)
			if got := settle(t, tab, focused, c.want); got != c.want {
				t.Errorf(`after "/", the focus is on %q, want %s`, got, c.want)
			}
			if got := eval[string](t, tab, `document.getElementById("`+c.want+`").value`); got != "" {
				t.Errorf(`the search box holds %q after "/", want it empty`, got)
			}
		})
	}

	t.Run("typed into the go-to box", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "typing 6/1 into the go-to box", chromedp.Navigate(srv.URL+"/articles/6/"),
			chromedp.Focus(chromedp.CSS("#header-c")), chromedp.KeyEvent("6"), pressSlash, chromedp.KeyEvent("1"))
		if got := eval[string](t, tab, focused); got != "header-c" {
			t.Errorf(`after "/" in the go-to box, the focus is on %q, want header-c`, got)
		}
		if got := eval[string](t, tab, `document.getElementById("header-c").value`); got != "6/1" {
			t.Errorf("the go-to box holds %q, want 6/1", got)
		}
	})
}
