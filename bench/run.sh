#!/usr/bin/env bash
# The benchmark of issue #9: builds library.war, and for each catalogue size given
#
#   bench/run.sh                    # 10,000, 100,000 and 1,000,000 books, one after the other
#   bench/run.sh 10000              # one size
#   bench/run.sh 10000 1000000      # two sizes: also prints the search p50 ratio between them
#
# starts Payara Micro on a fresh database (bench/target/run-<size>, demo data off, a free port),
# loads the generated catalogue through the CSV bulk import, makes loans over the API, warms up,
# drives each scenario with wrk on loopback for a fixed time, prints one Markdown table and appends
# it to BENCHMARKS.md, and stops the server. See docs/benchmarks.md.
#
# Settings (environment): BENCH_DURATION (s per scenario, 20), BENCH_WARMUP (s per scenario, 10),
# BENCH_CONNECTIONS (read scenarios, 8), BENCH_THREADS (read scenarios, 2), BENCH_CYCLE_CLIENTS (32),
# BENCH_JAVA_OPTS (the server's JVM options, "-Xms256m -Xmx256m -XX:+UseSerialGC"; MALLOC_ARENA_MAX
# is 2 unless set), BENCH_JFR=1 (a JFR profile of the measured phase in bench/target/run-<size>/
# bench.jfr), BENCH_SKIP_BUILD=1 (use the last build), BENCH_NOTE (a sentence for BENCHMARKS.md, e.g.
# about the machine's load), BENCH_RECORD=0 (do not append to BENCHMARKS.md), BENCH_PORT (the first
# port tried, 18080), BENCH_START_TIMEOUT (s, 600), LIBRARY_ADMIN_PASSWORD (else a random one).
# After a run, bench/plans.sh <size> shows Derby's query plans for the list and the search.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/target
mapfile -t SIZES < <(printf '%s\n' "$@" | sort -n)
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000 1000000)
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
CYCLE_CLIENTS=${BENCH_CYCLE_CLIENTS:-32}
# sized for the RSS target (see BENCHMARKS.md): a fixed heap, the serial collector (G1's own
# structures cost ~60 MB at this size) and two malloc arenas instead of glibc's 8 per core
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export LIBRARY_ADMIN_PASSWORD=${LIBRARY_ADMIN_PASSWORD:-Bench-Librarian-$RANDOM$RANDOM}
AUTH="admin:$LIBRARY_ADMIN_PASSWORD"
export BENCH_AUTH=$(printf '%s' "$AUTH" | base64 -w0)
LUA=$ROOT/bench/wrk/library.lua

# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"

for size in "${SIZES[@]}"; do
    [[ $size =~ ^[0-9]+$ && $size -ge 1000 && $size -le 9990000 ]] || die "a size is a number of books, 1000 to 9990000: $size"
done
for tool in java curl base64; do
    command -v $tool >/dev/null || die "$tool is missing"
done
command -v wrk >/dev/null || die "wrk is missing; install it with: apt-get install -y wrk"

# ---- build ---------------------------------------------------------------------------------------
mkdir -p "$OUT"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    say "building library.war (./mvnw package -pl library-web -am -DskipTests)"
    ./mvnw -B -q package -pl library-web -am -DskipTests >"$OUT/build.log" 2>&1 \
        || { tail -30 "$OUT/build.log"; die "the build failed (log: $OUT/build.log)"; }
fi
WAR=$ROOT/library-web/target/library.war
MICRO=$ROOT/library-web/target/payara-micro.jar
[ -f "$WAR" ] && [ -f "$MICRO" ] || die "no $WAR or $MICRO: build first"

# ---- the server ----------------------------------------------------------------------------------

