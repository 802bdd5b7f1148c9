package provision

import (
	"bytes"
	"strings"
)

// The txtar packages available need golang.org/x/tools, which this module's
// go.sum does not pin, so the tests read the format themselves: a comment,
// then files each introduced by a "-- name --" line.

// archive is a parsed txtar file.
type archive struct {
	comment []byte
	files   []archiveFile
}

// archiveFile is one file of an archive.
type archiveFile struct {
	name string
	data []byte
}

func parseTxtar(data []byte) *archive {
	a := &archive{}
	cur := &a.comment
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line = data[:i+1]
		}
		data = data[len(line):]
		if name, ok := markerName(line); ok {
			a.files = append(a.files, archiveFile{name: name})
			cur = &a.files[len(a.files)-1].data
			continue
		}
		*cur = append(*cur, line...)
	}
	return a
}

// markerName returns the file name of a "-- name --" line.
func markerName(line []byte) (string, bool) {
	s := strings.TrimRight(string(line), "\r\n")
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < len("-- x --") {
		return "", false
	}
	return strings.TrimSpace(s[3 : len(s)-3]), true
}

// format writes a back in txtar form, ending every file with a newline.
func (a *archive) format() []byte {
	var b bytes.Buffer
	b.Write(a.comment)
	for _, f := range a.files {
		b.WriteString("-- " + f.name + " --\n")
		b.Write(f.data)
		if len(f.data) > 0 && f.data[len(f.data)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// file returns the data of the named file, or nil.
func (a *archive) file(name string) *archiveFile {
	for i := range a.files {
		if a.files[i].name == name {
			return &a.files[i]
		}
	}
	return nil
}
