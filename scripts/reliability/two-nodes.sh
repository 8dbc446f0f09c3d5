#!/usr/bin/env bash
# Issue 9, item 2 "Two nodes" (and the crash of item 1 on a cluster): two instances of the packaged jar on ONE
# PostgreSQL database share the work. Proves that
#  - work started on one node is continued on the other (each step of each dossier alternates nodes);
#  - decisions signed concurrently on both nodes get unique, gap-free numbers;
#  - timers fire once (a deadline moved to today makes every open dossier's reminder due at once; both job
#    executors compete for them; each dossier gets its reminder exactly once);
#  - stopping a node mid-run (SIGTERM, and later SIGKILL of the other one) loses nothing: the survivor finishes
#    every open dossier, none is lost or duplicated.
# Usage: scripts/reliability/two-nodes.sh   (after `mvn -o -q package -DskipTests`; database hoctap_rel2_nodes,
# created and dropped by the script; REL_DB and REL_PORT_A/B override). Exit status 0 = every check passed.
source "$(dirname "$0")/lib.sh"

DB="${REL_DB:-hoctap_rel2_nodes}"
A="${REL_PORT_A:-18181}"
B="${REL_PORT_B:-18182}"
YEAR=2026
N=12
T0=$(date +%s)
[ -f "$REL_JAR" ] || fail "no $REL_JAR: run mvn -o -q package -DskipTests first"

db_create "$DB"
start_node A "$A" "$DB"
wait_up "$A"
start_node B "$B" "$DB"
wait_up "$B"

statuses() { # statuses I... : the committed status of these dossiers, e.g. "IN_APPRAISAL=2 RECOGNISED=2"
  local ids; ids="$(for i in "$@"; do printf '%s,' "${D[$i]}"; done)"
  psql_db "$DB" "select string_agg(status || '=' || n, ' ' order by status) from (select status, count(*) n
    from dossier where id in (${ids%,}) group by status) s"
}

until_one_recognised() { # until_one_recognised I... : waits until one of these dossiers has its decision
  local ids; ids="$(for i in "$@"; do printf '%s,' "${D[$i]}"; done)"
  for _ in $(seq 1 300); do
    [ "$(psql_db "$DB" "select count(*) from dossier where id in (${ids%,}) and status = 'RECOGNISED'")" -ge 1 ] \
      && return 0
    sleep 0.1
  done
}

port_of() { if [ $(( $1 % 2 )) -eq 0 ]; then echo "$A"; else echo "$B"; fi; }

# ---- schools and dossiers, opened on both nodes
declare -a D
RUN=$(( $(date +%s) % 100000 ))
for i in $(seq 1 $N); do
  new_school "$(port_of "$i")" "R2-$RUN-$i"
  D[$i]="$(open_dossier "$(port_of $((i + 1)))" "R2-$RUN-$i" $YEAR)"
done
IDS="$(IFS=,; echo "${D[*]:1}")"
KEYS="$(sed "s/[0-9]\+/'&'/g" <<<"$IDS")"
log "opened dossiers $IDS on nodes A and B"

# ---- timers: the submission deadline of every school moved to today, so each reminder timer is due now
TODAY="$(TZ=Asia/Ho_Chi_Minh date +%F)"
for i in $(seq 1 $N); do
  must POST "$(port_of "$i")" admin /api/admin/deadline-extensions "{\"unitCode\":\"R2-$RUN-$i\",
    \"assessmentYear\":$YEAR,\"kind\":\"SUBMISSION\",\"until\":\"$TODAY\",\"reason\":\"Kiểm thử hai nút\"}" 200
done
for t in $(seq 1 90); do
  due="$(psql_db "$DB" "select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.execution_id_
    join act_ru_execution p on p.id_ = e.proc_inst_id_ where p.business_key_ in ($KEYS)
    and j.duedate_ <= now()")"
  [ "$due" = 0 ] && break
  sleep 1
done
check "every due reminder timer was executed (none left due after ${t}s)" test "$due" = 0
reminders="$(psql_db "$DB" "select count(distinct dossier_id) from notification where kind = 'REMINDER'
  and dossier_id in ($IDS)")"
dup="$(psql_db "$DB" "select count(*) from (select 1 from notification where dossier_id in ($IDS)
  group by dossier_id, recipient_group, kind having count(*) > 1) x")"
fired="$(psql_db "$DB" "select count(*), count(distinct a.proc_inst_id_) from act_hi_actinst a join act_hi_procinst p
  on p.id_ = a.proc_inst_id_ where a.act_id_ = 'Timer_SubmissionReminder' and p.business_key_ in ($KEYS)")"
check "each reminder timer fired exactly once ($fired: timer events | dossiers)" test "$fired" = "$N|$N"
check "each of the $N dossiers got its reminder ($reminders), none twice ($dup duplicates)" \
  test "$reminders" = "$N" -a "$dup" = 0

