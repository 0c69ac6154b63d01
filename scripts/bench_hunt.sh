#!/usr/bin/env bash
# What `hunt` buys against blind noise and against no agent at all, measured side by side, and what the agent costs.
#
#   scripts/bench_hunt.sh [full|short|quick|smoke|batch|batch-smoke] [OUT_DIR] [--batch N]
#       defaults: full wedge-out/bench-hunt, and wedge's own --batch
#
# full  (about 30 minutes on an idle 2-core machine, most of it the rare case without the agent): buggy Larson at
#       4 and 10 threads, seeds 1..50, and the rare case
#       (Larson, 2 threads, 16 blocks per thread) and the spaced gate (examples/spacedgate), seeds 1..20 each, each
#       seed run under --agent off, noise, hunt and hunt-cold in turn (so they share the machine's load), 30 s cap.
#       hunt runs with the user's cache as the runs before left it (woven classes, learned pairs, class-data
#       archives: warm); hunt-cold with an empty cache of its own (XDG_CACHE_HOME emptied before every run: a first
#       run on a new machine). Then the start-up cost of the agent on a hello-world main (JDK 17, and 25 when
#       installed; cold and warm), `wedge --help`, and Larson's throughput with the agent attached and disarmed
#       against no agent (wedge bench, 5 rounds).
# short (about 15 minutes): as full with seeds 1..10 in every case.
# quick (about 10 minutes): seeds 1..5 (rare case and spaced gate 1..3), 10 s cap, 3 bench rounds of 5 s.
# smoke (about 2 minutes): seed 1 of each case, 10 s cap, 1 bench round of 3 s: to see that the script works.
# batch (about 6 minutes with VF_SECONDS=2, 20 at 10): many seeds per JVM against one JVM per seed, whole runs timed (bench_batch below):
#       `wedge sweep` of buggy Larson, 4 threads, hunt, seeds 1..100, 30 s cap, batched (--batch N) and with
#       --batch 1, in turn; the rare case (2 threads, 16 blocks per thread) seeds 1..20 batched; then
#       `scripts/verify_fix.sh 1..20 10` batched and with --batch 1, with the verdict per preset of each
#       (VF_SECONDS=S runs it for S seconds a seed instead of 10: a clean seed runs its whole time, batched or not,
#       so at 10 s the two verify-fix runs take about 8 minutes each).
# batch-smoke (about 2 minutes): the same with seeds 1..4 (rare case 1..2, verify_fix 1..2 for 2 s).
#
# Prints one table; every run's result line is kept in OUT_DIR/runs.jsonl and its dump in OUT_DIR/dumps/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mode=${1:-full} out=${2:-wedge-out/bench-hunt}
batch=()
if [[ ${3:-} == --batch ]]; then
  batch=(--batch "${4:?--batch takes the seeds per JVM}")
elif [[ -n ${3:-} ]]; then
  echo "bench_hunt.sh: unknown option '$3'; valid: --batch N" >&2; exit 2
fi
case $mode in
  full)  seeds=50 rare_seeds=20 cap=30 rounds=5 bench_s=15 starts=10 ;;
  short) seeds=10 rare_seeds=10 cap=30 rounds=5 bench_s=15 starts=10 ;;
  quick) seeds=5  rare_seeds=3  cap=10 rounds=3 bench_s=5  starts=5 ;;
  smoke) seeds=1  rare_seeds=1  cap=10 rounds=1 bench_s=3  starts=2 ;;
  batch) seeds=100 rare_seeds=20 cap=30 vf_seeds=20 vf_s=${VF_SECONDS:-10} ;;
  batch-smoke) seeds=4 rare_seeds=2 cap=30 vf_seeds=2 vf_s=2 ;;
  *) echo "bench_hunt.sh: unknown mode '$mode'; valid: full, short, quick, smoke, batch, batch-smoke" >&2; exit 2 ;;
esac
mkdir -p "$out/dumps"
runs="$out/runs.jsonl"
: > "$runs"
echo "# bench_hunt.sh $mode ${batch[*]}, $(date -u +%FT%TZ), $(nproc) cores, load average at start:" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/header.txt"

# Many seeds per JVM against one JVM per seed: whole `wedge sweep`s and `verify_fix.sh`s timed from start to end,
# each from an empty result file, the batched one first and the unbatched one right after (the same machine load,
# as near as a run of minutes allows); the load average is written beside each.
timed() {
  local name=$1; shift
  local start end
  start=$(date +%s%N)
  "$@" > "$out/$name.txt" 2>&1
  end=$(date +%s%N)
  echo "$name $(( (end - start) / 1000000 )) $(cut -d' ' -f1 /proc/loadavg)" >> "$out/times.txt"
}
bench_batch() {
  : > "$out/times.txt"
  local freq=(--workload larson --preset buggy --threads 4 --agent hunt --seconds "$cap")
  for b in batched unbatched; do
    local opt=("${batch[@]}"); [[ $b == unbatched ]] && opt=(--batch 1)
    rm -f "$out/sweep-$b.jsonl"
    timed "sweep-$b" "$here/wedge" sweep "${freq[@]}" --seeds "1..$seeds" "${opt[@]}" \
      --out "$out/sweep-$b.jsonl" --dump-dir "$out/dumps/sweep-$b"
  done
  rm -f "$out/rare-batched.jsonl"
  timed rare-batched "$here/wedge" sweep --workload larson --preset buggy --threads 2 --larson-sizes 8,128,16,1 \
    --agent hunt --seconds "$cap" --seeds "1..$rare_seeds" "${batch[@]}" --out "$out/rare-batched.jsonl" \
    --dump-dir "$out/dumps/rare-batched"
  for b in batched unbatched; do
    local n=${batch[1]:-}; [[ $b == unbatched ]] && n=1
    rm -f "$out/verify-fix-$b.jsonl"
    WEDGE_OUT="$out/verify-fix-$b.jsonl" timed "verify-fix-$b" "$here/verify_fix.sh" "1..$vf_seeds" "$vf_s" "" "$n"
  done
  python3 - "$out" <<'EOF'
import json, sys
out = sys.argv[1]
times = {l.split()[0]: (int(l.split()[1]), l.split()[2]) for l in open(out + "/times.txt")}
def results(name):
    return [json.loads(l) for l in open("%s/%s.jsonl" % (out, name)) if l.strip()]
print("| run | wall | seeds | faulted | seeds per minute | load average at its end |")
print("|---|---|---|---|---|---|")
for name in ("sweep-batched", "sweep-unbatched", "rare-batched", "verify-fix-batched", "verify-fix-unbatched"):
    rs = results(name)
    ms, load = times[name]
    faults = sum(1 for r in rs if r["outcome"] == "fault" and not r["signature"].startswith("heap:"))
    print("| %s | %.1f s | %d | %d | %.0f | %s |" % (name, ms / 1000, len(rs), faults, 60000.0 * len(rs) / ms, load))
b, u = times["sweep-batched"][0], times["sweep-unbatched"][0]
print()
print("sweep: batched / unbatched wall = %.2f (target: batched at most 30 s, every seed a fault)" % (b / u))
def verdicts(name):
    v = {}
    for r in results(name):
        v.setdefault(r["preset"], set()).add(r["outcome"])
    return {p: "fault" if "fault" in o else "/".join(sorted(o)) for p, o in v.items()}
vb, vu = verdicts("verify-fix-batched"), verdicts("verify-fix-unbatched")
print("verify-fix: batched / unbatched wall = %.2f; verdict per preset batched %s, unbatched %s: %s"
      % (times["verify-fix-batched"][0] / times["verify-fix-unbatched"][0], vb, vu,
         "the same" if vb == vu else "DIFFERENT"))
EOF
}
if [[ $mode == batch* ]]; then
  bench_batch | tee "$out/batch.txt"
  exit 0
fi

# A cache of its own for the cold runs, emptied before each one; absolute, as XDG_CACHE_HOME must be (a relative one
# is ignored, and the user's cache used instead).
cold_cache="$(cd "$out" && pwd)/cold-cache"

# One case: `name`, the number of seeds, then the wedge run options of the case (a workload, or a program with its
# arguments after --, last); each seed under off, noise, hunt, hunt-cold in turn, each run in a fresh dump dir.
# wall_ms is the user's whole wait: the `wedge` command from start to end, launcher included. A run without the
# agent ends `error` when the program's own exception escapes (nothing captures it): with `off_fault` set, such a run
# whose detail names that exception counts as the fault.
run_case() {
  local name=$1 n=$2; shift 2
  for seed in $(seq 1 "$n"); do
    for agent in off noise hunt hunt-cold; do
      local dir="$out/dumps/$name-$agent-$seed" env=()
      rm -rf "$dir"
      if [[ $agent == hunt-cold ]]; then
        rm -rf "$cold_cache"
        env=(XDG_CACHE_HOME="$cold_cache")
      fi
      local start end
      start=$(date +%s%N)
      env "${env[@]}" "$here/wedge" run --json --seconds "$cap" --agent "${agent%-cold}" --seed "$seed" \
        --dump-dir "$dir" "$@" > "$out/last.json"
      end=$(date +%s%N)
      python3 - "$out/last.json" "$name" "$agent" "$(( (end - start) / 1000000 ))" "${off_fault:-}" >> "$runs" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
r["case"], r["agent"], r["wall_ms"] = sys.argv[2], sys.argv[3], int(sys.argv[4])
off_fault = sys.argv[5]
if off_fault and r["agent"] == "off" and r["outcome"] == "error" and off_fault in (r.get("detail") or ""):
    r["outcome"], r["signature"] = "fault", off_fault
print(json.dumps(r))
EOF
    done
    printf '.' >&2
  done
  echo " $name done" >&2
}

larson=(--workload larson --preset buggy)
run_case buggy-4t "$seeds" "${larson[@]}" --threads 4
run_case buggy-10t "$seeds" "${larson[@]}" --threads 10
run_case rare-2t-16 "$rare_seeds" "${larson[@]}" --threads 2 --larson-sizes 8,128,16,1

# A race whose two sides are far apart (examples/spacedgate): two threads try a take-once gate written as
# check-then-act on a plain field, each after some tens of microseconds of private work; a near miss on one gate is
# almost the race itself, so `hunt` has little to learn from. Without the agent the program ends by the uncaught
# SpacedGate$TakenTwice (exit 1; the result's detail names it). The program gets the cap as its own time limit.
gate="$out/spacedgate"
mkdir -p "$gate"
javac -d "$gate" "$here/../examples/spacedgate/SpacedGate.java"
off_fault='SpacedGate$TakenTwice' run_case spaced-gate "$rare_seeds" --main SpacedGate --classpath "$gate" \
  --points "$here/../examples/spacedgate/spacedgate.points" -- "$cap" 20000

# Start-up: a hello-world main with and without the agent (noise armed), median of $starts starts each, alternating.
# Two point files of its own (the allocator's profile is not on a hello-world's class path): one whose package the
# main never loads, fault type included (the agent's own start-up), one on the main class itself (start-up and the
# weaver built before main). A point or fault type of a class the JVM loads before main (a JDK class such as
# java.lang.AssertionError) also has the weaver built before main.
hello="$out/hello"
mkdir -p "$hello"
printf 'package hello; public class Hello { static String greeting = "hello"; public static void main(String[] a) { System.out.println(greeting); } }\n' > "$hello/Hello.java"
printf 'field-read unused.Never#field never.read\nfault-type unused.Failure\n' > "$hello/unused.points"
printf 'field-read hello.Hello#greeting greeting.read\nfault-type java.lang.AssertionError\n' > "$hello/hello.points"
agent_jar="$(cd "$here/.." && pwd)/agent/target/wedge-agent.jar"
startup() {
  local java_home=$1
  "$java_home/bin/javac" -d "$hello/$(basename "$java_home")" "$hello/Hello.java"
  python3 - "$java_home" "$hello/$(basename "$java_home")" "$agent_jar" "$starts" "$out/dumps/startup" \
    "$hello/unused.points" "$hello/hello.points" <<'EOF'
import statistics, subprocess, sys, time
java, cp, jar, n, dumps = sys.argv[1] + "/bin/java", sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
unused, main = sys.argv[6], sys.argv[7]
import os, shutil
cold_cache = os.path.abspath(dumps + "-cold-cache")
def start(points, cold=False):
    extra = [] if points is None else ["-javaagent:%s=strategy=noise,points=%s,dump-dir=%s" % (jar, points, dumps)]
    env = dict(os.environ)
    if cold:
        shutil.rmtree(cold_cache, ignore_errors=True)
        env["XDG_CACHE_HOME"] = cold_cache
    t = time.monotonic()
    subprocess.run([java] + extra + ["-cp", cp, "hello.Hello"], check=True, capture_output=True, env=env)
    return time.monotonic() - t
kinds = [(None, False), (unused, False), (main, False), (main, True)]
times = {k: [] for k in kinds}
for _ in range(n):
    for k in kinds:
        times[k].append(start(*k))
b, u, m, c = (statistics.median(times[k]) for k in kinds)
print("startup %s bare %.3f s; agent (noise), no class of its points loaded %.3f s (added %.3f s), "
      "a point on the main class %.3f s warm (added %.3f s), %.3f s cold (added %.3f s)"
      % (java, b, u, u - b, m, m - b, c, c - b))
EOF
}
{
  first_jdk="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  jdk25=/usr/lib/jvm/temurin-25-jdk-amd64
  startup "$first_jdk"
  # once only when JDK 25 is the one on the PATH
  if [[ -d $jdk25 && "$(readlink -f "$jdk25")" != "$first_jdk" ]]; then startup "$jdk25"; fi
} | tee "$out/startup.txt"

# The wedge command's own start: `wedge --help`, median of $starts.
python3 - "$here/wedge" "$starts" <<'EOF' | tee "$out/help.txt"
import statistics, subprocess, sys, time
def once():
    t = time.monotonic()
    subprocess.run([sys.argv[1], "--help"], check=True, capture_output=True)
    return time.monotonic() - t
once()
print("wedge --help: median %.3f s of %s" % (statistics.median(once() for _ in range(int(sys.argv[2]))), sys.argv[2]))
EOF

# Larson's throughput, attached and disarmed (idle) against no agent, the modes side by side in each round.
"$here/wedge" bench --preset strict --seconds "$bench_s" --threads 10 --rounds "$rounds" | tee "$out/bench.txt"

python3 - "$runs" "$cap" <<'EOF'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
cap = int(sys.argv[2])
def dump(r):
    try:
        return json.load(open(r["dump"])) if r.get("dump") else None
    except (OSError, ValueError):
        return None
def med(xs):
    return "%.2f s" % (statistics.median(xs) / 1000) if xs else "-"
print()
print("| case | agent | seeds | faulted | ttr median (faults) | ttr max | whole wait median (faults) | race outcomes | first race (median, ms after the first event) | pauses per 1000 events |")
print("|---|---|---|---|---|---|---|---|---|---|")
summary = {}
for case in dict.fromkeys(r["case"] for r in runs):
    for agent in ("off", "noise", "hunt", "hunt-cold"):
        rs = [r for r in runs if r["case"] == case and r["agent"] == agent]
        # A crash: a fault during the run; a heap whose books do not balance at its end (heap:...) is not one.
        faults = [r for r in rs if r["outcome"] == "fault" and not r["signature"].startswith("heap:")]
        ttr = [r["ttr_ms"] for r in faults]
        firsts, pauses, events = [], 0, 0
        for r in rs:
            d = dump(r)
            if not d:
                continue
            if d.get("races"):
                firsts.append(d["races"][0]["sinceFirstEventMillis"])
            events += d.get("eventsTotal") or 0
            if agent.startswith("hunt"):
                pauses += (d.get("hunt") or {}).get("pauses", 0)
            elif agent == "noise":
                pauses += (d.get("eventsTotal") or 0) * float(d["options"].get("p", "0.02"))
        per = "%.2f" % (1000.0 * pauses / events) if events and agent != "off" else "-"
        if agent == "noise" and events:
            per += " (p x events)"
        summary[(case, agent)] = (len(faults), len(rs), statistics.median(ttr) if ttr else None)
        print("| %s | %s | %d | %d/%d | %s | %s | %s | %d | %s | %s |" % (case, agent, len(rs), len(faults), len(rs),
              med(ttr), "%.2f s" % (max(ttr) / 1000) if ttr else "-", med([r["wall_ms"] for r in faults]),
              sum(1 for r in rs if r["outcome"] == "race"),
              "%d" % statistics.median(firsts) if firsts else "-", per))
print()
for case in dict.fromkeys(r["case"] for r in runs):
    off, hunt = summary.get((case, "off")), summary.get((case, "hunt"))
    if off and hunt and off[2] and hunt[2]:
        print("%s: hunt's median ttr / off's = %.2f (target <= 0.5 on buggy)" % (case, hunt[2] / off[2]))
print("ttr: wall time from starting the child JVM to its end (JVM start, weaving and dump writing included); cap %d s." % cap)
print("whole wait: the wedge command from start to end, launcher and result line included.")
EOF
cat "$out/startup.txt" "$out/help.txt"
grep -E "ratio|idle|median" "$out/bench.txt" | tail -4 || true
