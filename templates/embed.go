// Package templates holds the HTML templates of the site, embedded so that
// the protosite binary is the whole tool.
package templates

import "embed"

// FS holds every template file.
//
//go:embed *.html
var FS embed.FS
