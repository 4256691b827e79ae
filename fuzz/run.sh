#!/usr/bin/env bash
# Fuzzes one reader with afl-fuzz through SharpFuzz (docs/FUZZING.md).
#
#   fuzz/run.sh TARGET [SECONDS | --execs N]     TARGET: definition | config | state | handoff
#
# Installs what is missing (afl++ from Debian's packages, the sharpfuzz local dotnet tool), publishes
# fuzz/Lifecycle.Fuzz, instruments the reader assemblies, runs afl-fuzz from fuzz/corpus/TARGET for
# SECONDS (default 600) or about N executions, then replays whatever afl saved as a crash or a hang
# through the uninstrumented harness to print its exception. Prints one summary line; exits 1 when
# afl found a crash or a hang.
#
# Environment: FUZZ_OUT (default /tmp/lifecycle-fuzz) holds the builds and afl's findings, one folder
# per target, started afresh each run. FUZZ_TIMEOUT_MS (default 5000) is afl's hang limit per input.
# FUZZ_PUBLISHED: a folder where fuzz/Lifecycle.Fuzz is already published, used instead of publishing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

targets="definition config state handoff"
target="${1:-}"
if [[ ! " $targets " == *" $target "* ]]; then
  echo "usage: fuzz/run.sh {${targets// /|}} [SECONDS | --execs N]" >&2
  exit 2
fi
limit=(-V "${2:-600}")
if [[ "${2:-}" == "--execs" ]]; then
  limit=(-E "${3:?--execs needs a number}")
fi

out="${FUZZ_OUT:-/tmp/lifecycle-fuzz}"
work="$out/$target"
mkdir -p "$out"

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "installing afl++ ..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++) >"$out/apt.log" 2>&1 \
    || { echo "fuzz $target: could not install afl++ (see $out/apt.log)"; exit 1; }
fi
dotnet tool restore >/dev/null

# One publish shared by the targets; each target instruments its own copy (sharpfuzz refuses to
# instrument twice). The plain build replays findings with a readable stack trace.
# FUZZ_PUBLISHED names a publish folder to use as is (long runs beside ongoing builds).
published="${FUZZ_PUBLISHED:-$out/publish}"
if [[ -z "${FUZZ_PUBLISHED:-}" ]]; then
  dotnet publish fuzz/Lifecycle.Fuzz -c Release -o "$published" --nologo -v quiet >"$out/publish.log" 2>&1 \
    || { cat "$out/publish.log" >&2; echo "fuzz $target: publish failed"; exit 1; }
fi
rm -rf "$work" && mkdir -p "$work"
cp -r "$published" "$work/bin"
for assembly in Lifecycle.Workflows.dll Lifecycle.Activities.dll; do
  dotnet sharpfuzz "$work/bin/$assembly" >"$work/instrument.log" 2>&1 \
    || { cat "$work/instrument.log" >&2; echo "fuzz $target: sharpfuzz failed on $assembly"; exit 1; }
done

# .NET is not an afl-instrumented binary (AFL_SKIP_BIN_CHECK); in a container the core_pattern
# usually pipes to a handler afl cannot change, and the harness reports exceptions itself.
export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 \
  AFL_NO_UI=1 AFL_FORKSRV_INIT_TMOUT=60000 AFL_MAP_SIZE=65536
# The targets' files, in memory where there is a tmpfs (each state input is written, then read).
scratch=$(mktemp -d /dev/shm/lifecycle-fuzz-XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export LIFECYCLE_FUZZ_SCRATCH="$scratch"
started=$(date +%s)
status=0
afl-fuzz -i "fuzz/corpus/$target" -o "$work/findings" -x fuzz/dict/json.dict -x "fuzz/dict/$target.dict" -t "${FUZZ_TIMEOUT_MS:-5000}" -m none \
  "${limit[@]}" -- dotnet "$work/bin/Lifecycle.Fuzz.dll" "$target" >"$work/afl.log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - started ))

stats="$work/findings/default/fuzzer_stats"
if [[ ! -f "$stats" ]]; then
  tail -n 30 "$work/afl.log" >&2
  echo "fuzz $target: afl-fuzz did not run (exit $status, log $work/afl.log)"
  exit 1
fi
stat() { sed -n "s/^$1 *: *//p" "$stats"; }
execs=$(stat execs_done); paths=$(stat corpus_count); crashes=$(stat saved_crashes); hangs=$(stat saved_hangs)
rate=$(( execs / (elapsed > 0 ? elapsed : 1) ))

found=$(find "$work/findings/default/crashes" "$work/findings/default/hangs" -type f ! -name README.txt 2>/dev/null | wc -l)
if (( found > 0 )); then
  dotnet build fuzz/Lifecycle.Fuzz -c Release --nologo -v quiet >/dev/null
  dotnet fuzz/Lifecycle.Fuzz/bin/Release/net10.0/Lifecycle.Fuzz.dll "$target" \
    "$work/findings/default/crashes" "$work/findings/default/hangs" >"$work/replay.log" 2>&1 || true
  head -n 60 "$work/replay.log" >&2
fi

echo "fuzz $target: $execs execs in ${elapsed} s ($rate/s), $paths paths, $crashes crashes, $hangs hangs (afl exit $status; $work)"
[[ "$status" -eq 0 && "$crashes" -eq 0 && "$hangs" -eq 0 ]]
