#!/usr/bin/env bash
# The side-by-side benchmark of issue #15: the library against a Spring Boot peer, the REST version
# of the Spring PetClinic, on the same machine, one after the other, with the same JVM options and
# the same wrk settings.
#
#   bench/compare.sh /path/to/spring-petclinic-rest-4.0.2.jar
#
# Builds library.war (BENCH_SKIP_BUILD=1 reuses the last build), then for the library and then for
# the peer: starts it on fresh directories under bench/target/compare/ (the library as the README's
# run command starts it: demo catalogue, fresh Derby database; the peer as shipped: H2 in memory),
# measures the time to its first 200, warms up, drives each of its URLs with wrk, reads its RSS and
# stops it before the next one starts. Prints one Markdown table and appends it to BENCHMARKS.md.
#
# The pairs compared (library under /library/api, peer under /petclinic/api):
#   page of 20 with a nested relation   /books          /owners
#   one record by id                    /books/48       /owners/1
#   search                              /books?q=dickens  (none)
#   trivial endpoint                    /status         /pettypes
#
# Settings (environment): BENCH_JAVA_OPTS (both applications' JVM options, "-Xmx512m"),
# BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_LOW_CONNECTIONS (8: the library's list at 8 and at 32 once more,
# to see whether 32 connections get more out of it than 8), BENCH_DURATION (s per URL, 20),
# BENCH_WARMUP (s per application, 30), BENCH_START_TIMEOUT (s, 300), BENCH_PORT (the library's,
# 18090), BENCH_PEER_PORT (19966), BENCH_SKIP_BUILD=1, BENCH_RECORD=0 (do not append to
# BENCHMARKS.md), BENCH_NOTE (a sentence for BENCHMARKS.md, e.g. about the machine's load).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/target
WORK=$OUT/compare
PEER_JAR=${1:-}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
LOW_CONNECTIONS=${BENCH_LOW_CONNECTIONS:-8}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-30}
START_TIMEOUT=${BENCH_START_TIMEOUT:-300}
LIBRARY_PORT=${BENCH_PORT:-18090}
PEER_PORT=${BENCH_PEER_PORT:-19966}
WAR=$ROOT/library-web/target/library.war
MICRO=$ROOT/library-web/target/payara-micro.jar
LIBRARY_DIR=$WORK/library
PEER_DIR=$WORK/peer

# The library's arguments mirror the run profile in library-web/pom.xml (the README's run command)
# and must be kept in step with it: the point of this comparison is the library as users start it,
# not a tuned benchmark set-up (bench/run.sh is that).
LIBRARY_ARGS=(
    -Dlibrary.demo-data=true
    -Dderby.system.home="$LIBRARY_DIR/derby"
    -Dderby.locks.deadlockTimeout=1
    -Dderby.locks.waitTimeout=15
    -jar "$MICRO"
    --deploy "$WAR"
    --contextroot library
    --port "$LIBRARY_PORT"
    --nocluster
    --rootDir "$LIBRARY_DIR/payara-micro-root"
    --prebootcommandfile "$ROOT/library-web/src/main/payara/preboot-commands.txt"
)

# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"

[ -n "$PEER_JAR" ] || die "usage: bench/compare.sh /path/to/spring-petclinic-rest-4.0.2.jar"
[ -f "$PEER_JAR" ] || die "no peer jar at $PEER_JAR (build spring-petclinic-rest with ./mvnw package)"
PEER_JAR=$(cd "$(dirname "$PEER_JAR")" && pwd)/$(basename "$PEER_JAR")
PEER_ARGS=(-jar "$PEER_JAR" --server.port="$PEER_PORT")
# "spring-petclinic-rest-4.0.2.jar" -> "spring-petclinic-rest 4.0.2": the heading names what was run
PEER_NAME=$(basename "$PEER_JAR" .jar | sed 's/-\([0-9][0-9A-Za-z.-]*\)$/ \1/')
for n in "$THREADS" "$CONNECTIONS" "$LOW_CONNECTIONS" "$DURATION" "$WARMUP" "$START_TIMEOUT" "$LIBRARY_PORT" "$PEER_PORT"; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || die "the BENCH_* numbers must be positive whole numbers: $n"
done
[ "$LIBRARY_PORT" != "$PEER_PORT" ] || die "BENCH_PORT and BENCH_PEER_PORT must differ"
for tool in java curl; do
    command -v $tool >/dev/null || die "$tool is missing"
