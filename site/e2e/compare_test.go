package e2e

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// countryRows describes, for the comparison page, which elements carrying a
// country (the national provisions and the rows of the table of elements)
// are shown and which hidden, by country code.
type countryRows struct {
	Shown  map[string]int `json:"shown"`
	Hidden map[string]int `json:"hidden"`
}

// readCountryRows counts the shown and hidden elements of each country on
// the comparison page: a national provision in the provision-by-provision
// list or a row of the table of elements.
const readCountryRows = `(() => {
	const out = {shown: {}, hidden: {}};
	for (const el of document.querySelectorAll(".compare-national li[data-country], table.elements tr[data-country]")) {
		const c = el.getAttribute("data-country");
		const m = el.getClientRects().length > 0 ? out.shown : out.hidden;
		m[c] = (m[c] || 0) + 1;
	}
	return out;
})()`

// checkedCountries lists the country codes whose box is checked in the
// comparison page's filter, in the order of the boxes.
const checkedCountries = `[...document.querySelectorAll("#compare-filter input[name=country]")].filter(b => b.checked).map(b => b.value)`

// filterShown says whether the comparison filter is visible.
const filterShown = `(() => { const f = document.getElementById("compare-filter"); return !!f && f.getClientRects().length > 0; })()`

// checkOnlyCountries checks that the comparison page in tab shows the
// national provisions of the countries in want, each at least once, and
// hides those of every other country.
func checkOnlyCountries(t *testing.T, tab context.Context, want []string) {
	t.Helper()
	rows := eval[countryRows](t, tab, readCountryRows)
	for c, n := range rows.Shown {
		if !slices.Contains(want, c) {
			t.Errorf("%d elements of country %s are shown, want them hidden: only %s are selected", n, c, strings.Join(want, ","))
		}
	}
	for _, c := range want {
		if rows.Shown[c] == 0 {
			t.Errorf("no national provision of country %s is shown, want them shown: it is selected", c)
		}
		if n := rows.Hidden[c]; n != 0 {
			t.Errorf("%d elements of country %s are hidden, want all of them shown: it is selected", n, c)
		}
	}
	hidden := 0
	for _, n := range rows.Hidden {
		hidden += n
	}
	if hidden == 0 {
		t.Errorf("no national provision is hidden after selecting %s alone", strings.Join(want, ","))
	}
}

// TestCompareFilter checks the country filter of the comparison view: it
// hides the national provisions of the countries unchecked, keeps the
// selection in the address, and restores it from there; without
// JavaScript there is no filter and every country is shown.
func TestCompareFilter(t *testing.T) {
	t.Parallel()
	srv := sharedServer(t)
	b := newBrowser(t)
	page := srv.URL + "/articles/6/compare/"

	// The address the first subtest ends at, which the second opens.
	var address string
	var keep []string

	t.Run("select two countries", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening "+page, chromedp.Navigate(page))
		if !settle(t, tab, filterShown, true) {
			t.Fatal("the country filter is not shown with JavaScript on")
		}
		all := eval[[]string](t, tab, checkedCountries)
		if len(all) < 3 {
			t.Fatalf("the filter has %d countries checked at first, want every country (at least 3): %q", len(all), all)
		}
		// Keep the second and the last, so that the address must list
		// them in the filter's order, not the order they were kept in.
		keep = []string{all[1], all[len(all)-1]}
		var others []string
		for _, c := range all {
			if !slices.Contains(keep, c) {
				others = append(others, c)
			}
		}
		// Uncheck the others by clicking, except the last one, which is
		// unchecked from the keyboard as a reader tabbing through would.
		for _, c := range others[:len(others)-1] {
			box := chromedp.CSS(fmt.Sprintf(`#compare-filter input[name=country][value=%q]`, c))
			do(t, tab, "clicking the box of "+c, chromedp.Click(box))
		}
		last := others[len(others)-1]
		do(t, tab, "unchecking "+last+" with the space bar",
			chromedp.Focus(chromedp.CSS(fmt.Sprintf(`#compare-filter input[name=country][value=%q]`, last))),
			chromedp.KeyEvent(" "))

		if got := eval[[]string](t, tab, checkedCountries); !slices.Equal(got, keep) {
			t.Fatalf("checked countries are %q, want %q", got, keep)
		}
		checkOnlyCountries(t, tab, keep)
		want := "?countries=" + strings.Join(keep, ",")
		if got := settle(t, tab, `location.search`, want); got != want {
			t.Errorf("location.search is %q, want %q", got, want)
		}
		address = eval[string](t, tab, `location.href`)
		if got := eval[string](t, tab, `location.pathname`); got != "/articles/6/compare/" {
			t.Errorf("location.pathname is %q after filtering, want /articles/6/compare/", got)
		}
	})

	t.Run("shared address", func(t *testing.T) {
		if address == "" {
			t.Skip("no address: selecting failed")
		}
		tab := newTab(t, b)
		do(t, tab, "opening "+address, chromedp.Navigate(address))
		if !settle(t, tab, filterShown, true) {
			t.Fatal("the country filter is not shown with JavaScript on")
		}
		if got := eval[[]string](t, tab, checkedCountries); !slices.Equal(got, keep) {
			t.Errorf("opening %s checks countries %q, want %q", address, got, keep)
		}
		checkOnlyCountries(t, tab, keep)
		want := "?countries=" + strings.Join(keep, ",")
		if got := eval[string](t, tab, `location.search`); got != want {
			t.Errorf("location.search is %q after opening the shared address, want it kept: %q", got, want)
		}

		// All brings every country back and drops the parameter.
		do(t, tab, "clicking All", chromedp.Click(chromedp.CSS(`#compare-filter button[data-select=all]`)))
		if rows := eval[countryRows](t, tab, readCountryRows); len(rows.Hidden) != 0 {
			t.Errorf("after clicking All, elements of %d countries are still hidden: %v", len(rows.Hidden), rows.Hidden)
		}
		if got := settle(t, tab, `location.search`, ""); got != "" {
			t.Errorf("after clicking All, location.search is %q, want none", got)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		tab := newTab(t, b)
		// Even with a selection in the address every country is shown:
		// nothing could apply it.
		do(t, tab, "opening the comparison without JavaScript", disableScripts, chromedp.Navigate(page+"?countries=AUS"))
		if eval[bool](t, tab, filterShown) {
			t.Error("the country filter is shown without JavaScript, where it cannot work")
		}
		rows := eval[countryRows](t, tab, readCountryRows)
		if len(rows.Hidden) != 0 {
			t.Errorf("without JavaScript, elements of some countries are hidden: %v", rows.Hidden)
		}
		if len(rows.Shown) < 3 {
			t.Errorf("without JavaScript, elements of %d countries are shown, want every country's (at least 3): %v", len(rows.Shown), rows.Shown)
		}
	})
}
