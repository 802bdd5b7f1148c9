package opendata

import (
	"os"
	"testing"
	"time"

	"protosite/site/content"
)

func TestAdoptionFromAboutPage(t *testing.T) {
	s, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	a, ok := findAdoption(s)
	if !ok {
		t.Fatal("no page states the resolution that adopted the treaty: the AKN identification falls back to /akn/un/act/protocol")
	}
	if a.symbol != "A/RES/55/25" || !a.date.Equal(time.Date(2000, 11, 15, 0, 0, 0, 0, time.UTC)) || a.annex != "III" {
		t.Errorf("adoption = %+v", a)
	}
	if got, want := a.workURI(true), "/akn/un/act/2000-11-15/a-res-55-25-annex-iii"; got != want {
		t.Errorf("work URI %q, want %q", got, want)
	}
	if got := (adoption{symbol: "A/RES/1/2", date: a.date}).workURI(true); got != "/akn/un/act/2000-11-15/a-res-1-2" {
		t.Errorf("work URI without annex: %q", got)
	}
	if got := (adoption{}).workURI(false); got != "/akn/un/act/protocol" {
		t.Errorf("work URI when unknown: %q", got)
	}
}
