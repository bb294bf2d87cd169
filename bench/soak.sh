#!/usr/bin/env bash
# Soak test: the stepping view auto-running at full speed, its memory sampled.
#
#   bench/soak.sh [MINUTES] [SCENARIO...]     (default: 4 minutes; digits and gd-modes)
#
# For each scenario: starts target/release/backstep in a detached tmux session (120x40),
# presses `r` (auto-run) and `+` until full speed, then samples the process's resident set
# (VmRSS in /proc/PID/status) every INTERVAL seconds (environment, default 5) for MINUTES
# minutes; prints every sample, the first and the largest, and the status line at the end.
# Build first: cargo build --release. Needs tmux and Linux's /proc.
set -euo pipefail

minutes=${1:-4}
shift || true
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(digits gd-modes)
interval=${INTERVAL:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${BINARY:-$root/target/release/backstep}
[ -x "$binary" ] || { echo "no $binary: run cargo build --release first" >&2; exit 1; }

session=
trap 'if [ -n "$session" ]; then tmux kill-session -t "$session" 2>/dev/null || true; fi' EXIT
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

soak() {
    local scenario=$1 pid first max rss t end
    session="soak-$$-$scenario"
    tmux new-session -d -s "$session" -x 120 -y 40 "LC_ALL=C exec '$binary' run '$scenario'"
    sleep 1
    pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
    tmux send-keys -t "$session" r
    for _ in 1 2 3 4 5 6; do tmux send-keys -t "$session" +; done
    echo "== $scenario: $minutes min, pid $pid, RSS every ${interval}s (kB)"
    first=$(rss_kb "$pid"); max=$first
    end=$((SECONDS + $(awk "BEGIN { print int($minutes * 60) }"))); t=0
    while [ $SECONDS -lt $end ]; do
        rss=$(rss_kb "$pid") || { echo "process $pid ended early" >&2; return 1; }
        printf '%5ds %8d\n' "$t" "$rss"
        [ "$rss" -gt "$max" ] && max=$rss
        sleep "$interval"; t=$((t + interval))
    done
    echo "status: $(tmux capture-pane -t "$session" -p | grep -m1 -i 'epoch' || true)"
    echo "== $scenario: first ${first} kB, max ${max} kB ($((max / 1024)) MiB)"
    tmux kill-session -t "$session"; session=
}

for s in "${scenarios[@]}"; do soak "$s"; done
