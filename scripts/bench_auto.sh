#!/usr/bin/env bash
# What --points auto costs and how fast it finds races, measured side by side (docs/PERFORMANCE.md, "Automatic
# points").
#
#   scripts/bench_auto.sh [full|smoke] [OUT_DIR]    defaults: full wedge-out/bench-auto
#
# 1. Throughput of a program whose plain fields are each touched by one thread (scripts/bench/NothingShared.java):
#    no agent, the agent with points=auto disarmed (strategy=off), and points=auto under hunt; the three alternate
#    round by round, so they share the machine's load. Target: auto at least 0.5x of no agent.
# 2. Larson on buggy, 4 threads, under hunt: points=auto:wedge.allocator.** (with the allocator's fault types and
#    snapshot, so only the points differ) against the allocator's hand-written profile, alternating seed by seed,
#    pairs=none for both (each run learns from nothing). Target: auto's time to the fault within 2x.
# 3. Time to the first race report under --points auto on examples/plainstack and examples/oncegate (the dump's
#    first report, milliseconds after the first event) and the whole run's time to the fault.
#
# full: 10 rounds of 5 s, seeds 1..20, 30 s cap, examples seeds 1..10. smoke: 1 round of 2 s, seed 1, 20 s cap.
# Every result line is kept in OUT_DIR/*.txt; the table at the end is what docs/PERFORMANCE.md quotes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
mode=${1:-full} out=${2:-wedge-out/bench-auto}
case $mode in
  full)  rounds=10 secs=5 seeds=20 cap=30 ex_seeds=10 ;;
  smoke) rounds=1  secs=2 seeds=1  cap=20 ex_seeds=1 ;;
  *) echo "bench_auto.sh: unknown mode '$mode'; valid: full, smoke" >&2; exit 2 ;;
esac
mkdir -p "$out"
out="$(cd "$out" && pwd)"
"$here/wedge" --help > /dev/null   # builds the jars on first use
agent="$root/agent/target/wedge-agent.jar"
java=${JAVA:-java}
echo "# bench_auto.sh $mode, $(date -u +%FT%TZ), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee "$out/header.txt"

# 1. throughput
mkdir -p "$out/classes"
javac -d "$out/classes" "$here/bench/NothingShared.java" "$root/examples/plainstack/PlainStack.java" \
  "$root/examples/oncegate/OnceGate.java"
: > "$out/throughput.txt"
for r in $(seq 1 "$rounds"); do
  for m in none off auto; do
    case $m in
      none) opts=() ;;
      off)  opts=("-javaagent:$agent=strategy=off,points=auto,dump-dir=$out/dumps,log=warn") ;;
      auto) opts=("-javaagent:$agent=strategy=hunt,points=auto,pairs=none,dump-dir=$out/dumps,log=warn") ;;
    esac
    echo "$m $("$java" "${opts[@]}" -cp "$out/classes" NothingShared "$secs" | sed -n 's/^ops_per_s=//p')" \
      >> "$out/throughput.txt"
  done
done

# 2. Larson: auto against the hand-written profile
: > "$out/larson.txt"
for seed in $(seq 1 "$seeds"); do
  for m in profile auto; do
    extra=(--agent-option pairs=none)
    if [[ $m == auto ]]; then
      extra+=(--agent-option 'points=auto:wedge.allocator.**'
              --agent-option 'fault-type=wedge.allocator.SegmentationFault|wedge.allocator.InvalidFree'
              --agent-option 'snapshot=wedge.allocator.TinyHeap#snapshotAll')
    fi
    "$here/wedge" run --json --workload larson --preset buggy --agent hunt --threads 4 --seconds "$cap" \
      --seed "$seed" --dump-dir "$out/dumps/larson-$m-$seed" "${extra[@]}" \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sys.argv[1], d["outcome"], d["ttr_ms"])' "$m" \
      >> "$out/larson.txt"
  done
done

# 3. time to the first race report under auto on the two examples
: > "$out/examples.txt"
for seed in $(seq 1 "$ex_seeds"); do
  for main in PlainStack OnceGate; do
    dir="$out/dumps/$main-$seed"
    rm -rf "$dir"
    "$here/wedge" run --json --main "$main" --classpath "$out/classes" --points auto --seconds "$cap" \
      --seed "$seed" --dump-dir "$dir" --agent-option pairs=none > "$out/last.json"
    python3 - "$out/last.json" "$main" >> "$out/examples.txt" <<'PY'
import glob, json, os, sys
run = json.load(open(sys.argv[1]))
first = "-"
if run.get("dump"):
    races = json.load(open(run["dump"])).get("races") or []
    first = races[0]["sinceFirstEventMillis"] if races else "-"
print(sys.argv[2], run["outcome"], run["ttr_ms"], first)
PY
  done
done

python3 - "$out" <<'PY'
import statistics, sys
out = sys.argv[1]
rows = [l.split() for l in open(out + "/throughput.txt") if len(l.split()) == 2]
med = {m: statistics.median(float(v) for k, v in rows if k == m) for m in ("none", "off", "auto")}
print("throughput (median ops/s, NothingShared): none %.0f, auto disarmed %.0f (%.2fx), auto under hunt %.0f (%.2fx)"
      % (med["none"], med["off"], med["off"] / med["none"], med["auto"], med["auto"] / med["none"]))
lars = [l.split() for l in open(out + "/larson.txt")]
for m in ("profile", "auto"):
    t = [int(x[2]) for x in lars if x[0] == m and x[1] == "fault"]
    n = sum(1 for x in lars if x[0] == m)
    print("larson buggy x4 under hunt, %-7s: %d/%d faulted, median time to fault %s ms"
          % (m, len(t), n, statistics.median(t) if t else "-"))
ex = [l.split() for l in open(out + "/examples.txt")]
for main in ("PlainStack", "OnceGate"):
    r = [x for x in ex if x[0] == main]
    firsts = [int(x[3]) for x in r if x[3] != "-"]
    print("%-10s under auto: %d/%d faulted, median ttr %s ms; first race report in %d runs, median %s ms after the "
          "first event" % (main, sum(1 for x in r if x[1] == "fault"), len(r),
                           statistics.median(int(x[2]) for x in r), len(firsts),
                           statistics.median(firsts) if firsts else "-"))
PY
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
