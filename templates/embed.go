// Package templates holds the HTML templates of the site, embedded so that
// the protosite binary is the whole tool.
package templates

import "embed"

// FS holds every template file and, in i18n/, the interface strings of
// every language.
//
//go:embed *.html i18n/*.yaml
var FS embed.FS
