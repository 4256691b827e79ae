#!/usr/bin/env bash
# Prediction backtest (issue 11): groups the commits of a history TSV into work sessions (by author,
# 2-hour idle gap, 30-minute lead-in), predicts each session's duration, commits and lines from the
# sessions that ended before it began (walk-forward) with the product's SessionPredictor, and
# compares the mean absolute error with two naive baselines: the last session, and the mean so far.
# Usage: benchmarks/prediction/run.sh FILE.tsv   (format: /work/shared/data/histories/README.md)
# Ends with one line per quantity: FILE QUANTITY: model MAE x, last-session y, mean-so-far z
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: benchmarks/prediction/run.sh FILE.tsv" >&2; exit 2; }
[ -f "$1" ] || { echo "$1: no such file; give the path of a history TSV (see /work/shared/data/histories/README.md)" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/benchmarks/prediction/Backtest/bin/Release/net10.0"
dotnet build "$root/benchmarks/prediction/Backtest" -c Release -v q -nologo >/dev/null \
    || { echo "building benchmarks/prediction/Backtest failed: run 'dotnet build benchmarks/prediction/Backtest -c Release' to see why" >&2; exit 1; }
exec dotnet "$out/Backtest.dll" "$1"
