#!/usr/bin/env bash
# Issue 9, item 6 "Backup and restore", tested once end to end: a node on PostgreSQL gets dossiers with evidence and
# history through the REST API; backup.sh runs while it works; the node is stopped, the database dropped and the
# data directory deleted; restore.sh brings both back; the node starts again and every dossier, evidence file (byte
# for byte), history entry and open task is back, and an open dossier can be finished.
# Usage: scripts/reliability/backup-restore-test.sh  (after mvn -o -q package -DskipTests; database
# hoctap_rel2_backup, created and dropped by the script). Exit status 0 = every check passed.
source "$(dirname "$0")/lib.sh"
DB="${REL_DB:-hoctap_rel2_backup}"
P="${REL_PORT_A:-18183}"
T0=$(date +%s)
[ -f "$REL_JAR" ] || fail "no $REL_JAR: run mvn -o -q package -DskipTests first"

db_create "$DB"
start_node A "$P" "$DB"
wait_up "$P"

RUN=$(( $(date +%s) % 100000 ))
declare -a D
for i in 1 2 3; do
  new_school "$P" "R2B-$RUN-$i"
  D[$i]="$(open_dossier "$P" "R2B-$RUN-$i" 2026)"
  # an evidence file of random bytes behind a PDF header (200 kB), kept to compare after the restore
  { printf '%%PDF-1.4\n'; head -c 200000 /dev/urandom; printf '\n%%%%EOF\n'; } >"$REL_TMP/evidence-$i.pdf"
  status="$(curl -s -o "$REL_TMP/body" -w '%{http_code}' -u "todanhgia:$REL_PASSWORD" -H 'X-Requested-By: hoctap-api' \
    -F "file=@$REL_TMP/evidence-$i.pdf;type=application/pdf" -F indicatorCode=TC1.CT1 -F "note=Minh chứng $i" \
    "http://127.0.0.1:$P/api/dossiers/${D[$i]}/evidence")"
  [ "$status" = 201 ] || fail "evidence upload: HTTP $status $(body)"
done
# dossier 1 recognised, dossier 2 at the appraisal, dossier 3 just opened
while advance "$P" "${D[1]}"; do :; done
for k in 1 2 3; do advance "$P" "${D[2]}"; done
IDS="${D[1]},${D[2]},${D[3]}"
# a file in the data directory (round-imports/ holds the annotated copies of rejected imports)
mkdir -p "$REL_TMP/data-A/round-imports" && head -c 5000 /dev/urandom >"$REL_TMP/data-A/round-imports/marker.bin"

snapshot() { # snapshot DIR : what must come back: each dossier as the API shows it, each evidence file, the counts
  mkdir -p "$1"
  for id in ${IDS//,/ }; do
    must GET "$P" admin "/api/dossiers/$id" 200
    body | jq -S 'del(.currentTasks[]?.due?)' >"$1/dossier-$id.json"
    for e in $(jq -r '.evidence[].id' "$1/dossier-$id.json"); do
      curl -s -f -u "admin:$REL_PASSWORD" -o "$1/evidence-$e" "http://127.0.0.1:$P/api/dossiers/$id/evidence/$e"
    done
  done
  psql_db "$DB" "select (select count(*) from dossier), (select count(*) from dossier_event),
    (select count(*) from evidence), (select count(*) from recognition), (select count(*) from notification),
    (select count(*) from act_ru_task), (select count(*) from act_ru_job), (select count(*) from org_unit)" >"$1/counts"
  (cd "$REL_TMP/data-A" && find round-imports -type f -exec sha256sum {} + | sort) >"$1/data-files"
}
snapshot "$REL_TMP/before"
for i in 1 2 3; do
  # the file uploaded above (open_dossier also put one per indicator)
  e="$(jq -r --arg f "evidence-$i.pdf" '[.evidence[] | select(.fileName == $f)][0].id' \
    "$REL_TMP/before/dossier-${D[$i]}.json")"
  cmp -s "$REL_TMP/evidence-$i.pdf" "$REL_TMP/before/evidence-$e" || fail "evidence $e not the uploaded bytes"
done
log "data: dossiers $IDS, $(jq -s "map(.history | length) | add" "$REL_TMP"/before/dossier-*.json) history entries, counts $(cat "$REL_TMP/before/counts")"

# ---- backup while the node runs, then lose everything
PGPORT="$REL_PG_PORT" PGDATABASE="$DB" "$REL_ROOT/scripts/reliability/backup.sh" "$REL_TMP/backup" "$REL_TMP/data-A"
kill -TERM "$PID_A"; wait "$PID_A" || true
psql -h "$REL_PG_HOST" -p "$REL_PG_PORT" -U postgres -d postgres -qc "drop database $DB" >/dev/null
rm -rf "$REL_TMP/data-A"
log "node stopped, database $DB dropped, data directory deleted"

# ---- restore and start again
PGPORT="$REL_PG_PORT" PGDATABASE="$DB" "$REL_ROOT/scripts/reliability/restore.sh" "$REL_TMP/backup" "$REL_TMP/data-A"
start_node A "$P" "$DB"
wait_up "$P"
snapshot "$REL_TMP/after"
for f in "$REL_TMP"/before/*; do
  check "restored $(basename "$f") identical" cmp -s "$f" "$REL_TMP/after/$(basename "$f")"
done
while advance "$P" "${D[2]}"; do :; done
must GET "$P" admin "/api/dossiers/${D[2]}" 200
check "the dossier open at the backup finishes after the restore: $(body | jq -r .recognition.decisionNo)" \
  test "$(body | jq -r .dossier.status)" = RECOGNISED
log "PASS backup and restore: $(( $(date +%s) - T0 ))s"
