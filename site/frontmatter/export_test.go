package frontmatter

import "protosite/site/diag"

// DiffDecode lets the tests of package frontmatter_test, which may import
// the content schema, compare the fast path with goccy.
var DiffDecode = diffDecode

// DecodeGoccy decodes as before the fast path, for benchmarks to compare.
func (f *File) DecodeGoccy(v any) (Fields, *diag.Error) { return f.decodeGoccy(v) }