free_port() {
    local port
    for port in $(seq "${BENCH_PORT:-18080}" 18999); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    die "no free port in 18080-18999"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# starts the server on a fresh database; sets PID, PORT, BASE, API, STARTUP_MS
start_server() {
    local dir=$1
    rm -rf "$dir"
    mkdir -p "$dir/tmp"
    PORT=$(free_port)
    BASE=http://127.0.0.1:$PORT
    API=$BASE/library/api
    local t0
    t0=$(now_ms)
    # shellcheck disable=SC2086
    java $JAVA_OPTS \
        -Dderby.system.home="$dir/derby" -Dderby.locks.deadlockTimeout=1 -Dderby.locks.waitTimeout=15 \
        -Djava.io.tmpdir="$dir/tmp" \
        -Dlibrary.demo-data=false -Dlibrary.sql-statements-header=true \
        -jar "$MICRO" --deploy "$WAR" --contextroot library --port "$PORT" --nocluster \
        --rootDir "$dir/payara-micro-root" \
        --prebootcommandfile "$ROOT/library-web/src/main/payara/preboot-commands.txt" >"$dir/server.log" 2>&1 &
    PID=$!
    until curl -fs -o /dev/null "$API/status"; do
        kill -0 "$PID" 2>/dev/null || { tail -40 "$dir/server.log"; die "the server stopped (log: $dir/server.log)"; }
        [ $(( $(now_ms) - t0 )) -lt $(( ${BENCH_START_TIMEOUT:-600} * 1000 )) ] || die "no answer from $API/status after ${BENCH_START_TIMEOUT:-600} s"
        sleep 0.1
    done
    STARTUP_MS=$(( $(now_ms) - t0 ))
}

# ---- loading -------------------------------------------------------------------------------------
# import KIND FILE REPORT: posts the file (202 and the import's Location), polls the import until it
# has ended and writes its report to REPORT, or dies
import_csv() {
    local kind=$1 file=$2 report=$3 code location
    code=$(curl -s -u "$AUTH" -H 'Content-Type: text/csv; charset=UTF-8' -X POST -T "$file" \
        -D "$report.headers" -o "$report" -w '%{http_code}' "$API/imports/$kind")
    [ "$code" = 202 ] || { cat "$report"; die "import of $kind answered $code"; }
    location=$(tr -d '\r' <"$report.headers" | sed -n 's/^[Ll]ocation: //p')
    while curl -fs -u "$AUTH" -o "$report" "$location" && grep -q '"status":"RUNNING"' "$report"; do
        sleep 1
    done
    grep -q '"status":"DONE"' "$report" || { head -c 2000 "$report"; die "the import of $kind did not end DONE"; }
    grep -q '"rejected":0[,}]' "$report" || { head -c 2000 "$report"; die "the import of $kind rejected rows"; }
}

# ids PATH COUNT: the first COUNT ids of a list sorted by a unique key, 100 a page
ids() {
    local path=$1 count=$2 page=0 got=0 pattern batch list=""
    case $path in
        books*) pattern='"id":[0-9]*,"isbn"' ;;
        members*) pattern='"id":[0-9]*,"\(joinedOn\|memberNumber\)"' ;;
    esac
    while [ "$got" -lt "$count" ]; do
        batch=$(curl -fs -u "$AUTH" "$API/$path&size=100&page=$page") || die "could not list $path"
        batch=$(grep -o "$pattern" <<<"$batch" | sed 's/"id":\([0-9]*\).*/\1/' || true)
        [ -n "$batch" ] || die "only $got of $count ids in $path"
        list+="$batch"$'\n'
        got=$(( got + $(wc -l <<<"$batch") ))
        page=$(( page + 1 ))
    done
    head -n "$count" <<<"$list"
}

# book_ids COUNT CSV: the ids of the first COUNT books of the CSV file, looked up by ISBN 8 at a time
# (an exact ISBN is an index lookup; a page of the whole list would also count the whole catalogue)
book_ids() {
    local count=$1 csv=$2 config=$3
    sed -n "2,$(( count + 1 ))p; $(( count + 1 ))q" "$csv" | cut -d, -f1 \
        | sed "s|.*|url = \"$API/books?q=&\"\\nwrite-out = \"\\\\n\"|" \
        | sed '1!s/^url/next\nurl/' >"$config"
    curl -s --no-progress-meter -Z --parallel-max 8 -K "$config" \
        | grep -o '"id":[0-9]*,"isbn"' | sed 's/"id":\([0-9]*\).*/\1/'
}

# borrow_all FILE CONFIG: borrows each line "member book", 8 at a time, then once more one by one
# what was refused (a transaction Derby aborted in a lock cycle answers 503); prints how many were made
borrow_all() {
    local file=$1 config=$2 first=1 made retry=""
    : >"$config"
    while read -r member book; do
        [ "$first" = 1 ] || echo next >>"$config"
        first=0
        printf 'url = "%s/members/%s/borrows"\nuser = "%s"\nheader = "Content-Type: application/json"\n' \
            "$API" "$member" "$AUTH" >>"$config"
        printf 'data = "{\\"bookId\\":%s}"\noutput = "/dev/null"\nwrite-out = "%%{http_code} %s %s\\n"\n' \
            "$book" "$member" "$book" >>"$config"
    done <"$file"
    made=$(curl -s --no-progress-meter -Z --parallel-max 8 -K "$config" | tee "$config.codes" | grep -c '^201 ' || true)
    while read -r code member book; do
        [ "$code" = 201 ] && continue
        code=$(curl -s -u "$AUTH" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
            -d "{\"bookId\":$book}" "$API/members/$member/borrows")
        [ "$code" != 201 ] || made=$(( made + 1 ))
    done <"$config.codes"
    echo "$made"
}

