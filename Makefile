# protosite: build, serve and test the Smuggling of Migrants Protocol site.
GO ?= go
CONTENT ?= content
OUT ?= public
ADDR ?= 127.0.0.1:8080

.PHONY: all build serve check test fuzz bench bench-reference pgo clean

all: build

build:
	$(GO) run ./cmd/protosite build -content $(CONTENT) -out $(OUT)

# Builds the site into $(OUT), then serves the content with live editing:
# a saved edit shows in the open page at once.
serve: build
	$(GO) run ./cmd/protosite serve -watch -content $(CONTENT) -addr $(ADDR)

check:
	$(GO) run ./cmd/protosite check -content $(CONTENT)

# A check of the real content, then unit, integration, end-to-end and
# browser tests, then a short run of each fuzz target.
test:
	$(GO) vet ./...
	$(GO) run ./cmd/protosite check -content $(CONTENT)
	$(GO) test ./...
	$(MAKE) fuzz

# Each fuzz target runs for a count of inputs, about 10 s each on two
# cores, rather than for a time: when a -fuzztime duration runs out, Go
# 1.26's fuzzing coordinator can report a spurious "context deadline
# exceeded" (golang/go#75804, fixed in Go 1.27). FUZZTIME=60s, or a count
# such as 1000000x, runs every target for that instead.
FUZZTIME ?=
FUZZ_CITE ?= 300000x
FUZZ_GOTO ?= 150000x
FUZZ_PROVISION ?= 100000x
FUZZ_FRONTMATTER ?= 150000x
FUZZ_SEARCH ?= 8000x
FUZZ_TOKENS ?= 30000x
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(or $(FUZZTIME),$(FUZZ_CITE)) ./site/cite/
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(or $(FUZZTIME),$(FUZZ_PROVISION)) ./site/provision/
	$(GO) test -run='^$$' -fuzz='^FuzzParseCitation$$' -fuzztime=$(or $(FUZZTIME),$(FUZZ_GOTO)) ./site/akn/
	$(GO) test -run='^$$' -fuzz='^FuzzSplitDecode$$' -fuzztime=$(or $(FUZZTIME),$(FUZZ_FRONTMATTER)) ./site/frontmatter/
	$(GO) test -run='^$$' -fuzz='^FuzzSearchRequest$$' -fuzztime=$(or $(FUZZTIME),$(FUZZ_SEARCH)) -fuzzminimizetime=5s ./site/search/
	$(GO) test -run='^$$' -fuzz='^FuzzLatinTokens$$' -fuzztime=$(or $(FUZZTIME),$(FUZZ_TOKENS)) ./site/search/

# Micro-benchmarks of each stage, then whole builds of the real content and
# of generated corpora of 1,000 and 10,000 laws, and a 30 s load test of the
# server on loopback; and Hugo and Pagefind on the same 10,000 laws, where
# make bench-reference has installed them.
bench:
	$(GO) test -run='^$$' -bench=. -benchmem $$($(GO) list ./... | grep -v /site/bench)
	$(GO) test -run='^$$' -bench=. -benchtime=1x -timeout=30m ./site/bench/

# The whole build of 10,000 generated laws beside the tools its targets
# are set against, on the same laws in the same run: Hugo rendering them
# (site/bench/testdata/hugo) and Pagefind indexing Hugo's pages. Both are
# installed into .cache/reference the first time: Hugo from its Go
# module, which takes some minutes to compile, and Pagefind from npm.
HUGO_VERSION ?= 0.165.0
PAGEFIND_VERSION ?= 1.6.0
bench-reference:
	test -x .cache/reference/bin/hugo || GOBIN=$(CURDIR)/.cache/reference/bin $(GO) install github.com/gohugoio/hugo@v$(HUGO_VERSION)
	test -x .cache/reference/npm/node_modules/.bin/pagefind || npm install --no-save --prefix $(CURDIR)/.cache/reference/npm pagefind@$(PAGEFIND_VERSION)
	$(GO) test -run='^$$' -bench='^Benchmark(Build10000Laws|Reference10000Laws)$$' -benchtime=1x -timeout=30m ./site/bench/

# Profiles whole builds of the real content and of 10,000 generated laws,
# the heaviest work protosite does, into cmd/protosite/default.pgo: go
# build and go run compile the command with it, optimizing the paths the
# profiles show hot (profile-guided optimization). Run it again after
# large changes to the build.
pgo:
	dir=$$(mktemp -d) && \
	$(GO) test -run='^$$' -bench='^BenchmarkBuild(RealContent|10000Laws)$$' -benchtime=1x -timeout=30m ./site/bench/ -args -cpuprofiles=$$dir && \
	$(GO) tool pprof -proto $$dir/*.prof > cmd/protosite/default.pgo && \
	rm -r $$dir

clean:
	rm -rf $(OUT)
