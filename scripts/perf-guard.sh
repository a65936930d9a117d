#!/usr/bin/env bash
# Performance regression guard for CI: counts the instructions of one cold `meridian status --json`
# on a generated team (1/20 of the big team: 15 members, 1,000 tasks, 10,000 events) with
# valgrind's callgrind, and fails when the count exceeds the committed budget. Instruction counts
# are repeatable on a busy machine (wall time is not), and the budgets have ~2.5x headroom.
# A second run then measures the warm start (the journal cache written by the first).
#
#   scripts/perf-guard.sh            # builds the release binaries if needed
#   PERF_BUDGET=... scripts/perf-guard.sh
set -euo pipefail
cd "$(dirname "$0")/.."

budget_file=scripts/perf-budget.txt
budget=${PERF_BUDGET:-$(grep -v '^#' "$budget_file" | sed -n 1p)}
warm_budget=${PERF_WARM_BUDGET:-$(grep -v '^#' "$budget_file" | sed -n 2p)}

if ! command -v valgrind >/dev/null; then
    echo "perf-guard: valgrind not found; skipping the instruction-count guard" >&2
    exit 0
fi

swift build -c release --product meridian
swift build -c release --product meridian-bench
bin=$(swift build -c release --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/meridian-bench" --generate "$work/team" --scale 20 --generate-only
# The generated team must read without a single problem.
"$bin/meridian" check --data "$work/team" --now 2026-11-25T14:00:00Z >/dev/null

# valgrind 3.19 cannot read the DWARF of this toolchain's release build: measure a copy without it.
cp "$bin/meridian" "$work/meridian"
strip --strip-debug "$work/meridian" 2>/dev/null || true
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" HOME="$work" TZ=UTC
valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$work/cg.log" \
    "$work/meridian" status --json --data "$work/team" --as m000 --now 2026-11-25T14:00:00Z >/dev/null
count=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg.log")
if [ -z "$count" ]; then
    echo "perf-guard: no instruction count from callgrind:" >&2
    cat "$work/cg.log" >&2
    exit 1
fi
printf 'perf-guard: cold status --json on the 1/20 team: %s instructions (budget %s, %s%%)\n' \
    "$count" "$budget" "$((count * 100 / budget))"
if [ "$count" -gt "$budget" ]; then
    echo "perf-guard: FAILED: over budget. Profile with: valgrind --tool=callgrind $work/meridian status --json ..." >&2
    exit 1
fi

# Warm start: the same command again reads the journal cache the cold run wrote in $XDG_STATE_HOME.
valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$work/cg-warm.log" \
    "$work/meridian" status --json --data "$work/team" --as m000 --now 2026-11-25T14:00:00Z >/dev/null
warm=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg-warm.log")
printf 'perf-guard: warm status --json (journal cache): %s instructions (budget %s, %s%%)\n' \
    "$warm" "$warm_budget" "$((warm * 100 / warm_budget))"
if [ -z "$warm" ] || [ "$warm" -gt "$warm_budget" ]; then
    echo "perf-guard: FAILED: the warm start is over budget (or was not measured)" >&2
    exit 1
fi
