// Package static holds the site's stylesheet and script, embedded so that
// the protosite binary is the whole tool.
package static

import "embed"

// FS holds every static file.
//
//go:embed *.css *.js
var FS embed.FS
