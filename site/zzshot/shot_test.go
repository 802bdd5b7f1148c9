package zzshot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

func TestShots(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir("/tmp/pub1")))
	defer srv.Close()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	shots := []struct {
		url, file, media string
		w, h             int64
	}{
		{"/articles/6/handout/", "/tmp/s-handout-print.png", "print", 794, 1123},
		{"/modules/criminalization-basics/handout/", "/tmp/s-mod-handout-print.png", "print", 794, 1123},
		{"/modules/criminalization-basics/present/", "/tmp/s-mod-present.png", "", 1280, 800},
		{"/modules/criminalization-basics/present/#slide-2", "/tmp/s-mod-present2.png", "", 1280, 800},
		{"/articles/6/present/#slide-4", "/tmp/s-art-present4.png", "", 1280, 800},
		{"/modules/", "/tmp/s-modules.png", "", 1000, 1400},
	}
	for _, s := range shots {
		media := s.media
		_, err := chromedp.Run(ctx, chromedp.Steps(
			chromedp.EmulateViewport(s.w, s.h),
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
				return err
			}),
			chromedp.Navigate(srv.URL+s.url),
		))
		if err != nil {
			t.Fatal(err)
		}
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		full, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(s.file, buf, 0o644)
		os.WriteFile(s.file+".full.png", full, 0o644)
	}
}
