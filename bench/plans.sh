#!/usr/bin/env bash
# The query plans Derby chooses for the book list and the searches, on the database a run of
# bench/run.sh left behind (the server is stopped by then):
#
#   bench/run.sh 10000 && bench/plans.sh 10000
#
# Executes bench/plans.sql with Derby's ij (the Derby jars from the built library.war) and runtime
# statistics on; writes the full statistics to bench/target/run-<size>/plans.txt and prints the
# plan outline: each result set, the index or table it reads, rows visited, execution time.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
size=${1:?usage: bench/plans.sh <size of a finished bench/run.sh run>}
db=$ROOT/bench/target/run-$size/derby/library
[ -d "$db" ] || { echo "no database $db: run bench/run.sh $size first" >&2; exit 1; }
lib=$ROOT/bench/target/derby-lib
mkdir -p "$lib"
(cd "$lib" && jar xf "$ROOT/library-web/target/library.war" $(jar tf "$ROOT/library-web/target/library.war" | grep '^WEB-INF/lib/derby'))
out=$ROOT/bench/target/run-$size/plans.txt
java -cp "$(ls "$lib"/WEB-INF/lib/derby*.jar | tr '\n' :)" -Dij.outfile="$out" -Dij.database="jdbc:derby:$db" \
    org.apache.derby.tools.ij "$ROOT/bench/plans.sql"
grep -E '^ij> -- [a-z]|ResultSet|using index|Rows seen|Number of rows visited|Hash table size|Execute Time|ERROR' "$out" \
    | sed 's/ at read committed.*//; s/^ij> \(-- .*\)/\n\1/'
echo "full statistics: $out"
