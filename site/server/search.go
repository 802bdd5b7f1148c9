package server

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"protosite/site/search"
	"protosite/site/urls"
)

// searchPath is where the search page is.
const searchPath = "/search/"

// serveAPI answers GET /api/search with JSON.
func (h *Handler) serveAPI(w http.ResponseWriter, r *http.Request, st *site) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if st.index == nil {
		writeJSONError(w, http.StatusNotFound, "this site was built without a search index")
		return
	}
	req, err := requestFrom(r.URL.Query())
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := st.index.Search(req)
	if err != nil {
		if search.IsUserError(err) {
			writeJSONError(w, http.StatusBadRequest, err.Error())
			return
		}
		h.logf("search %q: %v", req.Query, err)
		writeJSONError(w, http.StatusServiceUnavailable, "search failed; try again")
		return
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(res)
}

func writeJSONError(w http.ResponseWriter, status int, msg string) {
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// requestFrom reads a search request from URL parameters.
func requestFrom(v url.Values) (search.Request, error) {
	req := search.Request{
		Query:   v.Get("q"),
		Kind:    v.Get("kind"),
		Article: v.Get("article"),
		Country: v.Get("country"),
		Year:    v.Get("year"),
	}
	for name, dst := range map[string]*int{"from": &req.From, "size": &req.Size} {
		if s := v.Get(name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return req, fmt.Errorf("%s must be a whole number", name)
			}
			*dst = n
		}
	}
	return req, nil
}

// serveSearchPage renders results into the built search page, so that
// search works without JavaScript.
func (h *Handler) serveSearchPage(w http.ResponseWriter, r *http.Request, page []byte, st *site) {
	v := r.URL.Query()
	status := http.StatusOK
	var results, facets, msg string
	if strings.TrimSpace(v.Get("q")) != "" && st.index != nil {
		req, err := requestFrom(v)
		var res *search.Result
		if err == nil {
			res, err = st.index.Search(req)
		}
		switch {
		case err != nil && (search.IsUserError(err) || strings.Contains(err.Error(), "must be")):
			status = http.StatusBadRequest
			msg = err.Error()
		case err != nil:
			h.logf("search %q: %v", req.Query, err)
			status = http.StatusServiceUnavailable
			msg = "Search failed; try again."
		default:
			results, facets, msg = renderResults(res, v)
		}
	}
	page = fillElement(page, "search-results", ` data-server="1"`, results)
	page = fillElement(page, "search-facets", "", facets)
	page = fillElement(page, "search-status", "", html.EscapeString(msg))
	page = fillElement(page, "search-q", ` value="`+html.EscapeString(v.Get("q"))+`"`, "")
	page = fillElement(page, "search-form", ` data-api="`+apiFrom(r.URL.Path)+`"`, "")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(page)
}

// renderResults writes the hits and facets as HTML, every value escaped.
func renderResults(res *search.Result, v url.Values) (results, facets, status string) {
	var b strings.Builder
	for _, hit := range res.Hits {
		target := urls.Rel(searchPath, hit.URL)
		page, frag, _ := strings.Cut(target, "#")
		href := page + "?hl=" + url.QueryEscape(v.Get("q"))
		if frag != "" {
			href += "#" + frag
		}
		fmt.Fprintf(&b, `<li><a href="%s">%s</a> <span class="hit-kind">%s</span><p class="snippet">%s</p></li>`,
			html.EscapeString(href), html.EscapeString(hit.Title), html.EscapeString(hit.Kind), hit.Snippet)
	}
	var f strings.Builder
	for _, field := range search.FacetFields {
		list := res.Facets[field]
		if len(list) == 0 {
			continue
		}
		fmt.Fprintf(&f, `<h2>%s</h2><ul>`, html.EscapeString(facetTitle(field)))
		for _, fc := range list {
			q := url.Values{}
			for k, vals := range v {
				q[k] = vals
			}
			q.Set(field, fc.Value)
			q.Del("from")
			active := ""
			if v.Get(field) == fc.Value {
				active = ` class="active" aria-current="true"`
			}
			fmt.Fprintf(&f, `<li><a href="?%s"%s>%s</a> (%d)</li>`, html.EscapeString(q.Encode()), active, html.EscapeString(fc.Value), fc.Count)
		}
		f.WriteString("</ul>")
	}
	switch res.Total {
	case 0:
		status = "No results for " + strconv.Quote(v.Get("q")) + "."
	case 1:
		status = "1 result."
	default:
		status = strconv.FormatUint(res.Total, 10) + " results."
	}
	return b.String(), f.String(), status
}

func facetTitle(field string) string {
	switch field {
	case search.FieldKind:
		return "Kind"
	case search.FieldArticles:
		return "Article"
	case search.FieldCountry:
		return "Country"
	case search.FieldYear:
		return "Year"
	}
	return field
}

// apiFrom is the search API's address relative to the search page at path,
// which is /search/ or a language's /xx/search/.
func apiFrom(path string) string {
	return urls.Rel(path, "/api/search")
}
