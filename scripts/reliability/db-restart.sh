#!/usr/bin/env bash
# Issue 9, item 5 "Database trouble": PostgreSQL restarted under load. A node serves a loop of API requests (reads
# and writes) while its PostgreSQL server is stopped for a few seconds and started again. Checks that
#  - while the database is down, every answer is a clean error: HTTP 5xx with a JSON body, no stack trace, no
#    exception or SQL text;
#  - afterwards the node recovers by itself (no restart) within RECOVERY_LIMIT seconds;
#  - the data is intact: the dossier reads the same as before, and its chain can be finished.
# By default the script runs its own throw-away PostgreSQL cluster (initdb into a temp dir, port 55433, as the
# user postgres), so restarting it disturbs nobody. REL_PG_MAIN=1 uses and restarts the shared server at
# 127.0.0.1:5432 instead (pg_ctlcluster ... main stop/start) — only when nothing else uses it (CI runs alone).
# Usage: scripts/reliability/db-restart.sh (after mvn -o -q package -DskipTests). Exit status 0 = all checks passed.
source "$(dirname "$0")/lib.sh"
P="${REL_PORT_A:-18184}"
DB="${REL_DB:-hoctap_rel2_dbdown}"
DOWN_SECONDS="${DOWN_SECONDS:-15}"
RECOVERY_LIMIT="${RECOVERY_LIMIT:-30}"
T0=$(date +%s)
[ -f "$REL_JAR" ] || fail "no $REL_JAR: run mvn -o -q package -DskipTests first"

if [ "${REL_PG_MAIN:-0}" = 1 ]; then
  PG_VERSION="$(ls /etc/postgresql | head -n 1)"
  pg_stop() { pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main stop -m fast; }
  pg_start() { pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start; }
  rel_cleanup_more() { pg_isready -h 127.0.0.1 -p 5432 -q || pg_start || true; }
else
  PG_BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -n 1)/bin"
  REL_PG_PORT="${REL_PG_PORT_PRIVATE:-55433}"
  PG_DIR="$(mktemp -d /tmp/hoctap-rel-pg.XXXXXX)"
  chown postgres "$PG_DIR"
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
  pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" stop -m fast -w >/dev/null; }
  pg_start() {
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start \
      -o "-p $REL_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR" >/dev/null
  }
  rel_cleanup_more() { pg_stop 2>/dev/null || true; rm -rf "$PG_DIR"; }
  pg_start
  log "private PostgreSQL cluster on port $REL_PG_PORT"
fi

db_create "$DB"
start_node A "$P" "$DB"
wait_up "$P"
RUN=$(( $(date +%s) % 100000 ))
new_school "$P" "R2D-$RUN"
ID="$(open_dossier "$P" "R2D-$RUN" 2026)"
advance "$P" "$ID"
must GET "$P" admin "/api/dossiers/$ID" 200
body | jq -S 'del(.currentTasks[]?.due?)' >"$REL_TMP/before.json"

# the load, one request after another: read the dossier, list dossiers, create a school (a write through the admin
# API); each answer logged as "epoch status method body"
load() {
  local REL_TMP="$REL_TMP/load"; mkdir -p "$REL_TMP"
  local n=0 s
  while :; do
    n=$((n + 1))
    for call in "GET /api/dossiers/$ID" "GET /api/dossiers?size=5" "POST /api/admin/org-units"; do
      if [ "${call%% *}" = POST ]; then
        s="$(req POST "$P" admin /api/admin/org-units "{\"code\":\"R2D-$RUN-L$n\",\"name\":\"Trường tải $n\",
          \"kind\":\"UNIT\",\"unitKind\":\"PRIMARY\",\"publicUnit\":true,\"parentCode\":\"HN-TT\"}")"
      else
        s="$(req GET "$P" admin "${call#* }")"
      fi
      printf '%s %s %s %s\n' "$(date +%s.%N)" "$s" "${call%% *}" "$(tr -d '\n' <"$REL_TMP/body" | head -c 400)"
    done
    sleep 0.2
  done
}
load >"$REL_TMP/answers" 2>/dev/null &
LOAD=$!
REL_PIDS+=("$LOAD")
sleep 5
DOWN_AT=$(date +%s.%N)
pg_stop
log "PostgreSQL stopped under load"
sleep "$DOWN_SECONDS"
pg_start
UP_AT=$(date +%s.%N)
log "PostgreSQL started again after ${DOWN_SECONDS}s"
# recovered: three consecutive rounds of successful answers, within the limit
until awk -v up="$UP_AT" '$1 > up' "$REL_TMP/answers" | tail -n 9 | awk '$2 !~ /^20[01]$/ {bad=1} END {exit (NR < 9 || bad)}'; do
  awk -v now="$(date +%s.%N)" -v up="$UP_AT" -v lim="$RECOVERY_LIMIT" 'BEGIN {exit !(now - up > lim)}' && { tail -n 20 "$REL_TMP/answers"; fail "no recovery within ${RECOVERY_LIMIT}s"; }
  sleep 0.5
done
sleep 3
kill "$LOAD"; wait "$LOAD" 2>/dev/null || true

FIRST_OK="$(awk -v up="$UP_AT" '$1 > up && $2 ~ /^20[01]$/ {print $1; exit}' "$REL_TMP/answers")"
RECOVERY="$(awk -v a="$FIRST_OK" -v b="$UP_AT" 'BEGIN {printf "%.1f", a - b}')"
total="$(wc -l <"$REL_TMP/answers")"
errors="$(awk -v d="$DOWN_AT" -v u="$UP_AT" '$1 > d && $2 !~ /^20[01]$/' "$REL_TMP/answers")"
log "answers: $total in all, $(grep -c . <<<"$errors") errors during the outage; first success $RECOVERY s after the start"
log "statuses during the outage: $(awk '{print $2}' <<<"$errors" | sort | uniq -c | tr '\n' ' ')"
log "an error answer: $(head -n 1 <<<"$errors" | cut -d' ' -f2-)"
unclean="$(awk '$2 !~ /^5[0-9][0-9]$/ || $4 !~ /^\{/ || /Exception|SQL|at org\.|at vn\.|java\./' <<<"$errors")"
check "requests failed while the database was down (the outage was felt)" test -n "$errors"
check "every error while the database was down is a 5xx with a clean JSON body" test -z "$unclean"
[ -z "$unclean" ] || { head -n 5 <<<"$unclean"; fail "unclean answers"; }
late="$(awk -v t="$FIRST_OK" '$1 > t + 2 && $2 !~ /^20[01]$/' "$REL_TMP/answers" | wc -l)"
check "no failure once recovered ($late)" test "$late" = 0
check "recovered by itself within ${RECOVERY_LIMIT}s (${RECOVERY}s)" test -n "$FIRST_OK"

must GET "$P" admin "/api/dossiers/$ID" 200
body | jq -S 'del(.currentTasks[]?.due?)' >"$REL_TMP/after.json"
check "the dossier reads the same as before the outage" cmp -s "$REL_TMP/before.json" "$REL_TMP/after.json"
while advance "$P" "$ID"; do :; done
must GET "$P" admin "/api/dossiers/$ID" 200
check "its chain finishes after the outage: $(body | jq -r .recognition.decisionNo)" \
  test "$(body | jq -r .dossier.status)" = RECOGNISED
log "PASS database restart: $(( $(date +%s) - T0 ))s"
