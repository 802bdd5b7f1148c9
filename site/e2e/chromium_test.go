package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// browserTimeout bounds each browser test, so that a stuck page or browser
// fails the test instead of hanging the run.
const browserTimeout = 60 * time.Second

// stepTimeout bounds one step in a tab. Queries wait for their element to
// appear, so a missing element would otherwise use up browserTimeout.
const stepTimeout = 10 * time.Second

// chromiumPath finds a Chromium or Chrome binary, skipping the test when
// there is none, except in CI, where a missing browser must not pass
// unnoticed.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found (tried chromium, chromium-browser, google-chrome): CI must run the browser tests")
	}
	t.Skip("no Chromium: install Debian package chromium")
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile for one test
// function and returns its context; subtests open tabs in it with newTab.
// The browser is shut down, and its profile removed, when the test ends.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := chromiumPath(t)
	profile := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		// Nothing but the test server should be contacted.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), browserTimeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	// Start the browser now, so that a failure to start is reported here.
	if err := chromedp.Do(browserCtx); err != nil {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
		t.Fatalf("starting %s: %v", exe, err)
	}
	// Registered after t.TempDir, so this runs first: Chromium must be gone
	// before its profile directory is removed.
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		if c := chromedp.FromContext(browserCtx); c != nil && c.Allocator != nil {
			c.Allocator.Wait()
		}
		cancelTimeout()
	})
	return browserCtx
}

// newTab opens a tab in the browser of ctx and closes it when the test
// ends. When the test fails, or when PROTOSITE_SCREENSHOTS names a
// directory, it first saves a screenshot of the tab.
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	// Open the tab with its own context: the first run on a context binds
	// the tab's life to the context of that call, which must not be a
	// step's short timeout.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	t.Cleanup(func() {
		screenshot(t, ctx)
		cancel()
	})
	return ctx
}

// run runs one action in the tab and returns its value, failing the test
// if it fails or takes longer than stepTimeout.
func run[T any](t *testing.T, tab context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// do runs actions that return nothing in the tab, like run.
func do(t *testing.T, tab context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	run(t, tab, what, chromedp.Steps(steps...))
}

// eval evaluates a JavaScript expression in the tab's page. It works with
// the page's scripts disabled too: DevTools evaluation is not page script.
func eval[T any](t *testing.T, tab context.Context, expr string) T {
	t.Helper()
	return run(t, tab, "evaluating "+expr, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// settle waits, up to stepTimeout, until the JavaScript expression expr
// gives want, and returns the last value it gave. It is for effects that
// follow a click asynchronously, such as a hash change or a clipboard
// write; the caller compares the result with want to report a failure.
func settle[T comparable](t *testing.T, tab context.Context, expr string, want T) T {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for {
		got := eval[T](t, tab, expr)
		if got == want || time.Now().After(deadline) {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// clickAndWaitForLoad clicks an element that leads to another page and
// waits until that page has loaded.
func clickAndWaitForLoad[S chromedp.Selectable](t *testing.T, tab context.Context, sel S) {
	t.Helper()
	run(t, tab, fmt.Sprintf("clicking %v and waiting for the next page", sel),
		chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(sel)))
}

// screenshot saves what the tab shows as a PNG named after the test, into
// $PROTOSITE_SCREENSHOTS if set, or else into t.TempDir() when the test
// failed (which is removed after the test: set PROTOSITE_SCREENSHOTS to
// keep it).
func screenshot(t *testing.T, tab context.Context) {
	dir := os.Getenv("PROTOSITE_SCREENSHOTS")
	if dir == "" {
		if !t.Failed() {
			return
		}
		dir = t.TempDir()
	}
	if tab.Err() != nil {
		t.Logf("no screenshot: %v", tab.Err())
		return
	}
	png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("no screenshot: %v", err)
		return
	}
	name := filepath.Join(dir, strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())+".png")
	if err := os.WriteFile(name, png, 0o644); err != nil {
		t.Logf("no screenshot: %v", err)
		return
	}
	t.Logf("screenshot: %s", name)
}
