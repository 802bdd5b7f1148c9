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

// serveAPI answers GET /api/search with JSON. The language searched is
// lang: a language tag, "all" for every language, or, left out, the
// site's default language.
func (h *Handler) serveAPI(w http.ResponseWriter, r *http.Request, st *site) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if st.index == nil {
		writeJSONError(w, http.StatusNotFound, "this site was built without a search index")
		return
	}
	req, err := requestFrom(r.URL.Query(), "")
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

// requestFrom reads a search request from URL parameters; lang is the
// language searched when the parameters name none.
func requestFrom(v url.Values, lang string) (search.Request, error) {
	req := search.Request{
		Query:   v.Get("q"),
		Lang:    v.Get("lang"),
		Kind:    v.Get("kind"),
		Article: v.Get("article"),
		Country: v.Get("country"),
		Year:    v.Get("year"),
	}
	if req.Lang == "" {
		req.Lang = lang
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
// search works without JavaScript. The page searches its own language,
// which its form names, or every language with lang=all, and says so in
// its words, which its form carries too (searchForm).
func (h *Handler) serveSearchPage(w http.ResponseWriter, r *http.Request, page []byte, st *site) {
	v := r.URL.Query()
	f := readSearchForm(page)
	status := http.StatusOK
	var results, facets, msg, problem string
	if strings.TrimSpace(v.Get("q")) != "" && st.index != nil {
		req, err := requestFrom(v, f.lang)
		var res *search.Result
		if err != nil {
			err = &search.UserError{Msg: err.Error()}
		} else {
			res, err = st.index.Search(req)
		}
		switch {
		case err != nil && search.IsUserError(err):
			status = http.StatusBadRequest
			problem = f.problem(err.Error())
		case err != nil:
			h.logf("search %q: %v", req.Query, err)
			status = http.StatusServiceUnavailable
			msg = f.say("search_failed", "")
		default:
			results, facets, msg = f.render(res, v, r.URL.Path)
		}
	}
	page = fillElement(page, "search-results", ` data-server="1"`, results)
	page = fillElement(page, "search-facets", "", facets)
	statusHTML := html.EscapeString(msg)
	if problem != "" {
		statusHTML = problem
	}
	page = fillElement(page, "search-status", "", statusHTML)
	page = fillElement(page, "search-q", ` value="`+html.EscapeString(v.Get("q"))+`"`, "")
	page = fillElement(page, "search-form", ` data-api="`+apiFrom(r.URL.Path)+`"`, "")
	if v.Get("lang") == search.AllLanguages {
		page = fillElement(page, "search-all", ` checked`, "")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(page)
}

// render writes the hits and facets as HTML, every value escaped, with
// links from the page at path; a hit in another language than the page's
// is marked with its language and labelled with its name.
func (f *searchForm) render(res *search.Result, v url.Values, path string) (results, facets, status string) {
	var b strings.Builder
	for _, hit := range res.Hits {
		target := urls.Rel(path, hit.URL)
		page, frag, _ := strings.Cut(target, "#")
		href := page + "?hl=" + url.QueryEscape(v.Get("q"))
		if frag != "" {
			href += "#" + frag
		}
		attrs, label := "", ""
		if hit.Lang != "" && hit.Lang != f.lang {
			name := f.langs[hit.Lang]
			attrs = ` lang="` + html.EscapeString(hit.Lang) + `"`
			if name.Dir != "" {
				attrs += ` dir="` + html.EscapeString(name.Dir) + `"`
			}
			label = fmt.Sprintf(` <span class="hit-lang"%s>%s</span>`, attrs, html.EscapeString(cmpOr(name.Name, hit.Lang)))
		}
		hreflang := ""
		if attrs != "" {
			hreflang = ` hreflang="` + html.EscapeString(hit.Lang) + `"`
		}
		fmt.Fprintf(&b, `<li><a href="%s"%s%s>%s</a> <span class="hit-kind">%s</span>%s<p class="snippet"%s>%s</p></li>`,
			html.EscapeString(href), attrs, hreflang, html.EscapeString(hit.Title), html.EscapeString(hit.Kind), label, attrs, hit.Snippet)
	}
	var fb strings.Builder
	for _, field := range search.FacetFields {
		list := res.Facets[field]
		if len(list) == 0 {
			continue
		}
		fmt.Fprintf(&fb, `<h2>%s</h2><ul>`, html.EscapeString(f.say("search_facet_"+field, "")))
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
			fmt.Fprintf(&fb, `<li><a href="?%s"%s>%s</a> (%d)</li>`, html.EscapeString(q.Encode()), active, html.EscapeString(fc.Value), fc.Count)
		}
		fb.WriteString("</ul>")
	}
	if res.Total == 0 {
		status = f.say("search_no_results", v.Get("q"))
	} else {
		status = f.count("search_results", res.Total)
	}
	return b.String(), fb.String(), status
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// apiFrom is the search API's address relative to the search page at path,
// which is /search/ or a language's /xx/search/.
func apiFrom(path string) string {
	return urls.Rel(path, "/api/search")
}
