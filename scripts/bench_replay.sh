#!/usr/bin/env bash
# Deterministic replay figures for docs/PERFORMANCE.md ("Deterministic replay"), on Larson and the buggy preset:
#
#   scripts/bench_replay.sh [SEED] [SEEDS] [THREADS]   defaults: 1 20 4
#
# 1. SEEDS replays of SEED under --agent controlled: how many give the first run's fault address and trace hash;
# 2. schedule points per second: decisions over the time from the run's first event to the fault (the ring holds
#    the whole run);
# 3. time to first fault (wedge run's ttr_ms: child JVM start to its end) under controlled and under noise, seeds
#    1..SEEDS, with the median of each.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seed=${1:-1} seeds=${2:-20} threads=${3:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case=(--workload larson --preset buggy --threads "$threads" --seconds 20)

json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p" <<< "$2"; }
# The first value of field $1 in dump $2, compact or indented: for the fields a fault dump holds once, or first in
# the fault (address).
dumpfield() { grep -o "\"$1\" *: *\"\{0,1\}[^,\"}]*" "$2" | head -1 | sed 's/.*: *"\{0,1\}//'; }
# Nanoseconds from the first recorded event to the last: read from the events alone, since the fault's own nanos
# come before them in the file.
eventspan() { "$here/wedge" dump json "$1" --part events | grep '"nanos"' | sed -n '1p;$p' | tr -dc '0-9\n' \
  | awk 'NR == 1 { first = $1 } NR == 2 { print $1 - first }'; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "1. $seeds replays of seed $seed under controlled"
same=0 first="" rates=()
for i in $(seq 1 "$seeds"); do
  r=$("$here/wedge" run "${case[@]}" --agent controlled --seed "$seed" --agent-option ring=1048576 \
    --dump-dir "$work/replay$i" --json)
  dump=$(json dump "$r")
  [[ $(json outcome "$r") == fault ]] || { echo "  replay $i: $(json outcome "$r")"; continue; }
  key="$(dumpfield address "$dump") $(dumpfield traceHash "$dump")"
  [[ -z $first ]] && first=$key
  [[ $key == "$first" ]] && same=$((same + 1))
  decisions=$(dumpfield decisions "$dump")
  span=$(eventspan "$dump")
  rates+=("$(awk -v d="$decisions" -v s="$span" 'BEGIN {printf "%.0f", d / (s / 1e9)}')")
  echo "  replay $i: fault, address and trace hash $key, $decisions decisions, ttr_ms $(json ttr_ms "$r")"
done
echo "  identical to the first: $same of $seeds"
echo "2. schedule points per second (median of the replays): $(printf '%s\n' "${rates[@]}" | median)"

echo "3. time to first fault, seeds 1..$seeds"
for mode in controlled noise; do
  ttrs=() faults=0
  for s in $(seq 1 "$seeds"); do
    r=$("$here/wedge" run "${case[@]}" --agent "$mode" --seed "$s" --dump-dir "$work/$mode" --json)
    if [[ $(json outcome "$r") == fault ]]; then
      faults=$((faults + 1))
      ttrs+=("$(json ttr_ms "$r")")
    fi
  done
  echo "  $mode: $faults of $seeds seeds faulted; ttr_ms median $(printf '%s\n' "${ttrs[@]}" | median)," \
    "min $(printf '%s\n' "${ttrs[@]}" | sort -n | head -1), max $(printf '%s\n' "${ttrs[@]}" | sort -n | tail -1)"
done
