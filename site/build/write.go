package build

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sync/errgroup"

	"protosite/site/output"
)

// Write makes a new directory beside outDir, lets fill put what it needs
// there and return the files to write, writes them, and then swaps the
// directory in, so that a reader of outDir sees either the old site or the
// new one, and a failure leaves the old one as it was.
func Write(outDir string, fill func(tmp string) ([]output.File, error)) error {
	outDir = filepath.Clean(outDir)
	parent := filepath.Dir(outDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(outDir)+".new-")
	if err != nil {
		return fmt.Errorf("creating temporary output: %w", err)
	}
	files, err := fill(tmp)
	if err == nil {
		err = writeAll(tmp, files)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("setting permissions on %s: %w", tmp, err)
	}
	return swap(tmp, outDir)
}

// writeAll writes files into dir. Directories are made first, then the
// files are written by several workers, since writing is bound by the
// latency of each file system call rather than by the CPU.
func writeAll(dir string, files []output.File) error {
	made := map[string]bool{}
	for _, f := range files {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("creating %s: %w", d, err)
			}
			made[d] = true
		}
	}
	var g errgroup.Group
	g.SetLimit(writeWorkers)
	for _, f := range files {
		g.Go(func() error {
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f.Path)), f.Data, 0o644); err != nil {
				return fmt.Errorf("writing %s: %w", f.Path, err)
			}
			return nil
		})
	}
	return g.Wait()
}

// writeWorkers is how many files are written at once.
const writeWorkers = 8

// swap moves the complete new directory into place. The old output is moved
// aside first and removed only after the new one is in place.
func swap(tmp, outDir string) error {
	old := ""
	if _, err := os.Lstat(outDir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(outDir, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("moving previous output aside: %w", err)
		}
	}
	if err := os.Rename(tmp, outDir); err != nil {
		if old != "" {
			_ = os.Rename(old, outDir)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("moving new output into place: %w", err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("removing previous output: %w", err)
		}
	}
	return nil
}
