#!/usr/bin/env bash
# Issue 9, item 1 "Crash": the application is killed (SIGKILL, no shutdown at all) while dossiers are in flight;
# after the restart every dossier continues from its last committed step — none lost, none duplicated.
# Counts dossiers, open tasks and decisions right after the kill (from the database) and after the restart, then
# completes the remaining tasks of every dossier.
# Usage: scripts/reliability/crash.sh (after mvn -o -q package -DskipTests; database hoctap_rel2_crash, created
# and dropped by the script). Exit status 0 = every check passed.
source "$(dirname "$0")/lib.sh"
DB="${REL_DB:-hoctap_rel2_crash}"
P="${REL_PORT_A:-18185}"
N=8
T0=$(date +%s)
[ -f "$REL_JAR" ] || fail "no $REL_JAR: run mvn -o -q package -DskipTests first"

db_create "$DB"
start_node A "$P" "$DB"
wait_up "$P"
RUN=$(( $(date +%s) % 100000 ))
declare -a D
for i in $(seq 1 $N); do
  new_school "$P" "R2C-$RUN-$i"
  D[$i]="$(open_dossier "$P" "R2C-$RUN-$i" 2026)"
done
IDS="$(IFS=,; echo "${D[*]:1}")"
KEYS="$(sed "s/[0-9]\+/'&'/g" <<<"$IDS")"

finish() { # finish DOSSIER : to its end, own body file (parallel-safe)
  local REL_TMP="$REL_TMP/w$1"; mkdir -p "$REL_TMP"
  while advance "$P" "$1"; do :; done
}
state() { # dossiers by status, open tasks, decisions, signed events of the test dossiers
  psql_db "$DB" "select (select string_agg(status || '=' || n, ' ' order by status) from (select status, count(*) n
    from dossier where id in ($IDS) group by status) s), (select count(*) from act_ru_task t join act_ru_execution e
    on e.id_ = t.proc_inst_id_ where e.business_key_ in ($KEYS)), (select count(*) from recognition where dossier_id
    in ($IDS)), (select count(*) from dossier_event where dossier_id in ($IDS) and action = 'SIGNED')"
}

pids=()
for i in $(seq 1 $N); do ( finish "${D[$i]}" ) >/dev/null 2>&1 & pids+=($!); done
# killed once some chains have reached their decision and others have not
for _ in $(seq 1 600); do
  [ "$(psql_db "$DB" "select count(*) from recognition where dossier_id in ($IDS)")" -ge 2 ] && break
  sleep 0.1
done
kill -KILL "$PID_A"
{ wait "$PID_A"; } 2>/dev/null || true
for p in "${pids[@]}"; do wait "$p" || true; done
wait_gone "$DB"
AT_KILL="$(state)"
log "SIGKILL while $N chains were in flight; committed then: $AT_KILL (statuses | open tasks | decisions | SIGNED events)"

start_node A "$P" "$DB"
wait_up "$P"
AFTER="$(state)"
check "after the restart the database shows exactly what was committed before the kill ($AFTER)" \
  test "$AFTER" = "$AT_KILL"
dossiers="$(psql_db "$DB" "select count(*) from dossier where id in ($IDS)")"
check "no dossier lost or added ($dossiers)" test "$dossiers" = "$N"
for i in $(seq 1 $N); do
  t="$(open_task "$P" "${D[$i]}")"
  status="$(psql_db "$DB" "select status from dossier where id = ${D[$i]}")"
  [ -n "$t" ] || [ "$status" = RECOGNISED ] || fail "dossier ${D[$i]} ($status) has no open task after the restart"
done
log "every unfinished dossier has exactly one open task"
for i in $(seq 1 $N); do finish "${D[$i]}"; done
FINAL="$(state)"
check "every dossier finished after the restart, each recognised once: $FINAL" test "$FINAL" = "RECOGNISED=$N|0|$N|$N"
numbers="$(psql_db "$DB" "select count(distinct decision_no) = count(*) and max(split_part(decision_no, '/', 1)::int)
  - min(split_part(decision_no, '/', 1)::int) + 1 = count(*) from recognition where dossier_id in ($IDS)")"
check "decision numbers unique and gap-free across the crash" test "$numbers" = t
log "PASS crash: $(( $(date +%s) - T0 ))s"
