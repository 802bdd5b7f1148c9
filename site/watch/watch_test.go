package watch

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestRunReportsChangesOncePerBurst(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := make(chan struct{}, 10)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, dir, func() { calls <- struct{}{} }) }()
	time.Sleep(100 * time.Millisecond) // let the watcher start

	// A burst of writes, as an editor saving, is one change.
	for i := 0; i < 5; i++ {
		if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte{byte('a' + i)}, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wait(t, calls)
	select {
	case <-calls:
		t.Fatal("one burst of writes was reported twice")
	case <-time.After(200 * time.Millisecond):
	}

	// A file in a directory made after the start is seen too.
	sub := filepath.Join(dir, "legislation")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	wait(t, calls)
	time.Sleep(50 * time.Millisecond)
	if err := os.WriteFile(filepath.Join(sub, "b.md"), []byte("b"), 0o644); err != nil {
		t.Fatal(err)
	}
	wait(t, calls)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func wait(t *testing.T, calls chan struct{}) {
	t.Helper()
	select {
	case <-calls:
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported")
	}
}
