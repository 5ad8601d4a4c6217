# The build: seeds/ (raw articles) -> build/ (JSON Lines between stages) -> dist/ (published).
#   make                          install dependencies and build dist/ from seeds/
#   make SEEDS=dir DIST=dir       the same on any folder of .txt articles
#   make test | eval | sql Q=".." | bench-dates | clean
SEEDS ?= seeds
DIST  ?= dist
# one build folder per input folder, so that two corpora never share stale stamps
BUILD ?= build/$(shell printf '%s' '$(abspath $(SEEDS))' | cksum | cut -d' ' -f1)
STRICT ?=
RUN := node --import tsx
ARGS = --seeds '$(SEEDS)' --build '$(BUILD)' --dist '$(DIST)' $(if $(STRICT),--strict,)

LIB := $(shell find pipeline/lib -name '*.ts') $(wildcard schemas/*.schema.json) package-lock.json
SQL := $(wildcard pipeline/sql/*.sql)
INSTALLED := node_modules/.installed

.PHONY: all test typecheck eval sql clean bench-dates FORCE
.DELETE_ON_ERROR:

all: $(DIST)/SHA256SUMS

$(INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The list of input files with size and mtime, rewritten only when it changes: make cannot
# take file names with spaces as prerequisites, and a deleted article must trigger a rebuild.
$(BUILD)/inputs.manifest: FORCE
	@mkdir -p '$(BUILD)'
	@find '$(SEEDS)' -maxdepth 1 -type f -printf '%f\t%s\t%T@\n' | LC_ALL=C sort > '$@.new'
	@cmp -s '$@.new' '$@' && rm -f '$@.new' || mv '$@.new' '$@'

$(BUILD)/clean/articles.jsonl: $(BUILD)/inputs.manifest pipeline/clean.ts $(LIB) | $(INSTALLED)
	$(RUN) pipeline/clean.ts $(ARGS)

$(BUILD)/extract/.done: $(BUILD)/clean/articles.jsonl pipeline/extract.ts $(LIB)
	$(RUN) pipeline/extract.ts $(ARGS)
	touch $@

$(BUILD)/link/.done: $(BUILD)/extract/.done pipeline/link.ts $(LIB)
	$(RUN) pipeline/link.ts $(ARGS)
	touch $@

$(BUILD)/validate/ok: $(BUILD)/link/.done pipeline/validate.ts $(LIB)
	$(RUN) pipeline/validate.ts $(ARGS)

$(BUILD)/published: $(BUILD)/validate/ok pipeline/publish.ts $(LIB)
	$(RUN) pipeline/publish.ts $(ARGS)
	touch $@

$(BUILD)/summarized: $(BUILD)/published pipeline/summarize.ts $(SQL) $(LIB)
	$(RUN) pipeline/summarize.ts $(ARGS)
	touch $@

$(DIST)/SHA256SUMS: $(BUILD)/summarized pipeline/catalog.ts $(LIB)
	$(RUN) pipeline/catalog.ts $(ARGS)

test: $(INSTALLED)
	npx tsc --noEmit -p .
	npx vitest run

typecheck: $(INSTALLED)
	npx tsc --noEmit -p .

# Scores DIST against the project's copy of the seed gold (test/gold/seeds), by the
# rules of the shared scorer (scripts/score.mjs is a verbatim copy of it).
eval: $(INSTALLED)
	node scripts/score.mjs --gold test/gold/seeds --dist '$(DIST)' $(if $(VERBOSE),--verbose,)

# SQL on the published dataset without a DuckDB binary: make sql Q="SELECT count(*) FROM events"
sql: $(INSTALLED)
	@$(RUN) scripts/sql.ts --dist '$(DIST)' "$$Q"

bench-dates: $(INSTALLED)
	$(RUN) scripts/bench-dates.ts

clean:
	rm -rf build

FORCE:
