#!/bin/sh
# Times a books import against a running server and prints its progress every 10 seconds.
#
#   LIBRARY_ADMIN_PASSWORD=... ./mvnw -Prun package -pl library-web -am -Dlibrary.http.port=9090 \
#       -Dlibrary.data.dir=/tmp/library-bench          # in another terminal: an empty database
#   bench/import-books.sh 1000000 http://localhost:9090 admin:...
#
# Generates bench/books-<rows>.csv first (not kept in git), unless it exists.
set -eu
rows=${1:-1000000}
server=${2:-http://localhost:8080}
credentials=${3:-admin:${LIBRARY_ADMIN_PASSWORD:-}}
dir=$(dirname "$0")
file="$dir/books-$rows.csv"
[ -f "$file" ] || java "$dir/GenerateBooks.java" "$rows" "$file"
echo "$(wc -l < "$file") lines, $(du -h "$file" | cut -f1) in $file"

(
  while sleep 10; do
    curl -s -u "$credentials" "$server/library/api/imports" \
      | grep -o '"rowsRead":[0-9]*' | head -1 | sed "s/^/$(date +%T) /"
  done
) &
watcher=$!
trap 'kill $watcher 2>/dev/null' EXIT

start=$(date +%s.%N)
location=$(curl -s -u "$credentials" -H 'Content-Type: text/csv; charset=UTF-8' --data-binary "@$file" \
  "$server/library/api/imports/books" -D - -o "$dir/last-report.json" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
[ -n "$location" ] || { cat "$dir/last-report.json"; exit 1; }
echo "import: $location"
# the import runs in the background (202): its report once it is no longer RUNNING
while curl -s -u "$credentials" "$location" -o "$dir/last-report.json" && grep -q '"status":"RUNNING"' "$dir/last-report.json"; do
  sleep 1
done
end=$(date +%s.%N)
echo "seconds: $(echo "$end - $start" | bc)"
grep -o '"\(rowsRead\|created\|updated\|unchanged\|rejected\)":[0-9]*' "$dir/last-report.json" | tr '\n' ' '; echo
