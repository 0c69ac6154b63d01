#!/usr/bin/env bash
# The allocator's speed against glibc: Larson's inner loop on `strict` and on malloc/free through
# Unsafe.allocateMemory/freeMemory, in one JMH run per thread count (1, then 2), each closing table labelled
# `Threads: N`. Extra arguments go to JMH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/wedge" --version >/dev/null
# JMH's closing table does not say how many threads ran: each is labelled on the line above it.
for threads in 1 2; do
  java -cp "$root/repro/target/wedge.jar" org.openjdk.jmh.Main LarsonStyleBench -t "$threads" "$@" \
    | awk -v t="$threads" '/^Benchmark +Mode/ { print "Threads: " t } { print; fflush() }'
done
