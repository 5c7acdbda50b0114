# flowtrace: `make demo` runs it on a bundled trace, `make test` runs every
# test. Both install the Debian packages they need when missing.

GO      ?= go
BIN     := bin/flowtrace
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

# libpcap-dev: cgo build (BPF compilation, live capture). gcc: cgo.
BUILD_DEPS := libpcap-dev gcc
# What the test suite uses besides the build: tshark for cross-checks;
# iproute2, tcpdump, nftables, hping3, nmap for the privileged live tests
# and for regenerating traces; tmux for the --watch terminal test;
# libcap2-bin (setcap) for the file-capability tests; tcpreplay for
# bench-live; groff-base to check the man page; zsh to check the zsh
# completion script (bash is there already); libxml2-utils (xmllint) to
# validate the JUnit reports against testdata/junit/junit.xsd; chromium to
# render the --report page headless (TestReportChromium);
# clickhouse-server and clickhouse-client for the --sink test against a
# real server (TestSinkClickHouse).
TEST_DEPS  := $(BUILD_DEPS) tshark tcpdump iproute2 nftables hping3 nmap tmux tcpreplay libcap2-bin groff-base zsh libxml2-utils chromium clickhouse-server clickhouse-client

PREFIX  ?= /usr/local

.PHONY: all build deps test-deps demo test vet fmt-check traces bench bench-live pgo fuzz install clean

all: build

deps:
	@scripts/deps.sh $(BUILD_DEPS)

test-deps:
	@scripts/deps.sh $(TEST_DEPS)

build: deps
	$(GO) build -trimpath -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/flowtrace

demo: build
	./$(BIN) -r testdata/pcaps/simultaneous-close.pcap

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet: deps
	$(GO) vet ./...

test: test-deps fmt-check vet
	$(GO) test -race -count=1 -timeout 30m ./...

# Regenerate testdata/pcaps from the real Linux stack (root; a few minutes).
traces: test-deps
	scripts/mktraces.sh

bench: test-deps
	bash scripts/bench.sh

# Rewrite cmd/flowtrace/default.pgo, the profile go build applies
# (profile-guided optimisation), from runs on the benchmark capture.
pgo: deps
	bash scripts/pgo.sh

# Highest packet rate analysed without kernel drops, against tcpdump (root).
bench-live: test-deps
	bash scripts/live-bench.sh

fuzz: deps
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime 60s ./capture
	$(GO) test -run '^$$' -fuzz FuzzOpenFile -fuzztime 60s ./capture
	$(GO) test -run '^$$' -fuzz FuzzTracker -fuzztime 60s ./tracker

# The binary, its man page and its bash and zsh completions, under
# $(DESTDIR)$(PREFIX). Live capture as an ordinary user then needs:
# sudo setcap cap_net_raw=p $(PREFIX)/bin/flowtrace
install: build
	install -D -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/flowtrace
	install -D -m 644 doc/flowtrace.1 $(DESTDIR)$(PREFIX)/share/man/man1/flowtrace.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	./$(BIN) --completion bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/flowtrace
	./$(BIN) --completion zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_flowtrace

clean:
	rm -rf bin
