#!/usr/bin/env bash
# The allocator's speed against glibc: Larson's inner loop on `strict` and on malloc/free through
# Unsafe.allocateMemory/freeMemory, in one JMH run per thread count. Extra arguments go to JMH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/wedge" --version >/dev/null
for threads in 1 2; do
  java -cp "$root/repro/target/wedge.jar" org.openjdk.jmh.Main LarsonStyleBench -t "$threads" "$@"
done
