#!/usr/bin/env bash
# Shared helpers of the reliability scripts: start/stop nodes of the packaged jar, call the REST APIs as the demo
# users, drive a school's dossier through its chain, and clean up (processes, databases, temp dirs) on exit.
# Sourced, not run. Needs curl, jq, psql and the PostgreSQL server at 127.0.0.1:5432 (user postgres, trust auth).
set -euo pipefail

REL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REL_JAR="${REL_JAR:-$REL_ROOT/target/hoctap-0.1.0-SNAPSHOT.jar}"
REL_PG_HOST=127.0.0.1
REL_PG_PORT="${REL_PG_PORT:-5432}"
REL_PASSWORD=hoctap-demo
REL_TMP="$(mktemp -d /tmp/hoctap-rel.XXXXXX)"
REL_PIDS=()
REL_DBS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "FAIL: $*"; exit 1; }
check() { # check "what" condition...
  local what="$1"; shift
  if "$@"; then log "ok   $what"; else fail "$what"; fi
}

psql_db() { psql -h "$REL_PG_HOST" -p "$REL_PG_PORT" -U postgres -d "$1" -v ON_ERROR_STOP=1 -Atqc "$2"; }

db_create() { # fresh database, dropped again on exit
  PGOPTIONS='--client-min-messages=warning' psql -h "$REL_PG_HOST" -p "$REL_PG_PORT" -U postgres -d postgres -qc "drop database if exists $1 with (force)" >/dev/null
  psql -h "$REL_PG_HOST" -p "$REL_PG_PORT" -U postgres -d postgres -qc "create database $1" >/dev/null
  REL_DBS+=("$1")
}

