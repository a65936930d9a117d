#!/usr/bin/env bash
# Real Syncthing between two homes on loopback: two members claim the same task on each side
# while the devices are paused (claims made apart), then sync resumes and both sides must show
# the same holder and the same conflict, with no .sync-conflict- copy (each file has one writer).
#
#   scripts/syncthing-test.sh            # needs `syncthing` (Debian: apt-get install -y syncthing)
#
# Installs nothing: without syncthing it prints a SKIP line and exits 0. Loopback only: global
# and local discovery, relays, NAT traversal, usage and crash reporting are off; GUI/API and
# sync listen on 127.0.0.1. Every syncthing process it starts (monitor and child) is stopped at
# the end, also on failure. Takes about 20-40 s.
set -euo pipefail

if ! command -v syncthing >/dev/null 2>&1; then
    echo "SKIP syncthing-test: syncthing is not installed (apt-get install -y syncthing)"
    exit 0
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MERIDIAN="$ROOT/.build/debug/meridian"
if [[ ! -x "$MERIDIAN" ]]; then (cd "$ROOT" && swift build --product meridian >/dev/null); fi

WORK="$(mktemp -d /tmp/meridian-syncthing.XXXXXX)"
PIDS=()
# Every process below PID (syncthing's monitor starts its child in a new process group).
tree() { local c; for c in $(pgrep -P "$1" 2>/dev/null); do echo "$c"; tree "$c"; done; }
cleanup() {
    local rc=$? all=() pid
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do all+=("$pid" $(tree "$pid")); done
    ((${#all[@]})) && kill -TERM "${all[@]}" 2>/dev/null || true
    for _ in $(seq 100); do
        local alive=0
        for pid in "${all[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        ((alive)) || break
        sleep 0.1
    done
    ((${#all[@]})) && kill -KILL "${all[@]}" 2>/dev/null || true
    if ((rc != 0)); then
        echo "--- syncthing logs (last lines)"; tail -n 15 "$WORK"/h?/log 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit $rc
}
trap cleanup EXIT INT TERM

fail() { echo "FAIL syncthing-test: $*"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Two homes, two team folders.
for side in 1 2; do
    syncthing generate --home="$WORK/h$side" --no-default-folder >/dev/null 2>&1
    mkdir -p "$WORK/team$side"
done
ID1=$(syncthing --home="$WORK/h1" --device-id 2>/dev/null || sed -n 's/.*<device id="\([A-Z0-9-]*\)".*/\1/p' "$WORK/h1/config.xml" | head -1)
ID2=$(syncthing --home="$WORK/h2" --device-id 2>/dev/null || sed -n 's/.*<device id="\([A-Z0-9-]*\)".*/\1/p' "$WORK/h2/config.xml" | head -1)
GUI1=$(free_port); GUI2=$(free_port); SYNC1=$(free_port); SYNC2=$(free_port)

# Loopback only, nothing phoning home; the shared folder built from <defaults><folder> (a
# hand-written one gets maxConflicts=0, and then one side's edit is silently dropped).
configure() { # home gui_port sync_port my_id peer_id peer_port team_path
    python3 - "$@" <<'PY'
import sys, copy, xml.etree.ElementTree as ET
home, gui, port, me, peer, peer_port, team = sys.argv[1:]
path = home + "/config.xml"
tree = ET.parse(path); root = tree.getroot()
g = root.find("gui"); g.set("tls", "false"); g.find("address").text = "127.0.0.1:" + gui
o = root.find("options")
def setopt(name, value):
    e = o.find(name)
    if e is None: e = ET.SubElement(o, name)
    e.text = value
for e in o.findall("listenAddress"): o.remove(e)
ET.SubElement(o, "listenAddress").text = "tcp://127.0.0.1:" + port
for name, value in [("globalAnnounceEnabled", "false"), ("localAnnounceEnabled", "false"), ("relaysEnabled", "false"),
                    ("natEnabled", "false"), ("urAccepted", "-1"), ("urSeen", "3"), ("crashReportingEnabled", "false"),
                    ("autoUpgradeIntervalH", "0"), ("startBrowser", "false"), ("announceLANAddresses", "false")]:
    setopt(name, value)
template_dev = root.find("defaults/device")
d = copy.deepcopy(template_dev); d.set("id", peer); d.set("name", "peer")
for a in d.findall("address"): d.remove(a)
ET.SubElement(d, "address").text = "tcp://127.0.0.1:" + peer_port
root.insert(list(root).index(root.find("gui")), d)
f = copy.deepcopy(root.find("defaults/folder"))
f.set("id", "meridian-team"); f.set("label", "team"); f.set("path", team)
f.set("rescanIntervalS", "10"); f.set("fsWatcherEnabled", "true"); f.set("fsWatcherDelayS", "1")
for e in f.findall("device"): f.remove(e)
for dev in (me, peer):
    ET.SubElement(f, "device", {"id": dev, "introducedBy": ""})
root.insert(0, f)
tree.write(path)
PY
}
configure "$WORK/h1" "$GUI1" "$SYNC1" "$ID1" "$ID2" "$SYNC2" "$WORK/team1"
configure "$WORK/h2" "$GUI2" "$SYNC2" "$ID2" "$ID1" "$SYNC1" "$WORK/team2"
KEY1=$(sed -n 's:.*<apikey>\(.*\)</apikey>.*:\1:p' "$WORK/h1/config.xml")
KEY2=$(sed -n 's:.*<apikey>\(.*\)</apikey>.*:\1:p' "$WORK/h2/config.xml")

for side in 1 2; do
    STNODEFAULTFOLDER=1 STNOUPGRADE=1 setsid syncthing serve --home="$WORK/h$side" --no-browser --no-restart \
        --logfile="$WORK/h$side/log" >/dev/null 2>&1 &
    PIDS+=($!)
done

api() { # side method path
    local port key
    if [[ $1 == 1 ]]; then port=$GUI1; key=$KEY1; else port=$GUI2; key=$KEY2; fi
    curl -fsS -m 10 -X "$2" -H "X-API-Key: $key" "http://127.0.0.1:$port$3"
}

wait_for() { # seconds description command...
    local limit=$1 what=$2; shift 2
    local deadline=$((SECONDS + limit))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || fail "timed out after ${limit}s waiting for $what"
        sleep 0.5
    done
}

connected() { api 1 GET /rest/system/connections | python3 -c 'import sys,json; c=json.load(sys.stdin)["connections"]; sys.exit(0 if any(v.get("connected") for v in c.values()) else 1)'; }
wait_for 60 "both instances to answer" api 2 GET /rest/system/ping
wait_for 60 "the two devices to connect" connected
echo "ok: two syncthing instances connected on 127.0.0.1:$SYNC1 and 127.0.0.1:$SYNC2"

# The team, made on side 1 and synced to side 2.
T1="$WORK/team1"; T2="$WORK/team2"
m() { "$MERIDIAN" "$@" --now "$(date -u +%Y-%m-%dT%H:%M:%SZ)"; }
has_command() { "$MERIDIAN" --help | grep -Eq "^  $1( |$)"; }
cat >"$T1/team.toml" <<'TOML'
name = "Sync test"
columns = ["Todo", "Doing", "Done"]
TOML
mkdir -p "$T1/members"
for who in alice bob; do
    printf 'name = "%s"\ntimezone = "UTC"\n[hours]\nmon = "09:00-17:00"\n' "$who" >"$T1/members/$who.toml"
done

# Appends one event as MEMBER on DEVICE (used where main has no such command yet).
append_event() { # team member device op task
    python3 - "$@" <<'PY'
import sys, json, os, time, secrets, datetime
team, member, device, op, task = sys.argv[1:]
d = os.path.join(team, "journal", member); os.makedirs(d, exist_ok=True)
now = datetime.datetime.now(datetime.timezone.utc)
ev = {"id": secrets.token_hex(16), "lc": int(time.time() * 1000), "at": now.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (now.microsecond // 1000),
      "by": member, "op": op, "task": task}
if op == "task.create": ev["title"] = "Rotate the keys"
with open(os.path.join(d, device + ".jsonl"), "a") as f: f.write(json.dumps(ev, separators=(",", ":")) + "\n")
PY
}

if has_command task; then
    TASK=$(m task add "Rotate the keys" --data "$T1" --as alice --device desk | tail -1)
else
    TASK=T-1
    append_event "$T1" alice desk task.create "$TASK"
fi
task_on_side2() { "$MERIDIAN" status --json --data "$T2" | grep -q "\"$TASK\""; }
wait_for 60 "the task to reach side 2" task_on_side2
echo "ok: task $TASK created on side 1 is on side 2"

# Claims made apart: both devices paused, alice claims on side 1, bob on side 2.
api 1 POST "/rest/system/pause?device=$ID2"; api 2 POST "/rest/system/pause?device=$ID1"
claim() { # team member device
    if has_command claim; then m claim "$TASK" --data "$1" --as "$2" --device "$3"; else append_event "$1" "$2" "$3" task.claim "$TASK"; fi
}
claim "$T1" alice desk
sleep 0.05
claim "$T2" bob laptop
api 1 POST "/rest/system/resume?device=$ID2"; api 2 POST "/rest/system/resume?device=$ID1"
echo "ok: alice claimed on side 1 and bob on side 2 while the devices were paused"

board() { "$MERIDIAN" status --json --data "$1" --now 2026-11-25T12:00:00Z | python3 -c 'import sys,json; print(json.dumps(json.load(sys.stdin)["board"], sort_keys=True))'; }
converged() {
    local b1 b2
    b1=$(board "$T1"); b2=$(board "$T2")
    [[ "$b1" == "$b2" ]] && grep -q '"lost_to"' <<<"$b1"
}
wait_for 90 "both sides to show the same board with the conflict" converged
B=$(board "$T1")
python3 - "$B" "$TASK" <<'PY' || fail "the converged board is not one holder and one lost claim"
import sys, json
board, task = json.loads(sys.argv[1]), sys.argv[2]
tasks = [t for c in board["columns"] for t in c["tasks"] if t["id"] == task]
assert len(tasks) == 1, tasks
holder = tasks[0]["holder"]
assert holder in ("alice", "bob"), holder
conflicts = board["conflicts"]
assert len(conflicts) == 1, conflicts
c = conflicts[0]
assert c["task"] == task and c["lost_to"] == holder and c["member"] == ({"alice", "bob"} - {holder}).pop(), c
print("ok: both sides show holder %s and %s's lost claim (event %s)" % (holder, c["member"], c["event"]))
PY
conflict_copies=$(find "$T1" "$T2" -name '*.sync-conflict-*' | wc -l)
((conflict_copies == 0)) || { find "$T1" "$T2" -name '*.sync-conflict-*'; fail "syncthing made conflict copies"; }
echo "ok: no .sync-conflict- copy on either side"
echo "PASS syncthing-test"