# ---- each dossier's first three steps, alternating nodes step by step
for i in $(seq 1 $N); do
  for k in 1 2 3; do advance "$(port_of $((i + k)))" "${D[$i]}" || fail "dossier ${D[$i]} ended early"; done
done
log "every dossier at the appraisal, each step done on the other node than the step before"

# finish DOSSIER PORT... : advances the dossier to its end, on the given nodes in turn (own body file: parallel-safe)
finish() {
  local id="$1"; shift
  local REL_TMP="$REL_TMP/w$id"; mkdir -p "$REL_TMP"
  local n=0 ports=("$@")
  while advance "${ports[$((n % ${#ports[@]}))]}" "$id"; do n=$((n + 1)); done
}

# ---- dossiers 1..4 appraised and signed concurrently, on both nodes at once
pids=()
for i in 1 2 3 4; do finish "${D[$i]}" "$(port_of "$i")" "$(port_of $((i + 1)))" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p" || fail "a concurrent signature failed"; done
log "dossiers 1-4 signed concurrently on A and B"

# ---- dossiers 5..8 driven on B, which is stopped (SIGTERM) while they are in flight; A finishes them
( for i in 5 6 7 8; do finish "${D[$i]}" "$B"; done ) >/dev/null 2>&1 &
worker=$!
until_one_recognised 5 6 7 8
kill -TERM "$PID_B"
log "SIGTERM to node B while dossiers 5-8 were in flight on it (one after the other)"
{ wait "$worker"; } 2>/dev/null || true
wait "$PID_B" || true
log "committed when B stopped: $(statuses 5 6 7 8)"
for i in 5 6 7 8; do finish "${D[$i]}" "$A"; done
log "node A finished dossiers 5-8"

# ---- node B back; dossiers 9..12 driven on A, which is killed (SIGKILL) in flight; B finishes them
start_node B "$B" "$DB"
wait_up "$B"
( for i in 9 10 11 12; do finish "${D[$i]}" "$A"; done ) >/dev/null 2>&1 &
worker=$!
until_one_recognised 9 10 11 12
kill -KILL "$PID_A"
log "SIGKILL to node A while dossiers 9-12 were in flight on it (one after the other)"
{ wait "$worker"; } 2>/dev/null || true
{ wait "$PID_A"; } 2>/dev/null || true
log "committed when A was killed: $(statuses 9 10 11 12)"
for i in 9 10 11 12; do finish "${D[$i]}" "$B"; done
log "node B finished dossiers 9-12"

# ---- nothing lost, nothing twice
recognised="$(psql_db "$DB" "select count(*) from dossier where id in ($IDS) and status = 'RECOGNISED'")"
check "all $N dossiers recognised ($recognised)" test "$recognised" = "$N"
recs="$(psql_db "$DB" "select count(*), count(distinct dossier_id) from recognition where dossier_id in ($IDS)")"
check "one recognition per dossier ($recs)" test "$recs" = "$N|$N"
certs="$(psql_db "$DB" "select count(*) from certificate c join recognition r on r.id = c.recognition_id
  where r.dossier_id in ($IDS)")"
check "one certificate per recognition ($certs)" test "$certs" = "$N"
numbers="$(psql_db "$DB" "select string_agg(split_part(decision_no, '/', 1), ' ' order by
  split_part(decision_no, '/', 1)::int) from recognition where dossier_id in ($IDS)")"
gapfree="$(psql_db "$DB" "select count(distinct n) = count(*) and max(n) - min(n) + 1 = count(*) from (select
  split_part(decision_no, '/', 1)::int n from recognition where dossier_id in ($IDS)) x")"
last="$(psql_db "$DB" "select c.last_no = (select max(split_part(decision_no, '/', 1)::int) from recognition
  where dossier_id in ($IDS)) from decision_counter c join org_unit o on o.id = c.signer_org_id
  where o.code = 'HN-TT' and c.decision_year = extract(year from now() at time zone 'Asia/Ho_Chi_Minh')")"
check "decision numbers unique and gap-free: $numbers" test "$gapfree" = t -a "$last" = t
dup="$(psql_db "$DB" "select count(*) from (select 1 from notification where dossier_id in ($IDS)
  group by dossier_id, recipient_group, kind having count(*) > 1) x")"
check "no notification twice (per dossier, recipient, kind): $dup duplicates" test "$dup" = 0
signed="$(psql_db "$DB" "select count(*), count(distinct dossier_id) from dossier_event where dossier_id in ($IDS)
  and action = 'SIGNED'")"
check "one SIGNED event per dossier ($signed)" test "$signed" = "$N|$N"
open="$(psql_db "$DB" "select count(*) from act_ru_execution where business_key_ in
  ($KEYS)")"
check "no process instance of these dossiers left running ($open)" test "$open" = 0
failed="$(psql_db "$DB" "select count(*) from act_ru_job where retries_ = 0 or exception_msg_ is not null")"
check "no failed job ($failed)" test "$failed" = 0
log "PASS two nodes: $N dossiers, $(( $(date +%s) - T0 ))s"
