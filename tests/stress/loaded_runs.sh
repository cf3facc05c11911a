#!/usr/bin/env bash
# `make test-loaded`: the whole suite, RUNS times in a row, each from a fresh clone of HEAD in an
# empty folder, while `stress-ng --cpu 2` keeps both cores busy. Prints one line per run (result
# and minutes) and stops at the first red run. Issue 15's bar: three green runs in a row.
set -uo pipefail
runs=${RUNS:-3}
repo=$(git rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse --short HEAD)
if ! command -v stress-ng >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq stress-ng >/dev/null
    else sudo -n apt-get update -qq && sudo -n apt-get install -y -qq stress-ng >/dev/null; fi || { echo "stress-ng is missing"; exit 1; }
fi
stress-ng --cpu 2 --timeout 0 --quiet &
stress=$!
trap 'kill $stress 2>/dev/null; wait $stress 2>/dev/null' EXIT
summary=$(mktemp)
for run in $(seq 1 "$runs"); do
    folder=$(mktemp -d)
    git clone --quiet "$repo" "$folder/FaceAlbum" && git -C "$folder/FaceAlbum" checkout --quiet "$commit"
    started=$(date +%s)
    (cd "$folder/FaceAlbum" && CI=true bash .ci/run) >"$folder/run.log" 2>&1
    status=$?
    minutes=$(( ($(date +%s) - started) / 60 ))
    result=$(grep -E "^=+ .*(passed|failed).* =+$" "$folder/run.log" | tail -1)
    echo "run $run of $runs at $commit under stress-ng --cpu 2: exit $status, ${minutes} min: ${result}" | tee -a "$summary"
    if [ "$status" != 0 ]; then echo "log: $folder/run.log"; exit 1; fi
    rm -rf "$folder"
done
cat "$summary"