done
command -v wrk >/dev/null || die "wrk is missing; install it with: apt-get install -y wrk"

# ---- build ---------------------------------------------------------------------------------------
mkdir -p "$OUT"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    say "building library.war (./mvnw package -pl library-web -am -DskipTests)"
    ./mvnw -B -q package -pl library-web -am -DskipTests >"$OUT/compare-build.log" 2>&1 \
        || { tail -30 "$OUT/compare-build.log"; die "the build failed (log: $OUT/compare-build.log)"; }
fi
if [ ! -f "$WAR" ] || [ ! -f "$MICRO" ]; then die "no $WAR or $MICRO: build first"; fi

# ---- the application under test ------------------------------------------------------------------

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start_app DIR PORT PROBE-URL ARGS...: starts java in DIR (emptied first), sets PID and START_MS.
# The subshell execs java, so $! is the JVM itself: its /proc/<pid>/status is the RSS we report and
# the pid we stop.
start_app() {
    local dir=$1 port=$2 probe=$3 t0
    shift 3
    # a server left on the port would answer the probe and be measured in place of ours
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "port $port is in use; choose another with BENCH_PORT / BENCH_PEER_PORT"
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    t0=$(now_ms)
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options, split on purpose
    (cd "$dir" && exec java $JAVA_OPTS "$@" >"$dir/app.log" 2>&1) &
    PID=$!
    until [ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$probe" || true)" = 200 ]; do
        kill -0 "$PID" 2>/dev/null || { tail -40 "$dir/app.log" >&2; PID=; die "it stopped (log: $dir/app.log)"; }
        [ $(( $(now_ms) - t0 )) -lt $(( START_TIMEOUT * 1000 )) ] \
            || { tail -40 "$dir/app.log" >&2; die "no 200 from $probe after $START_TIMEOUT s (log: $dir/app.log)"; }
        sleep 0.1
    done
    START_MS=$(( $(now_ms) - t0 ))
}

# check_url URL: one GET must answer 200; says the body's size so that a near-empty answer shows
check_url() {
    local url=$1 result
    result=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$url" || true)
    [ "${result%% *}" = 200 ] || die "GET $url answered ${result%% *}, not 200"
    say "GET $url: 200, ${result#* } bytes"
}

# ---- load ----------------------------------------------------------------------------------------
# Warm-up: one wrk over all of the application's URLs in turn, request after request. Splitting the
# time per URL would give the peer, with one URL fewer, longer on each; rotating gives both the same
# load for the same time, and warms each URL's code in the mix it is then measured after.
ROTATE=$WORK/rotate.lua
write_rotate() {
    cat >"$ROTATE" <<'LUA'
-- written by bench/compare.sh: GET the paths given after "--" in turn
local paths, n = {}, 0
function init(args)
   for i, p in ipairs(args) do paths[i] = p end
end
function request()
   n = n % #paths + 1
   return wrk.format("GET", paths[n])
end
LUA
}

# to_ms VALUE: wrk's latencies carry their own unit (870.00us, 12.34ms, 1.02s, 2.00m)
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
        if (f < 0) exit 1
        printf "%.1f", n * f }' || die "cannot read the latency \"$1\" from wrk"
}

# measure NAME URL CONNECTIONS: sets R_RPS, R_P50, R_P99 (ms), R_BAD (non-2xx/3xx), R_SOCK (socket
# errors); wrk's own output is kept in the application's directory
measure() {
    local name=$1 url=$2 connections=$3 file p50 p99
    file=$DIR/wrk-$name-c$connections.txt
    say "measuring $url with $connections connections for $DURATION s"
    wrk -t"$THREADS" -c"$connections" -d"${DURATION}s" --latency "$url" >"$file" 2>&1 \
        || { cat "$file" >&2; die "wrk failed for $url"; }
    R_RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$file")
    p50=$(awk '$1 == "50%" { print $2 }' "$file")
    p99=$(awk '$1 == "99%" { print $2 }' "$file")
    if [ -z "$R_RPS" ] || [ -z "$p50" ] || [ -z "$p99" ]; then
        cat "$file" >&2
        die "cannot read wrk's output for $url"
    fi
    R_P50=$(to_ms "$p50")
    R_P99=$(to_ms "$p99")
    # wrk prints these two lines only when there is something to count
    R_BAD=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$file")
    R_BAD=${R_BAD:-0}
    R_SOCK=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$file")
    R_SOCK=${R_SOCK:-0}
}

