#!/usr/bin/env bash
# The login-flood benchmark of issue #14: what 64 clients sending wrong passwords do to everyone else.
#
#   bench/login-flood.sh
#
# Builds library.war (BENCH_SKIP_BUILD=1 reuses the last build), starts Payara Micro on a fresh
# database with the demo catalogue and the benchmark's JVM options (bench/run.sh), then
#
#   1. quiet:  anonymous catalogue reads (GET /api/books, pages 0-9) with 8 connections;
#   2. flood:  the same reads while 64 more connections send GET /api/me with HTTP Basic, a random
#              user name and a wrong password each time (as a password sprayer would), all from one
#              address; then the same again from 64 addresses (X-Forwarded-For through a trusted
#              proxy, so that the per-address throttle does not stop them and the per-name counts and
#              the gate on password checks must);
#   3. prints the reads' req/s, p50 and p99 for each phase, what the flood was answered (401 checked,
#      429 refused before a check or busy, 503 if any), and the verdict on the target: reads' p99 under
#      the flood below 2x the quiet p99, and no 5xx at all; appends the table to BENCHMARKS.md
#      (BENCH_RECORD=0: don't).
#
# Settings (environment): BENCH_DURATION (s per phase, 20), BENCH_WARMUP (s, 10), BENCH_JAVA_OPTS,
# BENCH_PORT, BENCH_NOTE, LIBRARY_ADMIN_PASSWORD, as for bench/run.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/target
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-10}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export LIBRARY_ADMIN_PASSWORD=${LIBRARY_ADMIN_PASSWORD:-Bench-Librarian-$RANDOM$RANDOM}
LUA=$ROOT/bench/wrk/library.lua
FLOOD=$ROOT/bench/wrk/login-flood.lua

# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"
command -v wrk >/dev/null || die "wrk is missing; install it with: apt-get install -y wrk"

mkdir -p "$OUT"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    say "building library.war (./mvnw package -pl library-web -am -DskipTests)"
    ./mvnw -B -q package -pl library-web -am -DskipTests >"$OUT/build.log" 2>&1 \
        || { tail -30 "$OUT/build.log"; die "the build failed (log: $OUT/build.log)"; }
fi
WAR=$ROOT/library-web/target/library.war
MICRO=$ROOT/library-web/target/payara-micro.jar


PORT=
for p in $(seq "${BENCH_PORT:-18080}" 18999); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PORT=$p; break; fi
done
[ -n "$PORT" ] || die "no free port"
BASE=http://127.0.0.1:$PORT
dir=$OUT/login-flood
rm -rf "$dir"; mkdir -p "$dir/tmp"
say "starting Payara Micro on port $PORT"
# shellcheck disable=SC2086
java $JAVA_OPTS -Dderby.system.home="$dir/derby" -Djava.io.tmpdir="$dir/tmp" \
    -Dlibrary.demo-data=true -Dlibrary.http.trusted-proxies=127.0.0.1 \
    -jar "$MICRO" --deploy "$WAR" --contextroot library --port "$PORT" --nocluster \
    --rootDir "$dir/payara-micro-root" >"$dir/server.log" 2>&1 &
PID=$!
until curl -fs -o /dev/null "$BASE/library/api/status"; do
    kill -0 "$PID" 2>/dev/null || { tail -40 "$dir/server.log"; die "the server stopped"; }
    sleep 0.2
done

reads() { # reads SECONDS: sets RPS P50 P99 FIVE from the books scenario
    local line
    line=$(wrk -t2 -c8 -d"$1s" --timeout 10s -s "$LUA" "$BASE" -- books | grep '^RESULT ')
    RPS=$(sed 's/.* rps=\([0-9.]*\).*/\1/' <<<"$line")
    P50=$(sed 's/.* p50_us=\([0-9]*\).*/\1/' <<<"$line" | awk '{printf "%.1f", $1 / 1000}')
    P99=$(sed 's/.* p99_us=\([0-9]*\).*/\1/' <<<"$line" | awk '{printf "%.1f", $1 / 1000}')
    FIVE=$(sed 's/.* s5xx=\([0-9]*\).*/\1/' <<<"$line")
}

