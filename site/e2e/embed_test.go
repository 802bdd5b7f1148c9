package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestEmbedInAnotherSite frames pages of the site in a page of another
// origin, as a course or a national guide would: an embedded provision
// shows, and an article page is refused.
func TestEmbedInAnotherSite(t *testing.T) {
	t.Parallel()
	srv, _ := serveRealSite(t)
	course := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><title>A course</title>
<iframe name="provision" title="art. 6(1)(a)" src="%[1]s/embed/art_6__para_1__point_a/"></iframe>
<iframe name="article" title="art. 6" src="%[1]s/articles/6/"></iframe>`, srv.URL)
	}))
	t.Cleanup(course.Close)
	b := newBrowser(t)
	tab := newTab(t, b)
	do(t, tab, "opening a course page of another origin that frames the site", chromedp.Navigate(course.URL))

	// frames lists the page's frames by name once both have loaded or
	// failed.
	var frames map[string]*cdp.Frame
	deadline := time.Now().Add(10 * time.Second)
	for {
		frames = map[string]*cdp.Frame{}
		do(t, tab, "reading the frame tree", chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
			res, err := cdp.Call(ctx, target, page.GetFrameTree, cdp.Empty{})
			if err != nil {
				return err
			}
			for _, c := range res.FrameTree.ChildFrames {
				frames[c.Frame.Name] = c.Frame
			}
			return nil
		}))
		p, a := frames["provision"], frames["article"]
		if p != nil && a != nil && p.URL != "" && p.URL != "about:blank" && a.URL != "" && a.URL != "about:blank" || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if f := frames["provision"]; f == nil || f.URL != srv.URL+"/embed/art_6__para_1__point_a/" || f.UnreachableURL != "" {
		t.Errorf("the embedded provision's frame is %+v, want it loaded from %s/embed/art_6__para_1__point_a/", f, srv.URL)
	}
	if f := frames["article"]; f == nil || f.URL == srv.URL+"/articles/6/" && f.UnreachableURL == "" {
		t.Errorf("the article page's frame is %+v, want it refused", f)
	}
}
