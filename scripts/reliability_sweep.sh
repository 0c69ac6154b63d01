#!/usr/bin/env bash
# Reliability: `strict` under noise over many seeds, and nothing left behind in the temporary directory.
#
#   scripts/reliability_sweep.sh [SEEDS] [SECONDS] [THREADS] [PARALLEL]    defaults: 1..200 10 10 1
#
# Results go to wedge-out/reliability.jsonl (run it again to resume); dumps, if any, to wedge-out/dumps-reliability.
# Prints the outcome table, then every `wedge-*` entry of the temporary directory that the sweep added.
# Exits 1 when a seed did not end clean or an entry was left behind.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seeds=${1:-1..200} seconds=${2:-10} threads=${3:-10} parallel=${4:-1}
tmp="${TMPDIR:-/tmp}"
before="$(mktemp -d)"
trap 'rm -rf "$before"' EXIT
(cd "$tmp" && ls -d wedge-* 2>/dev/null || true) | sort >"$before/list"
"$here/wedge" sweep --workload larson --preset strict --agent noise --seeds "$seeds" --seconds "$seconds" \
  --threads "$threads" --parallel "$parallel" --out wedge-out/reliability.jsonl \
  --dump-dir wedge-out/dumps-reliability | tee "$before/table"
left="$( (cd "$tmp" && ls -d wedge-* 2>/dev/null || true) | sort | comm -13 "$before/list" -)"
echo "new wedge-* entries in $tmp: $(grep -c . <<<"$left" || true)"
[[ -n "$left" ]] && sed 's/^/  /' <<<"$left"
grep -Eq '^clean +[0-9]+ +100\.0%' "$before/table" && [[ -z "$left" ]]