fmt() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$1"; }

# cell: one measurement in the table; errors in bold, as they make req/s meaningless
cell() {
    local rps=$1 p50=$2 p99=$3 bad=$4 sock=$5 text
    text="$(fmt "$(printf '%.0f' "$rps")") req/s, p50 $p50 ms, p99 $p99 ms"
    [ "$bad" = 0 ] || text+=", **$(fmt "$bad") non-2xx/3xx**"
    [ "$sock" = 0 ] || text+=", **$(fmt "$sock") socket errors**"
    echo "$text"
}
times() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "?" }'; }

# ---- the runs ------------------------------------------------------------------------------------
mkdir -p "$WORK"
write_rotate
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
java_version=$(java -version 2>&1 | head -1)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A RPS P50 P99 BAD SOCK START RSS

# run_app APP DIR PORT CONTEXT TRIVIAL-PATH "KEY=PATH ..." ARGS...
run_app() {
    local app=$1 port=$3 context=$4 trivial=$5 base pair key path pairs paths=()
    DIR=$2
    # read -a, not an unquoted $6: "?" in a path must not be taken for a glob
    read -r -a pairs <<<"$6"
    shift 6
    base=http://127.0.0.1:$port
    say "starting $app on port $port in $DIR"
    start_app "$DIR" "$port" "$base$context$trivial" "$@"
    START[$app]=$START_MS
    say "$app: first 200 after $START_MS ms (pid $PID)"
    for pair in "${pairs[@]}"; do
        path=${pair#*=}
        check_url "$base$context$path"
        paths+=("$context$path")
    done
    say "warming up $app for $WARMUP s over ${#paths[@]} URLs"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ROTATE" "$base" -- "${paths[@]}" >"$DIR/wrk-warmup.txt" 2>&1 \
        || { cat "$DIR/wrk-warmup.txt" >&2; die "the warm-up of $app failed"; }
    for pair in "${pairs[@]}"; do
        key=${pair%%=*}
        path=${pair#*=}
        measure "$key" "$base$context$path" "$CONNECTIONS"
        RPS[$app.$key]=$R_RPS; P50[$app.$key]=$R_P50; P99[$app.$key]=$R_P99; BAD[$app.$key]=$R_BAD; SOCK[$app.$key]=$R_SOCK
        say "$app $key: $R_RPS req/s, p50 $R_P50 ms, p99 $R_P99 ms, $R_BAD non-2xx/3xx, $R_SOCK socket errors"
    done
    if [ "$app" = library ]; then
        # the list at few and at many connections one right after the other: the server keeps getting
        # faster for minutes while its JIT compiles, so the first list run is no fair partner for a later one
        path=${pairs[0]#*=}
        for level in low high; do
            connections=$LOW_CONNECTIONS
            [ $level = low ] || connections=$CONNECTIONS
            measure list "$base$context$path" "$connections"
            RPS[$app.list_$level]=$R_RPS; P50[$app.list_$level]=$R_P50; P99[$app.list_$level]=$R_P99
            BAD[$app.list_$level]=$R_BAD; SOCK[$app.list_$level]=$R_SOCK
            say "$app list at $connections connections: $R_RPS req/s, p99 $R_P99 ms"
        done
    fi
    RSS[$app]=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$PID/status")
    say "$app: RSS after the load $(fmt "${RSS[$app]}") MB; stopping it"
    stop_server
}

run_app library "$LIBRARY_DIR" "$LIBRARY_PORT" /library/api /status \
    "list=/books id=/books/48 search=/books?q=dickens trivial=/status" "${LIBRARY_ARGS[@]}"
run_app peer "$PEER_DIR" "$PEER_PORT" /petclinic/api /pettypes \
    "list=/owners id=/owners/1 trivial=/pettypes" "${PEER_ARGS[@]}"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the table -----------------------------------------------------------------------------------
row() {
    local what=$1 key=$2
    if [ -n "${RPS[peer.$key]:-}" ]; then
        printf '| %s | %s | %s | %s |\n' "$what" \
            "$(cell "${RPS[library.$key]}" "${P50[library.$key]}" "${P99[library.$key]}" "${BAD[library.$key]}" "${SOCK[library.$key]}")" \
            "$(cell "${RPS[peer.$key]}" "${P50[peer.$key]}" "${P99[peer.$key]}" "${BAD[peer.$key]}" "${SOCK[peer.$key]}")" \
            "$(times "${RPS[library.$key]}" "${RPS[peer.$key]}")"
    else
        printf '| %s | %s | – | – |\n' "$what" \
            "$(cell "${RPS[library.$key]}" "${P50[library.$key]}" "${P99[library.$key]}" "${BAD[library.$key]}" "${SOCK[library.$key]}")"
    fi
}
scaling=$(awk -v a="${RPS[library.list_high]}" -v b="${RPS[library.list_low]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
scaling_verdict=$(awk -v r="$scaling" 'BEGIN { print (r >= 1 ? "met" : "**missed**") }')
seconds() { awk -v m="$1" 'BEGIN { printf "%.1f", m / 1000 }'; }
table=$(
    echo "| what | library | peer | ratio, library ÷ peer |"
    echo "| --- | ---: | ---: | ---: |"
    row "page of 20 with a nested relation (\`/books\` vs \`/owners\`)" list
    row "one record by id (\`/books/48\` vs \`/owners/1\`)" id
    row "search (\`/books?q=dickens\`)" search
    row "trivial endpoint, no database (\`/status\` vs \`/pettypes\`)" trivial
    printf '| the list at %s connections, then at %s (library only, after the rest; target c%s ≥ c%s) | %s; %s | – | c%s/c%s %s: %s |\n' \
        "$LOW_CONNECTIONS" "$CONNECTIONS" "$CONNECTIONS" "$LOW_CONNECTIONS" \
        "$(cell "${RPS[library.list_low]}" "${P50[library.list_low]}" "${P99[library.list_low]}" "${BAD[library.list_low]}" "${SOCK[library.list_low]}")" \
        "$(cell "${RPS[library.list_high]}" "${P50[library.list_high]}" "${P99[library.list_high]}" "${BAD[library.list_high]}" "${SOCK[library.list_high]}")" \
        "$CONNECTIONS" "$LOW_CONNECTIONS" "$scaling" "$scaling_verdict"
    printf '| start to first 200, s (lower is better) | %s | %s | %s |\n' \
        "$(seconds "${START[library]}")" "$(seconds "${START[peer]}")" "$(times "${START[library]}" "${START[peer]}")"
    printf '| RSS after the load, MB (lower is better) | %s | %s | %s |\n' \
        "$(fmt "${RSS[library]}")" "$(fmt "${RSS[peer]}")" "$(times "${RSS[library]}" "${RSS[peer]}")"
)
echo
echo "$table"
echo

if [ "${BENCH_RECORD:-1}" = 1 ]; then
    section=$(
        echo "### Side by side with $PEER_NAME — $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        echo "Machine: $(nproc) cores, $(uname -m), $java_version; load average ${load_before} before, ${load_after} after; commit $commit."
        echo "Settings: both with \`$JAVA_OPTS\`${MALLOC_ARENA_MAX:+, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}, one after the other;" \
            "the library as the README's run command starts it (Payara Micro, demo catalogue, fresh embedded Derby)," \
            "the peer as shipped (H2 in memory); ${WARMUP} s warm-up over all of an application's URLs in turn, then" \
            "\`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency\` per URL (then the list once more at -c$LOW_CONNECTIONS and at -c$CONNECTIONS)."
        [ -z "${BENCH_NOTE:-}" ] || echo "Note: $BENCH_NOTE"
        echo
        echo "$table"
    )
    [ -f BENCHMARKS.md ] || printf '# Benchmarks\n' >BENCHMARKS.md
    printf '\n%s\n' "$section" >>BENCHMARKS.md
    say "appended to BENCHMARKS.md"
fi
