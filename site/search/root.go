package search

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2/util"
)

// writeRoot writes the root of the index in w.dir, which names its one
// segment, as scorch's offline builder writes it: one snapshot, which
// holds the segment's file name and, among the internal values, the
// mapping.
func (w *indexWriter) writeRoot(segment string) error {
	mappingJSON, err := util.MarshalJSON(w.m)
	if err != nil {
		return err
	}
	path := filepath.Join(w.dir, "store", "root.bolt")
	db, err := util.OpenBolt(path, 0o600, nil)
	if err != nil {
		return err
	}
	err = db.Update(func(tx *util.BoltTxImpl) error {
		snapshots, err := tx.CreateBucketIfNotExists(util.BoltSnapshotsBucket)
		if err != nil {
			return err
		}
		snapshot, err := snapshots.CreateBucketIfNotExists([]byte{ascendingZero + snapshotEpoch})
		if err != nil {
			return err
		}
		writer, err := util.NewFileWriter([]byte(path))
		if err != nil {
			return err
		}
		meta, err := snapshot.CreateBucketIfNotExists(util.BoltMetaDataKey)
		if err != nil {
			return err
		}
		// Four bytes of version in a buffer of five, as scorch writes it.
		version := make([]byte, binary.MaxVarintLen32)
		binary.BigEndian.PutUint32(version, w.zap.Version())
		// The time the index was written: a fixed one, for only an index
		// that takes updates reads it.
		stamp, err := time.Unix(0, 0).UTC().MarshalText()
		if err != nil {
			return err
		}
		for _, kv := range []struct {
			key, value []byte
			writer     util.FileWriter
		}{
			{util.BoltMetaDataSegmentTypeKey, []byte(w.zap.Type()), nil},
			{util.BoltMetaDataSegmentVersionKey, version, nil},
			{util.BoltMetaDataFileWriterIDKey, []byte(writer.Id()), writer},
			{util.BoltMetaDataTimeStamp, stamp, writer},
		} {
			if err := meta.Put(kv.key, kv.value, kv.writer); err != nil {
				return err
			}
		}
		bucket, err := snapshot.CreateBucketIfNotExists(util.BoltInternalKey)
		if err != nil {
			return err
		}
		if err := bucket.Put(util.MappingInternalKey, mappingJSON, writer); err != nil {
			return err
		}
		seg, err := snapshot.CreateBucketIfNotExists([]byte{ascendingZero + segmentID})
		if err != nil {
			return err
		}
		return seg.Put(util.BoltPathKey, []byte(segment), writer)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// The snapshot's epoch and its segment's id, as scorch numbers an index
// written in one batch, and their keys' encoding: scorch's ascending
// encoding of a number below 110 is one byte, this plus the number.
const (
	snapshotEpoch = 3
	segmentID     = 0
	ascendingZero = 136
)
