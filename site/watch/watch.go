// Package watch calls a function when files under a directory change,
// once per burst of changes, as editors write a file in several steps.
package watch

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Settle is how long the tree must be quiet before a burst of changes is
// reported.
const Settle = 20 * time.Millisecond

// Watcher watches a directory tree.
type Watcher struct {
	dir string
	w   *fsnotify.Watcher
}

// Start watches dir and every directory below it. Changes made after Start
// returns are reported by Run.
func Start(dir string) (*Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching %s: %w", dir, err)
	}
	if err := addTree(w, dir); err != nil {
		w.Close()
		return nil, err
	}
	return &Watcher{dir: dir, w: w}, nil
}

// Run calls changed after each burst of changes until ctx ends, then stops
// watching. Directories created later are watched too.
func (wt *Watcher) Run(ctx context.Context, changed func()) error {
	w := wt.w
	defer w.Close()
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ignored(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = addTree(w, ev.Name)
				}
			}
			if timer != nil {
				timer.Stop()
			}
			timer = time.AfterFunc(Settle, func() {
				select {
				case fire <- struct{}{}:
				default:
				}
			})
		case <-fire:
			changed()
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			return fmt.Errorf("watching %s: %w", wt.dir, err)
		}
	}
}

// Run watches dir until ctx ends, calling changed after each burst of
// changes.
func Run(ctx context.Context, dir string, changed func()) error {
	wt, err := Start(dir)
	if err != nil {
		return err
	}
	return wt.Run(ctx, changed)
}

// ignored reports editor scratch files, which do not change the site.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".#") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") || base == "4913"
}

func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if err := w.Add(p); err != nil {
				return fmt.Errorf("watching %s: %w", p, err)
			}
		}
		return nil
	})
}
