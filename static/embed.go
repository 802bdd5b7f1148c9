// Package static holds the site's stylesheet and script, embedded so that
// the protosite binary is the whole tool.
package static

import "embed"

// FS holds every static file; engine/ holds the parts of search.js, which
// SearchEngine joins.
//
//go:embed *.css *.js *.svg engine/*.js
var FS embed.FS