# sql METHOD URL [BODY] [AUTH]: the X-SQL-Statements header of one request
sql() {
    local method=$1 url=$2 body=${3:-} args=()
    [ -n "$body" ] && args+=(-H 'Content-Type: application/json' -d "$body")
    curl -s -u "$AUTH" -X "$method" "${args[@]}" -D - -o /dev/null "$url" \
        | tr -d '\r' | sed -n 's/^[Xx]-[Ss][Qq][Ll]-[Ss]tatements: *//p'
}

# ---- load ----------------------------------------------------------------------------------------
# drive SCENARIO SECONDS [FILE]: sets R_RPS, R_P50, R_P99 (ms), R_ERR, R_5XX, R_4XX
drive() {
    local scenario=$1 seconds=$2 file=${3:-} threads=$THREADS connections=$CONNECTIONS line
    if [ "$scenario" = cycle ]; then threads=$CYCLE_CLIENTS; connections=$CYCLE_CLIENTS; fi
    # books@32, search@32: the same reads with as many connections as the cycle's clients
    if [[ $scenario == *@* ]]; then connections=${scenario#*@}; scenario=${scenario%@*}; fi
    line=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$LUA" "$BASE" -- "$scenario" $file \
        | grep '^RESULT ') || die "wrk failed for $scenario"
    R_RPS=$(sed 's/.* rps=\([0-9.]*\).*/\1/' <<<"$line")
    R_P50=$(sed 's/.* p50_us=\([0-9]*\).*/\1/' <<<"$line" | awk '{printf "%.1f", $1 / 1000}')
    R_P99=$(sed 's/.* p99_us=\([0-9]*\).*/\1/' <<<"$line" | awk '{printf "%.1f", $1 / 1000}')
    R_4XX=$(sed 's/.* s4xx=\([0-9]*\).*/\1/' <<<"$line")
    R_5XX=$(sed 's/.* s5xx=\([0-9]*\).*/\1/' <<<"$line")
    R_ERR=$(( R_4XX + R_5XX + $(sed 's/.* socket_errors=\([0-9]*\).*/\1/' <<<"$line") ))
    if [ "$(sed 's/^RESULT requests=\([0-9]*\).*/\1/' <<<"$line")" = 0 ]; then
        R_P50="—"; R_P99="—"; R_ERR="no answer within ${seconds} s"
    fi
}

fmt() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", 100 * a / b; else print "?" }'; }
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "**missed**"; fi; }

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit (with uncommitted changes)"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
machine="$(hostname), $(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
declare -A SEARCH_P50

