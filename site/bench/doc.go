// Package bench measures whole builds and the server from outside, as a
// user runs them: the protosite binary on the real content and on
// generated corpora of 1,000 and 10,000 legislation documents, reporting
// wall time, pages per second, peak memory, CPU time and the collector's
// collections and their CPU time, and a load test of the server on
// loopback; and, as the reference, Hugo and Pagefind on the same 10,000
// laws. It holds benchmarks only; run them with make bench, and the
// reference with make bench-reference.
package bench
