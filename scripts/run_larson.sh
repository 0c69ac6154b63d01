#!/usr/bin/env bash
# Larson on the allocator, the way hakmem's scripts/run_larson_claude.sh ran it.
#
#   scripts/run_larson.sh repro SECONDS THREADS [SEED] [PRESET]   reproduce the crash with the agent and explain it
#   scripts/run_larson.sh bench SECONDS THREADS [ROUNDS]          throughput: no agent, agent idle, agent noise
#
# Environment: WEDGE_DUMPS (dump directory, default dumps), WEDGE_AGENT_OPTIONS (extra agent options, k=v,k=v).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() {
  sed -n '4,5p' "${BASH_SOURCE[0]}" | sed 's/^# *//' >&2
  exit 2
}
[[ $# -ge 3 ]] || usage
mode=$1 seconds=$2 threads=$3
[[ $seconds =~ ^[0-9]+$ && $threads =~ ^[0-9]+$ ]] || { echo "run_larson.sh: SECONDS and THREADS must be numbers" >&2; exit 2; }
agent_options=()
IFS=',' read -r -a extra <<< "${WEDGE_AGENT_OPTIONS:-}"
for o in "${extra[@]}"; do [[ -n $o ]] && agent_options+=(--agent-option "$o"); done
case $mode in
  repro)
    seed=${4:-1} preset=${5:-buggy}
    line=$("$here/wedge" run --workload larson --preset "$preset" --seed "$seed" --seconds "$seconds" \
      --threads "$threads" --agent noise --dump-dir "${WEDGE_DUMPS:-dumps}" ${agent_options[@]+"${agent_options[@]}"})
    echo "$line"
    dump=$(sed -n 's/.* dump=\(.*\)$/\1/p' <<< "$line")
    if [[ -n $dump && $dump != - ]]; then
      echo
      "$here/wedge" dump explain "$dump"
    fi
    ;;
  bench)
    "$here/wedge" bench --workload larson --preset strict --seconds "$seconds" --threads "$threads" \
      --rounds "${4:-5}" ${agent_options[@]+"${agent_options[@]}"}
    ;;
  *) usage ;;
esac
