# topicmill: `make run` builds and runs the pipeline on the demo corpus,
# `make test` installs what the tests need and runs them all.

GO        ?= go
BIN       := bin/topicmill
CORPORA   ?= ../shared/corpora
BENCH_OUT ?= out/bench
PYTHON    ?= /usr/bin/python3

.PHONY: build run test test-deps vet bench bench-vectorize bench-factor bench-run bench-scale bench-quality check-report demo clean

build:
	$(GO) build -o $(BIN) ./cmd/topicmill

## run: the whole pipeline on the demo corpus in testdata/demo.
run: build
	$(BIN) run testdata/demo --k 6 --out out/demo
	@echo "open out/demo/report.html"

## test-deps: Chromium for the browser test, DuckDB (npm) for the Parquet
## read-back check, scipy to check that our MatrixMarket files read there.
test-deps:
	@{ command -v chromium && /usr/bin/python3 -c "import scipy"; } >/dev/null 2>&1 || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium python3-scipy >/dev/null; }
	@[ -d tools/duckdb/node_modules/@duckdb ] || npm install --prefix tools/duckdb --no-audit --no-fund --loglevel=error

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...

test: test-deps vet
	$(GO) test -count=1 ./...

## bench-vectorize: vectorize 20news-bydate; prints wall time, docs/s, MB/s
## and peak RSS, next to scikit-learn's load + TfidfVectorizer.
bench-vectorize: build
	@scripts/bench-vectorize.sh $(BIN) $(CORPORA)/20news-bydate $(BENCH_OUT)

## bench-factor: factor 20news-bydate's X.mtx with topicmill and with
## scikit-learn (both losses, k = 20); prints times and objectives.
bench-factor: build
	@scripts/bench-factor.sh $(BIN) $(CORPORA)/20news-bydate $(BENCH_OUT)

## bench-run: the whole pipeline on 20news-bydate, both losses, k = 20:
## wall time and NMI/ARI/accuracy next to scikit-learn's.
bench-run: build
	@scripts/bench-run.sh $(BIN) $(CORPORA)/20news-bydate $(BENCH_OUT)

## bench-scale: topicmill run with defaults on generated corpora of 10k,
## 100k, 300k and 1M documents (SIZES=...; SKLEARN=1 adds scikit-learn).
bench-scale: build
	@scripts/bench-scale.sh $(BIN) $(BENCH_OUT)/scale $(SIZES)

## bench-quality: topicmill run with defaults on 20news-bydate (k 20),
## sms-spam (k 2 and 10) and the demo corpus (k 6) next to scikit-learn's
## two losses: NMI, ARI, accuracy, coherence, diversity, wall time, RSS.
bench-quality: build
	@scripts/bench-quality.sh $(BIN) $(CORPORA) $(BENCH_OUT)/quality

bench: bench-vectorize bench-factor bench-run

## check-report: open a real run's report in headless Chromium (load time,
## console errors, network requests, screenshot in out/screenshots).
check-report:
	TOPICMILL_REPORT=$(abspath $(REPORT)) TOPICMILL_SCREENSHOT_DIR=$(CURDIR)/out/screenshots $(GO) test -count=1 -v -run TestReportFileInChromium ./report

## demo: regenerate the demo corpus (it is committed; a test checks it).
demo:
	rm -rf testdata/demo && $(GO) run ./tools/demogen -out testdata/demo

clean:
	rm -rf bin out
