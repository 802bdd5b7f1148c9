package output

import "path"

// compressible are the kinds of file worth sending compressed: text.
var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".svg": true, ".json": true, ".xml": true, ".csv": true, ".txt": true}

// Compressible reports whether the file at p is text worth sending
// compressed.
func Compressible(p string) bool { return compressible[path.Ext(p)] }
