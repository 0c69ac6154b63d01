#!/usr/bin/env bash
# Does a fix work? The same seeds against the seed's code and its fixes, one table.
#
#   scripts/verify_fix.sh [SEEDS] [SECONDS] [PRESETS]    defaults: 1..20 10 buggy,option-a,option-b,option-c,option-ac,strict
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/wedge" verify-fix --workload larson --seeds "${1:-1..20}" --seconds "${2:-10}" \
  --presets "${3:-buggy,option-a,option-b,option-c,option-ac,strict}" --out wedge-out/verify-fix.jsonl \
  --dump-dir wedge-out/dumps-verify
