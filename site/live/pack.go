package live

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"protosite/site/build"
	"protosite/site/offline"
)

// servePack answers with the offline copy of the site as its content is
// now. Live builds make no offline copy, whose search needs the static
// index a whole build makes: one is built when asked, and kept until the
// content changes.
func (s *Site) servePack(w http.ResponseWriter, r *http.Request) {
	data, err := s.offlinePack()
	if err != nil {
		s.logf("making the offline copy: %v", err)
		http.Error(w, "the offline copy cannot be made now: the content does not build", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	http.ServeContent(w, r, offline.Path, time.Time{}, bytes.NewReader(data))
}

// offlinePack returns the offline copy of the last good build, building
// the site whole into a temporary directory when the content has changed
// since the last copy was made.
func (s *Site) offlinePack() ([]byte, error) {
	s.packMu.Lock()
	defer s.packMu.Unlock()
	s.mu.Lock()
	builds := s.builds
	s.mu.Unlock()
	if s.pack != nil && s.packOf == builds {
		return s.pack, nil
	}
	tmp, err := os.MkdirTemp("", "protosite-offline-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "site")
	if _, err := build.Build(s.contentDir, out); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(offline.Path)))
	if err != nil {
		return nil, fmt.Errorf("reading the offline copy: %w", err)
	}
	s.pack, s.packOf = data, builds
	return data, nil
}
