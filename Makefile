# The build: seeds/ (raw articles) -> build/ (JSON Lines between stages) -> dist/ (published).
#   make                          install dependencies and build dist/ from seeds/
#   make SEEDS=dir DIST=dir       the same on any folder of articles: .txt files (in sub-folders
#                                 too), JSON Lines (.jsonl, .jsonl.gz) and CSV (.csv, .csv.gz)
#   make INPUT_FIELDS=text=body,date=published_at   the fields of JSON Lines / CSV records
#   make test | eval | eval-real | sql Q=".." | bench-dates | clean
SEEDS ?= seeds
DIST  ?= dist
# one build folder per input folder, so that two corpora never share stale stamps
BUILD_ROOT ?= build
BUILD ?= $(BUILD_ROOT)/$(shell printf '%s' '$(abspath $(SEEDS))' | cksum | cut -d' ' -f1)
STRICT ?=
# FIELD=KEY,...: which key of a JSON Lines or CSV record holds each field (text, title, date,
# url, outlet, language); news-please's and trafilatura's names are read by default.
INPUT_FIELDS ?=
# SHARD=i/N: clean and extract only the articles of shard i (of N), export them as
# DIST/shards/TABLE/part-i-of-N.parquet; `make merge-shards` then publishes all parts.
# SHARDS=N alone takes i from JOB_COMPLETION_INDEX, which Kubernetes sets in each pod of an
# Indexed Job (k8s/shards-job.yaml): pod i of N builds shard i/N.
SHARDS ?=
ifneq ($(SHARDS),)
ifeq ($(JOB_COMPLETION_INDEX),)
$(error SHARDS=$(SHARDS) needs JOB_COMPLETION_INDEX, the pod's index in a Kubernetes Indexed Job (or give SHARD=i/N))
endif
SHARD ?= $(JOB_COMPLETION_INDEX)/$(SHARDS)
endif
SHARD ?=
# PARTITIONED=1: also publish DIST/partitioned/TABLE/year=YYYY/*.parquet (Hive layout)
PARTITIONED ?=
# COMPRESS=1: publish CSV and JSON gzipped (NAME.csv.gz, NAME.json.gz); COMPRESS=0: never;
# unset: gzipped from 2,000 articles on (COMPRESS_MIN_ARTICLES, pipeline/lib/publish/files.ts)
COMPRESS ?=
RUN := node --import tsx
SHARD_TAG := $(subst /,-of-,$(SHARD))
B := $(BUILD)$(if $(SHARD),/shard-$(SHARD_TAG))
# The stages after validation write into DIST, so their stamps are kept per output folder: any
# DIST works after any other, and SEEDS=x/ is SEEDS=x (both keys are absolute paths).
OUT := $(B)/dist-$(shell printf '%s' '$(abspath $(DIST))' | cksum | cut -d' ' -f1)
ARGS = --seeds '$(SEEDS)' --build '$(B)' --dist '$(DIST)' $(if $(STRICT),--strict,) $(if $(SHARD),--shard '$(SHARD)',) $(if $(PARTITIONED),--partitioned,)

LIB := $(shell find pipeline/lib -name '*.ts') $(wildcard schemas/*.schema.json) package-lock.json
SQL := $(wildcard pipeline/sql/*.sql)
INSTALLED := node_modules/.installed

.PHONY: all test typecheck eval eval-real sql clean bench bench-dates merge-shards serve bench-extractors FORCE
.DELETE_ON_ERROR:

ifeq ($(SHARD),)
all: $(DIST)/index.html
else
all: $(DIST)/shards/documents/part-$(SHARD_TAG).parquet
endif

# `npm ci` installs exactly what the lock says and never rewrites it, so a fresh clone stays
# clean. The lock lists every platform's optional binaries (DuckDB, rollup, esbuild): after a
# change to package.json, `npm install --package-lock-only` regenerates it with all of them.
$(INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The list of input files (in sub-folders too) with size and mtime, rewritten only when it
# changes: make cannot take file names with spaces as prerequisites, and a deleted article must
# trigger a rebuild. Hidden entries are listed by name only (the clean stage reports them
# skipped), a hidden folder without its content; a link by its target.
$(B)/inputs.manifest: FORCE
	@mkdir -p '$(B)'
	@find -H '$(SEEDS)' -mindepth 1 \( -name '.*' -printf '%P\thidden\n' -prune \) -o \( -type d -printf '%P\tfolder\n' \) \
	  -o \( -type l -printf '%P\tlink\t%l\n' \) -o -printf '%P\t%y\t%s\t%T@\n' | LC_ALL=C sort > '$@.new'
	@cmp -s '$@.new' '$@' && rm -f '$@.new' || mv '$@.new' '$@'

# STRICT and INPUT_FIELDS change what the clean stage does: switching either re-runs the stage.
$(B)/options: FORCE
	@mkdir -p '$(B)'
	@printf 'strict=%s\ninput_fields=%s\n' '$(STRICT)' '$(INPUT_FIELDS)' > '$@.new'
	@cmp -s '$@.new' '$@' && rm -f '$@.new' || mv '$@.new' '$@'

$(B)/clean/articles.jsonl: $(B)/inputs.manifest $(B)/options pipeline/clean.ts $(LIB) | $(INSTALLED)
	$(RUN) pipeline/clean.ts $(ARGS) $(if $(INPUT_FIELDS),--input-fields '$(INPUT_FIELDS)',)

$(B)/extract/.done: $(B)/clean/articles.jsonl pipeline/extract.ts $(LIB)
	$(RUN) pipeline/extract.ts $(ARGS)
	touch $@

$(B)/link/.done: $(B)/extract/.done pipeline/link.ts $(LIB)
	$(RUN) pipeline/link.ts $(ARGS)
	touch $@

$(B)/validate/ok: $(B)/link/.done pipeline/validate.ts $(LIB)
	$(RUN) pipeline/validate.ts $(ARGS)

# Whether DIST still holds what the last build there published: every file its SHA256SUMS names
# (or, before the catalog ran, the database). A folder emptied or a file deleted since makes the
# stages after validation run again, as a new output folder does.
$(OUT)/intact: FORCE
	@mkdir -p '$(OUT)'
	@if [ ! -f '$@' ]; then touch '$@'; \
	elif [ -f '$(OUT)/published' ] && ! $(call dist_intact,$(DIST)); then \
	  echo 'make: $(DIST) lacks files of its last build: publishing again' >&2; touch '$@'; fi

dist_intact = ( if [ -f '$(1)/SHA256SUMS' ]; then cd '$(1)' && cut -c67- SHA256SUMS | while IFS= read -r f; do [ -e "$$f" ] || exit 1; done; \
  else [ -f '$(1)/dataset.duckdb' ]; fi )

# COMPRESS and PARTITIONED change what publish writes: switching either re-runs it.
$(OUT)/options: FORCE
	@mkdir -p '$(OUT)'
	@printf 'compress=%s\npartitioned=%s\n' '$(COMPRESS)' '$(PARTITIONED)' > '$@.new'
	@cmp -s '$@.new' '$@' && rm -f '$@.new' || mv '$@.new' '$@'

$(OUT)/published: $(B)/validate/ok $(OUT)/intact $(OUT)/options pipeline/publish.ts $(LIB)
	$(RUN) pipeline/publish.ts $(ARGS) $(if $(COMPRESS),--compress '$(COMPRESS)',)
	touch $@

$(OUT)/summarized: $(OUT)/published pipeline/summarize.ts $(SQL) $(LIB)
	$(RUN) pipeline/summarize.ts $(ARGS)
	touch $@

# The evaluation scores of the build, when gold annotations exist for its articles
# (GOLD defaults to test/gold/seeds for the seeds; the page shows them). The scores go through
# BUILD, so an interrupted scorer leaves no file behind in DIST.
GOLD ?= $(if $(filter $(abspath seeds),$(abspath $(SEEDS))),test/gold/seeds,)
$(OUT)/evaluated: $(OUT)/summarized scripts/score.mjs scripts/score-dist.sh
ifneq ($(GOLD),)
	mkdir -p '$(DIST)/quality'
	sh scripts/score-dist.sh '$(DIST)' --gold '$(GOLD)' --json > '$(OUT)/eval.json.tmp'
	mv '$(OUT)/eval.json.tmp' '$(DIST)/quality/eval.json'
endif
	touch $@

$(DIST)/SHA256SUMS: $(OUT)/evaluated $(wildcard $(DIST)/quality/eval-real.json) pipeline/catalog.ts $(LIB)
	$(RUN) pipeline/catalog.ts $(ARGS)

# Stage 8: the dataset page (reads datapackage.json, so after catalog).
$(DIST)/index.html: $(DIST)/SHA256SUMS pipeline/site.ts $(SQL) $(LIB)
	$(RUN) pipeline/site.ts $(ARGS)

# make serve [PORT=8000]: the page and its SQL box on http://127.0.0.1:PORT/
serve: $(INSTALLED)
	$(RUN) scripts/serve.ts --dist '$(DIST)' $(if $(PORT),--port $(PORT),)

$(DIST)/shards/documents/part-$(SHARD_TAG).parquet: $(B)/extract/.done pipeline/export-shard.ts $(LIB)
	$(RUN) pipeline/export-shard.ts $(ARGS)

# Publishes the union of every shard's parts in DIST/shards, as one run over all articles would.
MERGED := $(BUILD)/merged
merge-shards: $(INSTALLED)
	$(RUN) pipeline/merge.ts --build '$(MERGED)' --dist '$(DIST)'
	for stage in link validate publish summarize catalog site; do \
	  $(RUN) pipeline/$$stage.ts --build '$(MERGED)' --dist '$(DIST)' $(if $(PARTITIONED),--partitioned,) || exit 1; done

test: $(INSTALLED)
	npx tsc --noEmit -p .
	npx vitest run

typecheck: $(INSTALLED)
	npx tsc --noEmit -p .

# Scores DIST against the project's copy of the seed gold (test/gold/seeds), by the
# rules of the shared scorer (scripts/score.mjs is a verbatim copy of it).
eval: $(INSTALLED)
	sh scripts/score-dist.sh '$(DIST)' --gold test/gold/seeds $(if $(VERBOSE),--verbose,)

# The real-article development set (REAL: a folder with raw/ articles and their gold/), built
# into its own folders and scored by the same rules; the scores are kept in
# DIST/quality/eval-real.json, which the catalog and the page then show beside the seeds' scores.
REAL ?= ../shared/realdev
eval-real: $(INSTALLED)
	@[ -d '$(REAL)/raw' ] && [ -d '$(REAL)/gold' ] || { echo "make eval-real: no $(REAL)/raw and $(REAL)/gold (set REAL=DIR)" >&2; exit 2; }
	$(MAKE) --no-print-directory SEEDS='$(REAL)/raw' BUILD='$(BUILD_ROOT)/realdev' DIST='$(BUILD_ROOT)/realdev/dist' GOLD='$(REAL)/gold'
	sh scripts/score-dist.sh '$(BUILD_ROOT)/realdev/dist' --gold '$(REAL)/gold' $(if $(VERBOSE),--verbose,)
	mkdir -p '$(DIST)/quality'
	cp '$(BUILD_ROOT)/realdev/dist/quality/eval.json' '$(DIST)/quality/eval-real.json'
	$(MAKE) --no-print-directory

# SQL on the published dataset without a DuckDB binary: make sql Q="SELECT count(*) FROM events"
sql: $(INSTALLED)
	@$(RUN) scripts/sql.ts --dist '$(DIST)' "$$Q"

bench-dates: $(INSTALLED)
	$(RUN) scripts/bench-dates.ts

bench-extractors: $(INSTALLED)
	$(RUN) scripts/bench-extractors.ts

clean:
	rm -rf build

FORCE:

# make bench [BENCH_MB=10,100,1000]: see scripts/bench.ts; results in .bench/results.md
bench: $(INSTALLED)
	$(RUN) scripts/bench.ts
