#!/usr/bin/env bash
# Soak: the dashboard open in tmux for MINUTES (default 10) while a teammate's event is appended
# every second. Records the dashboard's resident memory and CPU time every 10 s, then checks:
#   - memory: RSS at the end exceeds RSS after the first minute by no more than the data's own
#     growth (journal bytes appended x 8) + 4 MiB;
#   - CPU: the last minute costs no more than twice the first minute + 1 % of a core;
#   - no missed update: the last title appended is on screen within 3 s.
#
#   scripts/soak.sh [MINUTES]        # needs tmux and `meridian dash`; run on demand, not in CI
#
# Writes soak-out/soak.csv (seconds, rss_kib, cpu_ticks, journal_bytes) and soak-out/screen.txt.
set -euo pipefail

MINUTES="${1:-10}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MERIDIAN="$ROOT/.build/debug/meridian"
OUT="$ROOT/soak-out"
command -v tmux >/dev/null || { echo "SKIP soak: tmux is not installed"; exit 0; }
[[ -x "$MERIDIAN" ]] || (cd "$ROOT" && swift build --product meridian >/dev/null)
if ! "$MERIDIAN" --help | grep -Eq "^  dash( |$)"; then
    echo "SKIP soak: this meridian has no dashboard (dash) yet"
    exit 0
fi

WORK="$(mktemp -d /tmp/meridian-soak.XXXXXX)"
SESSION="meridian-soak-$$"
mkdir -p "$OUT"
cleanup() {
    tmux kill-session -t "$SESSION" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

TEAM="$WORK/team"
mkdir -p "$TEAM/members" "$TEAM/journal/bob"
printf 'name = "Soak"\ncolumns = ["Todo", "Doing", "Done"]\n' >"$TEAM/team.toml"
for who in alice bob; do
    printf 'name = "%s"\ntimezone = "Europe/Berlin"\n[hours]\nmon = "00:00-24:00"\ntue = "00:00-24:00"\nwed = "00:00-24:00"\nthu = "00:00-24:00"\nfri = "00:00-24:00"\nsat = "00:00-24:00"\nsun = "00:00-24:00"\n' \
        "$who" >"$TEAM/members/$who.toml"
done
JOURNAL="$TEAM/journal/bob/desk.jsonl"
event() { # op json-fields
    local ms; ms=$(date +%s%3N)
    printf '{"id":"%s","lc":%s,"at":"%s","by":"bob","op":"%s",%s}\n' \
        "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" "$ms" "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" "$1" "$2" >>"$JOURNAL"
}
event task.create '"task":"SOAK","title":"Soak tick 0"'

tmux new-session -d -s "$SESSION" -x 120 -y 40 "TERM=xterm-256color $MERIDIAN dash --data $TEAM --as alice --device soak"
sleep 2
PID=$(tmux list-panes -t "$SESSION" -F '#{pane_pid}')
[[ -d /proc/$PID ]] || { echo "FAIL soak: the dashboard did not start"; exit 1; }

rss() { awk '/^VmRSS/ {print $2}' "/proc/$PID/status"; }
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
echo "seconds,rss_kib,cpu_ticks,journal_bytes" >"$OUT/soak.csv"
TOTAL=$((MINUTES * 60))
start=$SECONDS
n=0
while ((SECONDS - start < TOTAL)); do
    n=$((n + 1))
    event task.edit "\"task\":\"SOAK\",\"title\":\"Soak tick $n\""
    if ((n % 10 == 0)); then
        [[ -d /proc/$PID ]] || { echo "FAIL soak: the dashboard exited after $n s"; exit 1; }
        echo "$((SECONDS - start)),$(rss),$(ticks),$(stat -c %s "$JOURNAL")" >>"$OUT/soak.csv"
    fi
    sleep 1
done
sleep 3
tmux capture-pane -p -t "$SESSION" >"$OUT/screen.txt"

python3 - "$OUT/soak.csv" "$n" "$OUT/screen.txt" "$(getconf CLK_TCK)" <<'PY'
import csv, sys
rows = [{k: int(v) for k, v in r.items()} for r in csv.DictReader(open(sys.argv[1]))]
last_n, screen, hz = int(sys.argv[2]), open(sys.argv[3]).read(), int(sys.argv[4])
ok = True
def check(cond, msg):
    global ok
    print(("ok: " if cond else "FAIL: ") + msg)
    ok &= cond
base = next((r for r in rows if r["seconds"] >= 60), rows[0])
end = rows[-1]
data_kib = (end["journal_bytes"] - base["journal_bytes"]) / 1024
growth = end["rss_kib"] - base["rss_kib"]
check(growth <= data_kib * 8 + 4096, f"RSS grew {growth} KiB after the first minute; the journal grew {data_kib:.0f} KiB")
def cpu(a, b): return (b["cpu_ticks"] - a["cpu_ticks"]) / hz / max(1, b["seconds"] - a["seconds"]) * 100
first = [r for r in rows if r["seconds"] <= 70]
lastm = [r for r in rows if r["seconds"] >= end["seconds"] - 60]
if len(first) >= 2 and len(lastm) >= 2:
    c1, c2 = cpu(first[0], first[-1]), cpu(lastm[0], lastm[-1])
    check(c2 <= 2 * c1 + 1.0, f"CPU {c1:.2f} % of a core in the first minute, {c2:.2f} % in the last")
check(f"Soak tick {last_n}" in screen, f"the last title appended (Soak tick {last_n}) is on screen")
sys.exit(0 if ok else 1)
PY
echo "PASS soak ($MINUTES min); data in $OUT/"
