package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// loadPaths is the fixed mix of requests: pages, assets and searches.
var loadPaths = []string{
	"/", "/articles/", "/articles/6/", "/articles/3/", "/legislation/", "/countries/",
	"/api/search?q=fraudulent+travel+document",
	"/api/search?q=aggravating+circumstances",
	"/api/search?q=vessel+without+nationality&kind=provision",
	"/api/search?q=%22smuggling+of+migrants%22&article=6",
	"/search/?q=return+of+smuggled+migrants",
	"/goto/?c=6(1)(a)",
}

// BenchmarkServerLoad builds the real site, serves it with protosite serve
// on loopback, and sends the request mix at a fixed concurrency for a fixed
// time, reporting throughput and the 99th-percentile latency. Any error or
// unexpected status fails it.
func BenchmarkServerLoad(b *testing.B) {
	const (
		concurrency = 16
		duration    = 30 * time.Second
	)
	bin := binary(b)
	out := filepath.Join(b.TempDir(), "public")
	run(b, bin, "build", "-content", generated(b, 0), "-out", out)
	addr := freeAddr(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := exec.CommandContext(ctx, bin, "serve", "-build=false", "-out", out, "-addr", addr)
	stdout, _ := srv.StdoutPipe()
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { cancel(); _ = srv.Wait() }()
	waitListening(b, stdout)

	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: concurrency},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse // the goto redirect is an answer
		},
	}
	b.ResetTimer()
	var mu sync.Mutex
	var latencies []time.Duration
	var failures []string
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var mine []time.Duration
			for i := w; time.Now().Before(deadline); i++ {
				path := loadPaths[i%len(loadPaths)]
				start := time.Now()
				resp, err := client.Get("http://" + addr + path)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusFound {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if err != nil {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("%s: %v", path, err))
					mu.Unlock()
					continue
				}
				mine = append(mine, time.Since(start))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	b.StopTimer()
	if len(failures) > 0 {
		b.Fatalf("%d failed requests, first: %s", len(failures), failures[0])
	}
	slices.Sort(latencies)
	p := func(q float64) time.Duration { return latencies[int(q*float64(len(latencies)-1))] }
	b.ReportMetric(float64(len(latencies))/duration.Seconds(), "req/s")
	b.ReportMetric(float64(p(0.50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p(0.99).Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(len(latencies)), "requests")
	b.ReportMetric(0, "errors")
}

func freeAddr(b *testing.B) string {
	b.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// waitListening reads the server's output until it says it is serving.
func waitListening(b *testing.B, r io.Reader) {
	b.Helper()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				b.Fatal("the server stopped before serving")
			}
			if strings.HasPrefix(line, "serving ") {
				go func() {
					for range lines {
					}
				}()
				return
			}
		case <-timeout:
			b.Fatal("the server did not start within 30 s")
		}
	}
}
