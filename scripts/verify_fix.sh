#!/usr/bin/env bash
# Does a fix work? The same seeds against the seed's code and its fixes, one table.
#
#   scripts/verify_fix.sh [SEEDS] [SECONDS] [PRESETS] [BATCH]
#       defaults: 1..20 10 buggy,option-a,option-b,option-c,option-ac,strict and wedge's own --batch
#
# BATCH is the seeds per child JVM (--batch; 1 starts a JVM per seed). Results go to $WEDGE_OUT (default
# wedge-out/verify-fix.jsonl); run it again with the same file to resume.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
batch=()
[[ -n ${4:-} ]] && batch=(--batch "$4")
"$here/wedge" verify-fix --workload larson --seeds "${1:-1..20}" --seconds "${2:-10}" \
  --presets "${3:-buggy,option-a,option-b,option-c,option-ac,strict}" "${batch[@]}" \
  --out "${WEDGE_OUT:-wedge-out/verify-fix.jsonl}" --dump-dir wedge-out/dumps-verify
