#!/usr/bin/env bash
# Runs every libFuzzer target in Fuzz/ for SECONDS each (default 60) and fails on any crash.
#
#   scripts/fuzz.sh [SECONDS]
#
# Targets: FuzzEventDecoder (journal lines), FuzzTeamConfig (TOML -> member/rotation/team, and bare TOMLDocument),
# FuzzHours (hour ranges, --hours specs, shift lengths, day sets), FuzzSanitizer (terminal text).
# Seeds are read from Fuzz/Corpus/<target>/ (never written); new inputs go to a scratch corpus in
# fuzz-out/corpus/<target>/, and a crashing input to fuzz-out/<target>/crash-*. Turn any crash into
# a regression test in Tests/MeridianKitTests/Hostile*.swift, and add its input to the seeds.
#
# Build flags per DESIGN.md: the SwiftPM flag alone, or two --sanitize flags, silently drop
# coverage or ASan. SWIFT_BACKTRACE=enable=no keeps Swift's backtracer from tripping ASan.
set -euo pipefail

SECONDS_PER_TARGET="${1:-60}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/Fuzz"
OUT="$ROOT/fuzz-out"
TARGETS=(FuzzEventDecoder FuzzTeamConfig FuzzHours FuzzSanitizer)
export SWIFT_BACKTRACE=enable=no

if ! grep -qs "enum TextSanitizer" "$ROOT"/Sources/MeridianTerminal/*.swift; then
    echo "SKIP FuzzSanitizer: MeridianTerminal has no TextSanitizer yet (branch term not merged)"
    TARGETS=(FuzzEventDecoder FuzzTeamConfig FuzzHours)
fi

cd "$FUZZ"
for t in "${TARGETS[@]}"; do
    echo "== building $t"
    mkdir -p "$OUT"
    # SwiftPM keeps the path dependency's (..) file list in the build description and can miss a
    # source file added there since: drop the description so the build is planned afresh.
    rm -f "$FUZZ"/.build/*/debug/description.json
    if ! swift build --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --product "$t" >"$OUT/build-$t.log" 2>&1; then
        grep -v "ld.gold: warning: Cannot export local symbol" "$OUT/build-$t.log" | tail -40
        echo "FAIL: $t did not build"
        exit 1
    fi
done

failed=()
for t in "${TARGETS[@]}"; do
    mkdir -p "$OUT/$t" "$OUT/corpus/$t"
    echo "== fuzzing $t for ${SECONDS_PER_TARGET}s"
    if "$FUZZ/.build/debug/$t" "$OUT/corpus/$t" "$FUZZ/Corpus/$t" \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -artifact_prefix="$OUT/$t/" -print_final_stats=1 >"$OUT/$t.log" 2>&1; then
        grep -E "^stat::number_of_executed_units|^Done" "$OUT/$t.log" | tr '\n' ' '; echo
        echo "ok: $t"
    else
        tail -40 "$OUT/$t.log"
        echo "FAIL: $t crashed; input saved in $OUT/$t/"
        failed+=("$t")
    fi
done

if ((${#failed[@]})); then
    echo "fuzz: crashes in ${failed[*]}"
    exit 1
fi
echo "fuzz: all targets ran ${SECONDS_PER_TARGET}s without a crash"
