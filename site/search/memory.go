package search

import (
	"fmt"
	"reflect"

	"github.com/blevesearch/bleve/v2"
)

// Memory is an index held in memory that follows a changing site, for
// live editing: Update indexes only the documents that changed.
type Memory struct {
	*Index
	docs map[string]Doc // the documents indexed, by id
}

// NewMemory indexes docs in memory.
func NewMemory(docs []Doc) (*Memory, error) {
	idx, err := bleve.NewMemOnly(newMapping())
	if err != nil {
		return nil, fmt.Errorf("creating search index: %w", err)
	}
	m := &Memory{Index: &Index{idx: idx}, docs: map[string]Doc{}}
	if _, err := m.Update(docs); err != nil {
		idx.Close()
		return nil, err
	}
	return m, nil
}

// Update makes the index hold exactly docs, indexing the new and changed
// ones and deleting the ones gone. It returns how many it touched.
func (m *Memory) Update(docs []Doc) (int, error) {
	b := m.idx.NewBatch()
	seen := make(map[string]bool, len(docs))
	for _, d := range docs {
		seen[d.ID] = true
		if old, ok := m.docs[d.ID]; ok && reflect.DeepEqual(old, d) {
			continue
		}
		if err := b.Index(d.ID, indexed(d)); err != nil {
			return 0, fmt.Errorf("indexing %s: %w", d.ID, err)
		}
	}
	for id := range m.docs {
		if !seen[id] {
			b.Delete(id)
		}
	}
	touched := b.Size()
	if touched == 0 && m.tab != nil {
		return 0, nil
	}
	// Searches wait while the index and its table change together.
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.idx.Batch(b); err != nil {
		return 0, fmt.Errorf("updating search index: %w", err)
	}
	if err := m.load(); err != nil {
		return 0, fmt.Errorf("updating search index: %w", err)
	}
	m.docs = make(map[string]Doc, len(docs))
	for _, d := range docs {
		m.docs[d.ID] = d
	}
	return touched, nil
}
