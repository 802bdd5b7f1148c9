package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"slices"

	zapv17 "github.com/blevesearch/zapx/v17"
)

// sortSections rewrites the segment file at path so that each field lists
// the addresses of its sections in order of section type. zap reads them
// in any order but writes them in the order of a Go map, so that no two
// writings of a segment are alike; the file's checksum is made again.
func sortSections(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	changed, err := sortSectionsIn(data)
	if err != nil {
		return fmt.Errorf("reading segment %s: %w", path, err)
	}
	for _, c := range changed {
		if _, err := f.WriteAt(data[c[0]:c[1]], int64(c[0])); err != nil {
			return err
		}
	}
	return f.Close()
}

// sectionPair is the size of a section's entry in a field's list: its
// type, 16 bits, and its address, 64.
const sectionPair = 2 + 8

var errSegment = errors.New("not a segment zap can read")

// sortSectionsIn sorts the section lists of a segment held in data and
// makes its checksum again; it returns the byte ranges it changed.
func sortSectionsIn(data []byte) ([][2]int, error) {
	n := len(data)
	if n < zapv17.FooterSize {
		return nil, errSegment
	}
	// The footer, from its end: checksum, version, chunk mode, then the
	// sections index's offset, the stored index's, the number of
	// documents, and the length of the writer id, which precedes them.
	idLen := int(binary.BigEndian.Uint32(data[n-40 : n-36]))
	if idLen > n-zapv17.FooterSize {
		return nil, errSegment
	}
	if binary.BigEndian.Uint32(data[n-8:n-4]) != zapv17.Version {
		return nil, errSegment
	}
	mem := data[:n-zapv17.FooterSize-idLen]
	pos := binary.BigEndian.Uint64(data[n-20 : n-12])
	if pos == 0 {
		return nil, errSegment // no sections index
	}
	fields, ok := uvarintAt(mem, &pos)
	if !ok || fields > uint64(len(mem)) {
		return nil, errSegment
	}
	var changed [][2]int
	for i := range fields {
		at := pos + i*8
		if at+8 > uint64(len(mem)) {
			return nil, errSegment
		}
		field := binary.BigEndian.Uint64(mem[at : at+8])
		if field == 0 {
			continue // a field without sections
		}
		from, to, err := sectionList(mem, field)
		if err != nil {
			return nil, err
		}
		if sortPairs(mem[from:to]) {
			changed = append(changed, [2]int{from, to})
		}
	}
	binary.BigEndian.PutUint32(data[n-4:], crc32.ChecksumIEEE(data[:n-4]))
	return append(changed, [2]int{n - 4, n}), nil
}

// sectionList finds the list of sections of the field whose entry is at
// pos: after the field's name and options, their count, then the pairs.
func sectionList(mem []byte, pos uint64) (from, to int, err error) {
	nameLen, ok := uvarintAt(mem, &pos)
	if !ok || nameLen > uint64(len(mem))-pos {
		return 0, 0, errSegment
	}
	pos += nameLen
	if _, ok := uvarintAt(mem, &pos); !ok { // the field's options
		return 0, 0, errSegment
	}
	count, ok := uvarintAt(mem, &pos)
	if !ok || count > (uint64(len(mem))-pos)/sectionPair {
		return 0, 0, errSegment
	}
	return int(pos), int(pos + count*sectionPair), nil
}

// sortPairs sorts a list of sections in place by type, reporting whether
// it was out of order.
func sortPairs(list []byte) bool {
	pairs := make([][sectionPair]byte, len(list)/sectionPair)
	for i := range pairs {
		copy(pairs[i][:], list[i*sectionPair:])
	}
	byType := func(a, b [sectionPair]byte) int { return bytes.Compare(a[:2], b[:2]) }
	if slices.IsSortedFunc(pairs, byType) {
		return false
	}
	slices.SortStableFunc(pairs, byType)
	for i, p := range pairs {
		copy(list[i*sectionPair:], p[:])
	}
	return true
}

// uvarintAt reads an unsigned varint at *pos in mem and moves past it.
func uvarintAt(mem []byte, pos *uint64) (uint64, bool) {
	if *pos >= uint64(len(mem)) {
		return 0, false
	}
	v, n := binary.Uvarint(mem[*pos:])
	if n <= 0 {
		return 0, false
	}
	*pos += uint64(n)
	return v, true
}
