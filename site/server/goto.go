package server

import (
	"bytes"
	"html"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"protosite/site/akn"
	"protosite/site/urls"
)

// serveGoto redirects /goto/?c=6(1)(a) to the provision, so that the
// go-to box works without JavaScript. An unknown citation gets the goto
// page with a message and status 404.
func (h *Handler) serveGoto(w http.ResponseWriter, r *http.Request, page []byte, st *site) {
	c := r.URL.Query().Get("c")
	id, err := akn.ParseCitation(c)
	if err != nil {
		msg := err.Error()
		if invalid := elementAttr(page, "goto-main-status", "data-invalid"); invalid != "" {
			msg = invalid + " (“" + c + "”)"
		}
		h.gotoPage(w, page, http.StatusBadRequest, msg)
		return
	}
	// The goto page of a language leads to that language's pages.
	from := r.URL.Path
	prefix := strings.TrimSuffix(from, "goto/")
	target := strings.TrimSuffix(prefix, "/") + pageOf(id)
	body, err := fs.ReadFile(st.root, urls.File(target))
	if err != nil && prefix != "/" {
		target = pageOf(id)
		body, err = fs.ReadFile(st.root, urls.File(target))
	}
	if err != nil || (len(id.Parts) > 0 && !bytes.Contains(body, []byte(`id="`+id.String()+`"`))) {
		msg := "No provision " + id.Label() + " in the Protocol."
		if missing := elementAttr(page, "goto-main-status", "data-missing"); missing != "" {
			msg = strings.ReplaceAll(missing, "{citation}", id.Label())
		}
		h.gotoPage(w, page, http.StatusNotFound, msg)
		return
	}
	if len(id.Parts) > 0 {
		target += "#" + id.String()
	}
	// A relative Location keeps the redirect right when the site is
	// served below a sub-path by a proxy; http.Redirect would make it
	// absolute.
	w.Header().Set("Location", urls.Rel(from, target))
	w.WriteHeader(http.StatusFound)
}

// pageOf returns the page that holds a provision.
func pageOf(id akn.ID) string {
	if id.Preamble {
		return "/preamble/"
	}
	return "/articles/" + strconv.Itoa(id.Article) + "/"
}

func (h *Handler) gotoPage(w http.ResponseWriter, page []byte, status int, msg string) {
	page = fillElement(page, "goto-main-status", "", html.EscapeString(msg))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(page)
}