for size in "${SIZES[@]}"; do
    dir=$OUT/run-$size
    data=$OUT/data-$size
    authors=$(( size / 20 )); members=$(( size / 10 )); [ "$members" -le 999999 ] || members=999999
    loans=$(( size / 100 ))
    if [ ! -f "$data/books.csv" ] || [ ! -f "$data/members.csv" ]; then
        say "generating $size books in $data"
        java "$ROOT/bench/Generate.java" "$size" "$data" >&2
    fi
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)

    say "starting Payara Micro on a fresh database in $dir"
    start_server "$dir"
    say "first 200 after $STARTUP_MS ms on port $PORT (pid $PID)"

    say "importing $(fmt "$members") members"
    t=$(now_ms); import_csv members "$data/members.csv" "$dir/members-report.json"; members_ms=$(( $(now_ms) - t ))
    say "importing $(fmt "$size") books (members took $members_ms ms)"
    t=$(now_ms); import_csv books "$data/books.csv" "$dir/books-report.json"; books_ms=$(( $(now_ms) - t ))
    say "books imported in $books_ms ms"

    # loans: one per 100 books, three per member, for the first members; then one member and one
    # book per borrow/return client, and one pair for counting the statements of a borrow and a return
    holders=$(( (loans + 2) / 3 ))
    ids "members?sort=memberNumber" $(( holders + CYCLE_CLIENTS + 1 )) >"$dir/member-ids.txt"
    book_ids $(( loans + CYCLE_CLIENTS + 1 )) "$data/books.csv" "$dir/books.curl" >"$dir/book-ids.txt"
    [ "$(wc -l <"$dir/book-ids.txt")" -eq $(( loans + CYCLE_CLIENTS + 1 )) ] || die "could not find the books by ISBN"
    head -n "$loans" "$dir/book-ids.txt" | awk -v holders="$holders" '
        NR == FNR { member[FNR - 1] = $1; next }
        { print member[(FNR - 1) % holders], $1 }' <(head -n "$holders" "$dir/member-ids.txt") - >"$dir/loans.txt"
    paste -d' ' <(tail -n +$(( holders + 1 )) "$dir/member-ids.txt") <(tail -n +$(( loans + 1 )) "$dir/book-ids.txt") \
        >"$dir/pairs.txt"
    head -n "$CYCLE_CLIENTS" "$dir/pairs.txt" >"$dir/cycle.txt"
    read -r probe_member probe_book < <(tail -n 1 "$dir/pairs.txt")
    head -n "$holders" "$dir/member-ids.txt" >"$dir/holders.txt"
    echo "$probe_member $probe_book" >"$dir/plans-pair.txt"   # for bench/plans.sh
    (umask 077; printf '%s' "$AUTH" >"$dir/admin-auth")
    say "making $(fmt "$loans") loans for $(fmt "$holders") members"
    t=$(now_ms); made=$(borrow_all "$dir/loans.txt" "$dir/loans.curl"); loans_ms=$(( $(now_ms) - t ))
    [ "$made" -eq "$loans" ] || say "warning: $made of $loans loans made"

    # statements per request, one request each, before the load
    s_status=$(sql GET "$API/status")
    s_books=$(sql GET "$API/books?page=0&size=20")
    s_search=$(sql GET "$API/books?q=lantern&size=20")
    s_member=$(sql GET "$API/members/$(head -n 1 "$dir/holders.txt")/borrows")
    s_borrow=$(sql POST "$API/members/$probe_member/borrows" "{\"bookId\":$probe_book}")
    s_return=$(sql DELETE "$API/members/$probe_member/borrows/$probe_book")

    # the catalogue scenarios last: at sizes where their statements scan the catalogue, the requests
    # still running when wrk stops would otherwise slow the scenarios after them
    scenarios=(status member cycle books "books@$CYCLE_CLIENTS" search "search@$CYCLE_CLIENTS")
    say "warming up: ${WARMUP} s per scenario"
    for s in "${scenarios[@]}"; do
        case $s in member) drive "$s" "$WARMUP" "$dir/holders.txt" ;; cycle) drive "$s" "$WARMUP" "$dir/cycle.txt" ;; *) drive "$s" "$WARMUP" ;; esac
    done
    if [ "${BENCH_JFR:-0}" = 1 ]; then
        jcmd "$PID" JFR.start name=bench settings=profile filename="$dir/bench.jfr" >/dev/null
    fi
    declare -A RPS P50 P99 ERR FIVE
    for s in "${scenarios[@]}"; do
        say "measuring $s for ${DURATION} s"
        case $s in member) drive "$s" "$DURATION" "$dir/holders.txt" ;; cycle) drive "$s" "$DURATION" "$dir/cycle.txt" ;; *) drive "$s" "$DURATION" ;; esac
        RPS[$s]=$R_RPS; P50[$s]=$R_P50; P99[$s]=$R_P99; ERR[$s]=$R_ERR; FIVE[$s]=$R_5XX
    done
    if [ "${BENCH_JFR:-0}" = 1 ]; then
        jcmd "$PID" JFR.stop name=bench >/dev/null && say "profile: $dir/bench.jfr"
    fi
    case $JAVA_OPTS in *NativeMemoryTracking*) jcmd "$PID" VM.native_memory summary >"$dir/nmt.txt" 2>&1 || true ;; esac
    rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$PID/status")
    hwm_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$PID/status")
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)
    stop_server
    SEARCH_P50[$size]=${P50[search]}

    rss_mb=$(( rss_kb / 1024 ))
    books_pct=$(ratio "${RPS[books]}" "${RPS[status]}")
    ok_books=$(awk -v p="$books_pct" 'BEGIN { print (p >= 60) }')
    ok_cycle=$(awk -v r="${RPS[cycle]}" -v f="${FIVE[cycle]}" 'BEGIN { print (r >= 300 && f == 0) }')
    ok_rss=$(( rss_mb < 700 ))
    ok_scaling=$(awk -v a="${RPS[books@$CYCLE_CLIENTS]}" -v b="${RPS[books]}" -v c="${RPS[search@$CYCLE_CLIENTS]}" -v d="${RPS[search]}" \
        'BEGIN { print (a >= b && c >= d) }')
    row() { printf '| %s | %s | %.0f | %s | %s | %s | %s |\n' "$1" "$2" "${RPS[$3]}" "${P50[$3]}" "${P99[$3]}" \
        "${ERR[$3]}$( [ "${FIVE[$3]}" = 0 ] || echo " (${FIVE[$3]} 5xx)")" "$4"; }
    table=$(
        echo "### $(fmt "$size") books — $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
        echo
        echo "Machine: $machine; load average ${load_before} before, ${load_after} after."
        echo "Data: $(fmt "$size") books by $(fmt "$authors") authors, $(fmt "$members") members, $(fmt "$made") open loans."
        echo "Server: Payara Micro, embedded Derby, \`$JAVA_OPTS\`, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; wrk ${WARMUP} s warm-up then ${DURATION} s per scenario."
        [ -z "${BENCH_NOTE:-}" ] || echo "Note: $BENCH_NOTE"
        echo
        echo "| scenario | clients | req/s | p50 ms | p99 ms | errors | SQL statements / request |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
        row "\`GET /api/status\` (ceiling)" "$CONNECTIONS" status "$s_status"
        row "\`GET /api/books\` (page of 20)" "$CONNECTIONS" books "$s_books"
        row "\`GET /api/books\` (page of 20)" "$CYCLE_CLIENTS" "books@$CYCLE_CLIENTS" "$s_books"
        row "\`GET /api/books?q=…\` (search)" "$CONNECTIONS" search "$s_search"
        row "\`GET /api/books?q=…\` (search)" "$CYCLE_CLIENTS" "search@$CYCLE_CLIENTS" "$s_search"
        row "\`GET /api/members/{id}/borrows\`" "$CONNECTIONS" member "$s_member"
        row "borrow / return cycle" "$CYCLE_CLIENTS" cycle "$s_borrow / $s_return"
        echo
        echo "- Start-up to the first 200: $(awk -v m="$STARTUP_MS" 'BEGIN { printf "%.1f", m / 1000 }') s;" \
            "RSS after load: $rss_mb MB (peak $(( hwm_kb / 1024 )) MB)."
        echo "- Import: $(fmt "$size") books in $(awk -v m="$books_ms" 'BEGIN { printf "%.1f", m / 1000 }') s" \
            "($(awk -v n="$size" -v m="$books_ms" 'BEGIN { printf "%.0f", n * 1000 / m }') rows/s)," \
            "$(fmt "$members") members in $(awk -v m="$members_ms" 'BEGIN { printf "%.1f", m / 1000 }') s;" \
            "$(fmt "$made") loans over the API in $(awk -v m="$loans_ms" 'BEGIN { printf "%.1f", m / 1000 }') s."
        echo "- Targets: book list at ${books_pct} % of the ceiling (≥ 60 %): $(verdict "$ok_books");" \
            "borrow/return $(printf '%.0f' "${RPS[cycle]}") operations/s with ${FIVE[cycle]} 5xx (≥ 300, none): $(verdict "$ok_cycle");" \
            "RSS $rss_mb MB (< 700 MB): $(verdict "$ok_rss");" \
            "the list and the search at $CYCLE_CLIENTS connections at least as fast as at $CONNECTIONS: $(verdict "$ok_scaling")."
    )
    echo
    echo "$table"
    echo
    if [ "${BENCH_RECORD:-1}" = 1 ]; then
        [ -f BENCHMARKS.md ] || printf '# Benchmarks\n\nRuns of `bench/run.sh` (see docs/benchmarks.md), newest last.\n' >BENCHMARKS.md
        printf '\n%s\n' "$table" >>BENCHMARKS.md
    fi
done

if [ ${#SIZES[@]} -gt 1 ]; then
    small=${SIZES[0]}; large=${SIZES[-1]}
    summary=$(awk -v a="${SEARCH_P50[$large]}" -v b="${SEARCH_P50[$small]}" -v l="$(fmt "$large")" -v s="$(fmt "$small")" 'BEGIN {
        r = b > 0 ? a / b : 0
        printf "Search p50 at %s books is %.2f× its p50 at %s books (target ≤ 1.5×): %s.", l, r, s, (r <= 1.5 ? "met" : "**missed**") }')
    echo "$summary"
    [ "${BENCH_RECORD:-1}" != 1 ] || printf '\n%s\n' "$summary" >>BENCHMARKS.md
fi
