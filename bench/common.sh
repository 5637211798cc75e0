# shellcheck shell=bash
# What the benchmark scripts share; sourced by bench/run.sh, bench/compare.sh and bench/login-flood.sh.

say() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
die() { say "error: $*"; exit 1; }

# The server the script started, its JVM's pid; stopped on exit, on Ctrl+C and between applications.
PID=
stop_server() {
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
        kill "$PID" 2>/dev/null || true
        for _ in $(seq 300); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    PID=
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM
