#!/usr/bin/env bash
# Time to reproduce: Larson on `buggy` over many seeds, with and without the agent, side by side.
#
#   scripts/sweep.sh [SEEDS_WITH_AGENT] [SEEDS_WITHOUT] [CAP_SECONDS] [PARALLEL]    defaults: 1..100 1..20 30 1
#
# Results go to wedge-out/ttr-noise.jsonl and wedge-out/ttr-off.jsonl; run it again to resume.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
with=${1:-1..100} without=${2:-1..20} cap=${3:-30} parallel=${4:-1}
for agent in noise off; do
  seeds=$with; [[ $agent == off ]] && seeds=$without
  echo "== agent $agent, seeds $seeds, cap ${cap}s"
  "$here/wedge" sweep --workload larson --preset buggy --agent "$agent" --seeds "$seeds" --seconds "$cap" \
    --parallel "$parallel" --out "wedge-out/ttr-$agent.jsonl" --dump-dir "wedge-out/dumps-$agent"
done
