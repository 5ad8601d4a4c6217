#!/bin/sh
# usage: sh scripts/score-dist.sh DIST [score.mjs options: --gold DIR --json --verbose]
# Runs the shared scorer (scripts/score.mjs, a verbatim copy, which reads DIST/NAME.json) on a
# published folder whose JSON tables may be gzipped (NAME.json.gz, make COMPRESS=1 or a large
# corpus): those are given to it decompressed, in a temporary folder removed afterwards.
set -eu
dist=$1
shift
here=$(dirname "$0")
if ls "$dist"/*.json.gz >/dev/null 2>&1; then
  plain=$(mktemp -d)
  trap 'rm -rf "$plain"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  for f in "$dist"/*.json.gz; do gzip -dc "$f" > "$plain/$(basename "$f" .gz)"; done
  dist=$plain
fi
node "$here/score.mjs" --dist "$dist" "$@"