flood() { # flood MODE SECONDS: runs the flood in the background, its summary in $dir/flood-MODE.txt
    wrk -t2 -c64 -d"$2s" --timeout 30s -s "$FLOOD" "$BASE" -- "$1" >"$dir/flood-$1.txt" 2>&1 &
    FLOOD_PID=$!
}

say "warming up ($WARMUP s)"
reads "$WARMUP"
say "quiet reads ($DURATION s)"
reads "$DURATION"; Q_RPS=$RPS; Q_P50=$P50; Q_P99=$P99; Q_FIVE=$FIVE

declare -A F_RPS F_P50 F_P99 F_FIVE F_LINE
for mode in one-address many-addresses; do
    say "reads under a login flood from $mode ($DURATION s)"
    flood "$mode" $(( DURATION + 4 ))
    sleep 2
    reads "$DURATION"
    wait "$FLOOD_PID" || true
    F_RPS[$mode]=$RPS; F_P50[$mode]=$P50; F_P99[$mode]=$P99; F_FIVE[$mode]=$FIVE
    F_LINE[$mode]=$(grep '^FLOOD ' "$dir/flood-$mode.txt" || echo "FLOOD (no summary: see $dir/flood-$mode.txt)")
    sleep 3
done
rss_mb=$(( $(awk '/^VmRSS/ { print $2 }' "/proc/$PID/status") / 1024 ))
stop_server

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
# verdict P99 READS_5XX FLOOD_5XX
verdict() { awk -v q="$Q_P99" -v f="$1" -v a="$2" -v b="$3" 'BEGIN { print (f < 2 * q && a == 0 && b == 0) ? "met" : "**missed**" }'; }
field() { sed -n "s/.* $2=\([0-9]*\).*/\1/p" <<<"$1"; }
table=$(
    echo "### Login flood — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
    echo
    echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end. Server: Payara Micro, embedded Derby, demo catalogue, \`$JAVA_OPTS\`."
    [ -z "${BENCH_NOTE:-}" ] || echo "Note: $BENCH_NOTE"
    echo
    echo "| phase | reads req/s | reads p50 ms | reads p99 ms | reads 5xx | flood answers (401 checked / 429 refused unchecked / 503 / other) | flood req/s | target |"
    echo "| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |"
    printf '| quiet | %.0f | %s | %s | %s | — | — | — |\n' "$Q_RPS" "$Q_P50" "$Q_P99" "$Q_FIVE"
    for mode in one-address many-addresses; do
        l=${F_LINE[$mode]}
        printf '| 64 clients, wrong passwords, %s | %.0f | %s | %s | %s | %s / %s / %s / %s | %s | %s |\n' "$mode" \
            "${F_RPS[$mode]}" "${F_P50[$mode]}" "${F_P99[$mode]}" "${F_FIVE[$mode]}" \
            "$(field "$l" s401)" "$(field "$l" s429)" "$(field "$l" s503)" "$(field "$l" other)" "$(field "$l" rps)" \
            "$(verdict "${F_P99[$mode]}" "${F_FIVE[$mode]}" "$(( $(field "$l" s503) + $(field "$l" s5xx_other) ))")"
    done
    echo
    echo "- Target (issue #14): reads' p99 under the flood below 2× the quiet p99 ($Q_P99 ms), and no 5xx, neither for the reads nor for the flood."
    echo "- One address: after its ten checks it waits, and each refusal (429) is answered a second late without a thread waiting, so the flood's connections send one request a second each. Many addresses: each gets its allowance, and the gate on password checks (at most half the processors at once, 429 \"login-busy\" after 10 s without a free one) bounds the cost. RSS at the end: $rss_mb MB."
)
echo; echo "$table"; echo
if [ "${BENCH_RECORD:-1}" = 1 ]; then
    printf '\n%s\n' "$table" >>BENCHMARKS.md
fi
