#!/usr/bin/env bash
# Larson on the allocator, the way hakmem's scripts/run_larson_claude.sh ran it.
#
#   scripts/run_larson.sh repro SECONDS THREADS [SEED] [PRESET]   reproduce the crash with the agent and explain it
#   scripts/run_larson.sh bench SECONDS THREADS [ROUNDS]          throughput: no agent, agent idle, agent noise
#
# Environment: WEDGE_DUMPS (dump directory, default dumps), WEDGE_AGENT_OPTIONS (extra agent options, k=v,k=v);
# the seed's own switches where the model has them: HAKMEM_TINY_SS_ADOPT=0|1 (adoption of slabs whose owner is
# gone: --switch adopt), HAKMEM_DEBUG_OWNERSHIP=0|1 (the ownership assertion: --switch assert-owner).
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
switches=()
# seed_switch VARIABLE SWITCH WHAT: turns SWITCH on or off as the seed's environment variable says, and says so.
seed_switch() {
  local value=${!1:-}
  [[ -z $value ]] && return 0
  case $value in
    1) switches+=("--switch=+$2"); echo "run_larson.sh: $1=1: $3 on (--switch +$2)" >&2 ;;
    0) switches+=("--switch=-$2"); echo "run_larson.sh: $1=0: $3 off (--switch -$2)" >&2 ;;
    *) echo "run_larson.sh: $1 must be 0 or 1, not '$value'" >&2; exit 2 ;;
  esac
}
seed_switch HAKMEM_TINY_SS_ADOPT adopt "adoption of slabs whose owner is gone"
seed_switch HAKMEM_DEBUG_OWNERSHIP assert-owner "the ownership assertion"
case $mode in
  repro)
    seed=${4:-1} preset=${5:-buggy}
    line=$("$here/wedge" run --workload larson --preset "$preset" ${switches[@]+"${switches[@]}"} --seed "$seed" \
      --seconds "$seconds" --threads "$threads" --agent noise --dump-dir "${WEDGE_DUMPS:-dumps}" \
      ${agent_options[@]+"${agent_options[@]}"})
    echo "$line"
    dump=$(sed -n 's/.* dump=\(.*\)$/\1/p' <<< "$line")
    if [[ -n $dump && $dump != - ]]; then
      echo
      "$here/wedge" dump explain "$dump"
    fi
    ;;
  bench)
    "$here/wedge" bench --workload larson --preset strict ${switches[@]+"${switches[@]}"} --seconds "$seconds" \
      --threads "$threads" --rounds "${4:-5}" ${agent_options[@]+"${agent_options[@]}"}
    ;;
  *) usage ;;
esac
