package search

import (
	"fmt"
	"reflect"

	"github.com/blevesearch/bleve/v2"
)

// Memory is an index held in memory that follows a changing site, for
// live editing: Update indexes only the documents that changed, each in
// the index of its language.
type Memory struct {
	*Index
	docs map[string]Doc // the documents indexed, by id
}

// NewMemory indexes docs in memory.
func NewMemory(docs []Doc) (*Memory, error) {
	m := &Memory{Index: &Index{}, docs: map[string]Doc{}}
	if _, err := m.Update(docs); err != nil {
		m.Close()
		return nil, err
	}
	return m, nil
}

// Update makes the index hold exactly docs, indexing the new and changed
// ones and deleting the ones gone; a language whose documents are all
// gone is dropped. It returns how many documents it touched.
func (m *Memory) Update(docs []Doc) (int, error) {
	l, groups, err := splitLangs(docs)
	if err != nil {
		return 0, err
	}
	// The indexes of the languages, the new ones created; the index is
	// not changed until every batch is ready.
	have := map[string]*langIndex{}
	for _, li := range m.langs {
		have[li.lang] = li
	}
	var created []*langIndex
	dropCreated := func() {
		for _, li := range created {
			li.idx.Close()
		}
	}
	batches := map[string]*bleve.Batch{}
	touched := 0
	for _, lang := range l.Languages {
		li := have[lang]
		if li == nil {
			mapping, err := newMapping(lang)
			if err != nil {
				dropCreated()
				return 0, err
			}
			idx, err := bleve.NewMemOnly(mapping)
			if err != nil {
				dropCreated()
				return 0, fmt.Errorf("creating search index of %s: %w", lang, err)
			}
			li = &langIndex{lang: lang, idx: idx}
			created = append(created, li)
		}
		b := li.idx.NewBatch()
		for _, d := range groups[lang] {
			if old, ok := m.docs[d.ID]; ok && old.Lang == lang && reflect.DeepEqual(old, d) {
				continue
			}
			if err := b.Index(d.ID, indexed(d)); err != nil {
				dropCreated()
				return 0, fmt.Errorf("indexing %s: %w", d.ID, err)
			}
		}
		batches[lang] = b
	}
	langOf := make(map[string]string, len(docs))
	for _, d := range docs {
		langOf[d.ID] = d.Lang
	}
	for id, old := range m.docs {
		// A document gone, or now in another language, leaves the index
		// of its language, unless that whole index goes.
		if b := batches[old.Lang]; b != nil && langOf[id] != old.Lang {
			b.Delete(id)
		}
	}
	var gone []*langIndex
	for _, li := range m.langs {
		if batches[li.lang] == nil {
			gone = append(gone, li)
			touched += len(li.tab.ids)
		}
	}
	for _, b := range batches {
		touched += b.Size()
	}
	if touched == 0 && len(created) == 0 && l.Default == m.def {
		return 0, nil
	}
	// Searches wait while the indexes and their tables change together.
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, li := range created {
		have[li.lang] = li
	}
	langs := make([]*langIndex, 0, len(l.Languages))
	for _, lang := range l.Languages {
		li := have[lang]
		if err := li.idx.Batch(batches[lang]); err != nil {
			return 0, fmt.Errorf("updating search index of %s: %w", lang, err)
		}
		if err := li.load(); err != nil {
			return 0, fmt.Errorf("updating search index of %s: %w", lang, err)
		}
		langs = append(langs, li)
	}
	for _, li := range gone {
		li.idx.Close()
	}
	m.def, m.langs = l.Default, langs
	m.docs = make(map[string]Doc, len(docs))
	for _, d := range docs {
		m.docs[d.ID] = d
	}
	return touched, nil
}
