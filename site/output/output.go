// Package output holds the type every stage uses for the files it
// produces, so that stages hand files to the writer without knowing each
// other.
package output

// File is one output file.
type File struct {
	Path string // slash-separated path inside the output directory
	Data []byte // its contents
}
