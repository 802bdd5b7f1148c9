// Package diag carries problems found in content, each with the file, line
// and column it was found at, so that a build can report all of them at once.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Pos is a position in a content file; Line and Col count from 1, and Col
// counts bytes.
type Pos struct {
	File string // path relative to the content root, with forward slashes
	Line int    // 1-based line, 0 when unknown
	Col  int    // 1-based byte column, 0 when unknown
}

// String formats p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one problem at one position.
type Error struct {
	Pos Pos    // where the problem is
	Msg string // what is wrong, in a sentence without a trailing period
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errorf returns an Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// List collects problems; its zero value is ready to use.
type List struct {
	errs []*Error
}

// Add records e.
func (l *List) Add(e *Error) { l.errs = append(l.errs, e) }

// Addf records a problem at pos.
func (l *List) Addf(pos Pos, format string, args ...any) { l.Add(Errorf(pos, format, args...)) }

// Len returns the number of problems recorded.
func (l *List) Len() int { return len(l.errs) }

// Errors returns the problems sorted by position.
func (l *List) Errors() []*Error {
	out := slices.Clone(l.errs)
	slices.SortStableFunc(out, func(a, b *Error) int {
		return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	return out
}

// Err returns nil when no problem was recorded, and otherwise an error whose
// text lists every problem, one per line, sorted by position.
func (l *List) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return listError(l.Errors())
}

type listError []*Error

func (e listError) Error() string {
	var b strings.Builder
	for i, err := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

// Unwrap lets errors.As find each problem.
func (e listError) Unwrap() []error {
	out := make([]error, len(e))
	for i, err := range e {
		out[i] = err
	}
	return out
}

// Lines maps byte offsets in a file to positions.
type Lines struct {
	file   string
	starts []int // byte offset at which each line starts
	base   int   // lines before the text, such as front matter
}

// NewLines indexes src, whose first line is line base+1 of file.
func NewLines(file string, src []byte, base int) *Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{file: file, starts: starts, base: base}
}

// Pos returns the position of byte offset off in the indexed text.
func (l *Lines) Pos(off int) Pos {
	i, found := slices.BinarySearch(l.starts, off)
	if !found {
		i--
	}
	if i < 0 {
		i = 0
	}
	return Pos{File: l.file, Line: l.base + i + 1, Col: off - l.starts[i] + 1}
}

// File returns the file the positions are in.
func (l *Lines) File() string { return l.file }

// Merge combines errors from several stages into one sorted list. Errors
// that are not positioned problems are kept as they are, after the others.
func Merge(errs ...error) error {
	var l List
	var other []error
	for _, err := range errs {
		if err == nil {
			continue
		}
		var found bool
		if u, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range u.Unwrap() {
				if pe, ok := e.(*Error); ok {
					l.Add(pe)
					found = true
				}
			}
		} else if pe, ok := err.(*Error); ok {
			l.Add(pe)
			found = true
		}
		if !found {
			other = append(other, err)
		}
	}
	if len(other) > 0 {
		return errors.Join(append([]error{l.Err()}, other...)...)
	}
	return l.Err()
}