rel_cleanup() {
  local rc=$?
  for pid in "${REL_PIDS[@]:-}"; do
    [ -n "$pid" ] && { kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; } || true
  done
  if pg_isready -h "$REL_PG_HOST" -p "$REL_PG_PORT" -q 2>/dev/null; then
    for db in "${REL_DBS[@]:-}"; do
      [ -n "$db" ] && psql -h "$REL_PG_HOST" -p "$REL_PG_PORT" -U postgres -d postgres -qc "drop database if exists $db with (force)" \
        >/dev/null 2>&1 || true
    done
  fi
  if [ "$rc" -ne 0 ]; then
    for f in "$REL_TMP"/*.log; do
      [ -f "$f" ] && { echo "---- last lines of $f"; grep -v '^\s*at ' "$f" | tail -n 15; }
    done
  fi
  [ "$(type -t rel_cleanup_more)" = function ] && rel_cleanup_more
  if [ -n "${REL_KEEP:-}" ]; then echo "kept $REL_TMP"; else rm -rf "$REL_TMP"; fi
  exit "$rc"
}
trap rel_cleanup EXIT
trap 'exit 130' INT TERM

# wait_gone DB : until no connection of a stopped node is left on the database (its last commits are settled)
wait_gone() {
  for _ in $(seq 1 100); do
    [ "$(psql_db "$1" "select count(*) from pg_stat_activity where datname = '$1' and pid <> pg_backend_pid()")" = 0 ] \
      && return 0
    sleep 0.1
  done
}

# start_node NAME PORT DB : the packaged jar with the demo and postgres profiles, its own data dir
start_node() {
  local name="$1" port="$2" db="$3"
  mkdir -p "$REL_TMP/data-$name"
  HOCTAP_DB_URL="jdbc:postgresql://$REL_PG_HOST:$REL_PG_PORT/$db" HOCTAP_DB_USER=postgres \
    java -Xmx512m -jar "$REL_JAR" --server.port="$port" --spring.profiles.active=demo,postgres \
    --hoctap.data-dir="$REL_TMP/data-$name" >>"$REL_TMP/$name.log" 2>&1 &
  local pid=$!
  REL_PIDS+=("$pid")
  eval "PID_$name=$pid"
  log "node $name starting (pid $pid, port $port, database $db)"
}

wait_up() { # wait_up PORT [SECONDS]
  local port="$1" limit="${2:-180}" t=0
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health")" = 200 ]; do
    t=$((t + 1)); [ "$t" -ge "$limit" ] && fail "node on port $port not up after ${limit}s"
    sleep 1
  done
  log "node on port $port up after ${t}s"
}

# req METHOD PORT USER PATH [JSON] : prints the HTTP status; the body is in $REL_TMP/body
req() {
  local method="$1" port="$2" user="$3" path="$4" data="${5:-}"
  # X-Requested-By: state-changing API requests need it (README, "Security and administration")
  local args=(-s -o "$REL_TMP/body" -w '%{http_code}' -X "$method" -u "$user:$REL_PASSWORD" --max-time 60
    -H 'X-Requested-By: hoctap-api')
  [ -n "$data" ] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
  curl "${args[@]}" "http://127.0.0.1:$port$path" || true  # -w prints 000 when there is no answer
}
body() { cat "$REL_TMP/body"; }

# must METHOD PORT USER PATH [JSON] EXPECTED : like req, fails the script unless the status is EXPECTED
must() {
  local expected="${*: -1}" status
  status="$(req "${@:1:$#-1}")"
  [ "$status" = "$expected" ] || fail "$1 $4 on port $2 as $3: HTTP $status (expected $expected): $(body | head -c 600)"
}

# the district level-1 self-assessment of a primary school, every indicator met (as Fixtures.districtLevel1Met)
LEVEL1_MET='{"tc1_ct1":"true","tc1_ct2":"true","tc1_ct2_mn":"true","tc1_ct3":"true","tc1_ct4":"true",
 "tc1_ct5":"true","tc3_ct2":"true","tc3_ct2_mn":"true","tc3_ct5":"true","tc2_ct1_met":45,"tc2_ct1_total":50,
 "tc2_ct2_met":50,"tc2_ct2_total":50,"tc2_ct3_met":46,"tc2_ct3_total":50,"tc2_ct4_met":25,"tc2_ct4_total":50,
 "tc2_ct5_met":47,"tc2_ct5_total":50,"tc3_ct1_met":45,"tc3_ct1_total":50,
 "tc3_ct3_title":"TAP_THE_LAO_DONG_TIEN_TIEN","tc3_ct4_level":"BASIC","tc1_ct1_note":"Kế hoạch số 01/KH ngày 05/01"}'

form() { # form JSON-OBJECT-OF-VALUES : the Camunda submit-form body
  jq -c '{variables: with_entries(.value = {value: .value})}' <<<"$1"
}

# task_of PORT USER DOSSIER : the id of the one task the user sees for the dossier (empty if none)
task_of() {
  must GET "$1" "$2" "/engine-rest/task?processInstanceBusinessKey=$3" 200
  body | jq -r 'if length == 1 then .[0].id else empty end'
}

# step PORT USER DOSSIER JSON : completes the user's task of the dossier with the form values
step() {
  local task; task="$(task_of "$1" "$2" "$3")"
  [ -n "$task" ] || fail "$2 has no task of dossier $3 (port $1)"
  must POST "$1" "$2" "/engine-rest/task/$task/submit-form" "$(form "$4")" 204
}

# The chain of a district-level school: who works each task and with what (team todanhgia, head hieutruong,
# reviewer phonggd, the head of the Phòng GDĐT truongphong and the council's secretary thuky.huyen, signer
# chutichhuyen).
who_and_form() { # who_and_form TASK-KEY : prints "user|json"
  case "$1" in
    Task_SelfAssessment) echo "todanhgia|$(jq -c '. + {assessmentComment: "Tổ đánh giá họp"}' <<<"$LEVEL1_MET")" ;;
    Task_HeadReview) echo 'hieutruong|{"headDecision":"SUBMIT","headComment":"Tờ trình"}' ;;
    Task_CheckCompleteness) echo 'phonggd|{"completeness":"COMPLETE"}' ;;
    Task_Appraise) echo "phonggd|$(jq -c '. + {appraisalRecommendation: "RECOGNISE"}' <<<"$LEVEL1_MET")" ;;
    # the Hội đồng đánh giá (TT24 Điều 10 K2 b): five people of huyện Thanh Trì, a meeting, five votes "đạt"
    Task_SetUpCouncil) echo 'truongphong|{"councilMode":"MEETING","councilChair":"truongphong","councilSecretary":"thuky.huyen","councilMembers":"phonggd\nchutichhuyen\nhdtdkt.huyen"}' ;;
    Task_CouncilMinutes) echo "thuky.huyen|{\"councilMeetingDate\":\"$(date +%F)\",\"councilPresent\":\"truongphong\\nthuky.huyen\\nphonggd\\nchutichhuyen\\nhdtdkt.huyen\",\"votesFor\":5,\"votesAgainst\":0,\"councilConclusion\":\"PASS\"}" ;;
    Task_Decide) echo 'chutichhuyen|{"signerDecision":"APPROVE"}' ;;
    *) fail "unexpected task $1" ;;
  esac
}

# open_task PORT DOSSIER : the key of the dossier's open task (empty when its chain has ended)
open_task() {
  must GET "$1" admin "/engine-rest/task?processInstanceBusinessKey=$2" 200
  local keys; keys="$(body | jq -r '.[].taskDefinitionKey')"
  [ "$(wc -w <<<"$keys")" -le 1 ] || fail "dossier $2 has several open tasks: $keys"
  echo "$keys"
}

# advance PORT DOSSIER : completes the dossier's open task as its holder; false when no task is open
advance() {
  local key wf; key="$(open_task "$1" "$2")"
  [ -n "$key" ] || return 1
  wf="$(who_and_form "$key")"
  step "$1" "${wf%%|*}" "$2" "${wf#*|}"
}

# new_school PORT CODE : a public primary school under huyện Thanh Trì, worked by the demo school's users
new_school() {
  local port="$1" code="$2"
  must POST "$port" admin /api/admin/org-units "{\"code\":\"$code\",\"name\":\"Trường thử $code\",\"kind\":\"UNIT\",
    \"unitKind\":\"PRIMARY\",\"publicUnit\":true,\"parentCode\":\"HN-TT\"}" 201
  must POST "$port" admin /api/admin/users/todanhgia/roles "{\"role\":\"team\",\"orgCode\":\"$code\"}" 201
  must POST "$port" admin /api/admin/users/hieutruong/roles "{\"role\":\"head\",\"orgCode\":\"$code\"}" 201
}

# open_dossier PORT CODE YEAR : prints the new dossier's id
open_dossier() {
  must POST "$1" todanhgia /api/dossiers "{\"unitCode\":\"$2\",\"level\":1,\"assessmentYear\":$3}" 201
  local id; id="$(body | jq -r '.dossier.id')"
  # one evidence file per applicable indicator (TT24 Điều 9 K3: without it the appraisal finds it "không đạt")
  local task; task="$(task_of "$1" todanhgia "$id")"
  must GET "$1" todanhgia "/engine-rest/task/$task/form-variables" 200
  local code
  for code in $(body | jq -r '.applicableCodes.value' | tr ';' '\n' | grep -v '=' | grep .); do
    printf '%%PDF-1.4\n%% minh chung %s\n' "$code" > "$REL_TMP/mc.pdf"
    [ "$(curl -s -o "$REL_TMP/body" -w '%{http_code}' -u "todanhgia:$REL_PASSWORD" -H 'X-Requested-By: hoctap-api' \
      -F "file=@$REL_TMP/mc.pdf;type=application/pdf" -F "indicatorCode=$code" --max-time 60 \
      "http://127.0.0.1:$1/api/dossiers/$id/evidence")" = 201 ] || fail "evidence $code of dossier $id: $(body)"
  done
  echo "$id"
}

