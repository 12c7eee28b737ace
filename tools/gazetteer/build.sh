#!/usr/bin/env bash
# tools/gazetteer/build.sh BUILD_DIR: writes BUILD_DIR/data/gazetteer.bin from the npm packages
# of this folder (installed by scripts/setup) and the curated files in data/.
set -euo pipefail
BUILD_DIR=${1:?usage: tools/gazetteer/build.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
if [ ! -d "$here/node_modules" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -x "$BUILD_DIR/sitrep_gazetteer_build" ]; then
  cmake --build "$BUILD_DIR" --target sitrep_gazetteer_build
fi
mkdir -p "$BUILD_DIR/data"
node "$here/export.js" "$repo/data" "$BUILD_DIR/data/gazetteer.tsv"
"$BUILD_DIR/sitrep_gazetteer_build" "$BUILD_DIR/data/gazetteer.tsv" "$BUILD_DIR/data/gazetteer.bin"
