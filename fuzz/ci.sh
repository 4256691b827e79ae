#!/usr/bin/env bash
# A short fuzz of every reader for CI (docs/FUZZING.md): fuzz/run.sh for FUZZ_SECONDS (default 60)
# each, one after another. Prints one summary line; exits 1 when afl found a crash or a hang in any.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
failed=(); execs=0; lines=()
for target in definition config state handoff; do
  line=$(bash fuzz/run.sh "$target" "$seconds" 2>"${FUZZ_OUT:-/tmp/lifecycle-fuzz}-$target.stderr")
  status=$?
  echo "$line"
  lines+=("$line")
  if [[ $status -ne 0 ]]; then
    failed+=("$target")
    cat "${FUZZ_OUT:-/tmp/lifecycle-fuzz}-$target.stderr" >&2
  fi
  n=$(sed -n 's/^fuzz [a-z]*: \([0-9]*\) execs.*/\1/p' <<<"$line"); execs=$((execs + ${n:-0}))
done
if (( ${#failed[@]} == 0 )); then
  echo "fuzz: 4 readers, $execs execs, ${seconds} s each, no crash or hang"
else
  echo "fuzz: FAILED on ${failed[*]} ($execs execs, ${seconds} s each): see the lines above"
  exit 1
fi
