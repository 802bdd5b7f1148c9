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
// writings of a segment are alike. Only the end of the file, where the
// lists are, is read into memory; the checksum is made again from the
// whole file, read as a stream.
func sortSections(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	size := info.Size()
	// The lists and their index come last, before the footer: a few
	// kilobytes, or more when a segment has many fields.
	from := max(0, size-tailSize)
	for {
		tail := make([]byte, size-from)
		if _, err := f.ReadAt(tail, from); err != nil {
			return err
		}
		s := segmentTail{data: tail, base: from}
		changed, need, err := s.sortSections()
		if errors.Is(err, errTailTooShort) && need < from {
			from = need
			continue
		}
		if err != nil {
			return fmt.Errorf("reading segment %s: %w", path, err)
		}
		if len(changed) == 0 {
			return f.Close() // in order already, its checksum right
		}
		for _, c := range changed {
			if _, err := f.WriteAt(tail[c[0]-from:c[1]-from], c[0]); err != nil {
				return err
			}
		}
		return rechecksum(f, size)
	}
}

// tailSize is how much of a segment's end is read first.
const tailSize = 64 << 10

// rechecksum writes the checksum of the size bytes of f, its last four
// bytes, as zap computes it: CRC-32 of everything before them.
func rechecksum(f *os.File, size int64) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	h := crc32.NewIEEE()
	if _, err := io.CopyN(h, f, size-4); err != nil {
		return err
	}
	if _, err := f.WriteAt(binary.BigEndian.AppendUint32(nil, h.Sum32()), size-4); err != nil {
		return err
	}
	return f.Close()
}

// sectionPair is the size of a section's entry in a field's list: its
// type, 16 bits, and its address, 64.
const sectionPair = 2 + 8

var (
	errSegment      = errors.New("not a segment zap can read")
	errTailTooShort = errors.New("the fields' lists begin before the bytes read")
)

// segmentTail is the end of a segment file: its bytes from offset base
// to the end.
type segmentTail struct {
	data []byte
	base int64
}

// at returns n bytes at offset off of the file, or false when they are not
// in the tail.
func (s segmentTail) at(off, n int64) ([]byte, bool) {
	if off < s.base || n < 0 || off-s.base > int64(len(s.data))-n {
		return nil, false
	}
	return s.data[off-s.base : off-s.base+n], true
}

// sortSections sorts the section lists in the tail, returning the file's
// byte ranges it changed. When the lists begin before the tail, it
// returns errTailTooShort and the offset a tail must begin at.
func (s segmentTail) sortSections() (changed [][2]int64, need int64, err error) {
	size := s.base + int64(len(s.data))
	// The footer, from its end: checksum, version, chunk mode, then the
	// sections index's offset, the stored index's, the number of
	// documents, and the length of the writer id, which precedes them.
	footer, ok := s.at(size-zapv17.FooterSize, zapv17.FooterSize)
	if !ok {
		return nil, 0, errSegment
	}
	if binary.BigEndian.Uint32(footer[32:36]) != zapv17.Version {
		return nil, 0, errSegment
	}
	idLen := int64(binary.BigEndian.Uint32(footer[0:4]))
	memEnd := size - zapv17.FooterSize - idLen
	index := int64(binary.BigEndian.Uint64(footer[20:28]))
	if idLen > size || index <= 0 || index >= memEnd {
		return nil, 0, errSegment // no sections index
	}
	if index < s.base {
		return nil, index, errTailTooShort
	}
	mem := segmentTail{data: s.data[:memEnd-s.base], base: s.base}
	pos := index
	fields, ok := mem.uvarint(&pos)
	if !ok || fields > uint64(memEnd-pos)/8 {
		return nil, 0, errSegment
	}
	addrs := make([]int64, 0, fields)
	for i := range int64(fields) {
		b, _ := mem.at(pos+i*8, 8)
		addr := int64(binary.BigEndian.Uint64(b))
		if addr < 0 || addr >= memEnd {
			return nil, 0, errSegment
		}
		if addr != 0 { // 0: a field without sections
			addrs = append(addrs, addr)
		}
	}
	if len(addrs) > 0 && slices.Min(addrs) < s.base {
		return nil, slices.Min(addrs), errTailTooShort
	}
	for _, addr := range addrs {
		from, to, err := mem.sectionList(addr)
		if err != nil {
			return nil, 0, err
		}
		if list, _ := mem.at(from, to-from); sortPairs(list) {
			changed = append(changed, [2]int64{from, to})
		}
	}
	return changed, 0, nil
}

// sectionList finds the list of sections of the field whose entry is at
// pos: after the field's name and options, their count, then the pairs.
func (s segmentTail) sectionList(pos int64) (from, to int64, err error) {
	nameLen, ok := s.uvarint(&pos)
	if !ok || nameLen > uint64(len(s.data)) {
		return 0, 0, errSegment
	}
	pos += int64(nameLen)
	if _, ok := s.uvarint(&pos); !ok { // the field's options
		return 0, 0, errSegment
	}
	count, ok := s.uvarint(&pos)
	if !ok || count > uint64(len(s.data))/sectionPair {
		return 0, 0, errSegment
	}
	if _, ok := s.at(pos, int64(count)*sectionPair); !ok {
		return 0, 0, errSegment
	}
	return pos, pos + int64(count)*sectionPair, nil
}

// uvarint reads an unsigned varint at offset *pos and moves past it.
func (s segmentTail) uvarint(pos *int64) (uint64, bool) {
	if *pos < s.base || *pos-s.base >= int64(len(s.data)) {
		return 0, false
	}
	v, n := binary.Uvarint(s.data[*pos-s.base:])
	if n <= 0 {
		return 0, false
	}
	*pos += int64(n)
	return v, true
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
