#!/usr/bin/env bash
# Lighthouse scores (performance and accessibility, mobile preset) of hoctap's own pages, logged in where the page
# needs it (issue 17 item 8: they stay at 100 on a phone). Not part of the build or CI: run it by hand.
#
#   scripts/lighthouse.sh                       # starts the demo from the packaged jar on a free port, measures,
#                                               # stops it (builds the jar with `mvn -DskipTests package` if missing)
#   HOCTAP_URL=http://localhost:8080 scripts/lighthouse.sh   # measures a demo that is already running
#
# Needs Node.js (npm), Debian's /usr/bin/chromium (scripts/install-test-tools.sh), curl and jq. Lighthouse itself
# (pinned 12.2.3: later versions want Node 22) is installed once into LIGHTHOUSE_HOME (~/.cache/hoctap-lighthouse).
# The demo started here keeps its H2 data in a temporary folder, removed at the end. Each page is measured
# RUNS times (3) and the median score printed; reports go to target/lighthouse/<page>-<run>.report.json.
# Pages: /dang-nhap, /kiem-tra (anonymous), /trang-chu, /viec-can-lam, /ho-so/{id}, /ho-so/{id}/minh-chung,
# /thong-bao (a school's Tổ đánh giá: todanhgia), /dashboard (the administrator). The session cookie of a page
# login is passed with --extra-headers; the dossier is the school's open one, opened through /ho-so/moi if there is
# none.
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE_VERSION=12.2.3
LIGHTHOUSE_HOME=${LIGHTHOUSE_HOME:-$HOME/.cache/hoctap-lighthouse}
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
RUNS=${RUNS:-3}
PASSWORD=hoctap-demo
OUT=target/lighthouse
export CHROME_PATH

for tool in npm curl jq; do
  command -v "$tool" >/dev/null || { echo "lighthouse.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$CHROME_PATH" ] || { echo "lighthouse.sh: no Chromium at $CHROME_PATH (scripts/install-test-tools.sh)" >&2; exit 1; }

LH="$LIGHTHOUSE_HOME/node_modules/.bin/lighthouse"
if [ ! -x "$LH" ] || ! "$LH" --version 2>/dev/null | grep -qx "$LIGHTHOUSE_VERSION"; then
  echo "Installing lighthouse@$LIGHTHOUSE_VERSION into $LIGHTHOUSE_HOME ..."
  mkdir -p "$LIGHTHOUSE_HOME"
  npm install --silent --no-audit --no-fund --prefix "$LIGHTHOUSE_HOME" -E "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

APP_PID=
WORK=$(mktemp -d)
cleanup() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${HOCTAP_URL:-}" ]; then
  BASE=${HOCTAP_URL%/}
else
  JAR=$(ls target/hoctap-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1 || true)
  if [ -z "$JAR" ]; then
    echo "Packaging the application (mvn -DskipTests package) ..."
    mvn -q -DskipTests package
    JAR=$(ls target/hoctap-*.jar | grep -v -- '-plain' | head -n 1)
  fi
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  BASE=http://localhost:$PORT
  echo "Starting the demo ($JAR) on $BASE ..."
  java -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" --hoctap.data-dir="$WORK/data" \
    >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    if curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      break
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the demo did not start:" >&2; tail -n 40 "$WORK/app.log" >&2; exit 1; }
    sleep 2
  done
  curl -fs "$BASE/actuator/health" | grep -q '"UP"' || { echo "the demo is not UP after 6 minutes" >&2; exit 1; }
fi

# login USER COOKIEJAR: a page session through the login form (with its CSRF token); prints the session cookie
login() {
  local page csrf
  page=$(curl -fs -c "$2" -b "$2" "$BASE/dang-nhap")
  csrf=$(printf '%s' "$page" | sed -n 's/.*name="_csrf"[[:space:]]*value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -fs -o /dev/null -c "$2" -b "$2" --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$BASE/dang-nhap"
  awk '$6 == "JSESSIONID" { v = $7 } END { print v }' "$2"
}

SCHOOL_JAR="$WORK/school.cookies"
ADMIN_JAR="$WORK/admin.cookies"
SCHOOL=$(login todanhgia "$SCHOOL_JAR")
ADMIN=$(login admin "$ADMIN_JAR")
[ -n "$SCHOOL" ] && [ -n "$ADMIN" ] || { echo "lighthouse.sh: the demo users could not log in" >&2; exit 1; }

# the school's open dossier, or a new one
DOSSIER=$(curl -fs -b "$SCHOOL_JAR" "$BASE/viec-can-lam" | grep -o 'href="/ho-so/[0-9]*"' | head -n 1 \
  | grep -o '[0-9]*' || true)
if [ -z "$DOSSIER" ]; then
  csrf=$(curl -fs -b "$SCHOOL_JAR" "$BASE/ho-so/moi" | sed -n 's/.*name="_csrf"[[:space:]]*value="\([^"]*\)".*/\1/p' \
    | head -n 1)
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$SCHOOL_JAR" --data-urlencode "_csrf=$csrf" \
    --data-urlencode "donVi=LEARNING_UNIT:HN-TT-TH01" --data-urlencode "mucDo=1" \
    --data-urlencode "nam=$(date +%Y)" "$BASE/ho-so/moi")
  DOSSIER=$(printf '%s' "$location" | grep -o '/ho-so/[0-9]*' | grep -o '[0-9]*' || true)
fi
[ -n "$DOSSIER" ] || { echo "lighthouse.sh: no dossier of todanhgia to measure" >&2; exit 1; }

mkdir -p "$OUT"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# measure NAME PATH [COOKIE]
measure() {
  local name=$1 path=$2 cookie=${3:-} perf=() a11y=() headers=()
  if [ -n "$cookie" ]; then
    headers=(--extra-headers "{\"Cookie\": \"JSESSIONID=$cookie\"}")
  fi
  for run in $(seq 1 "$RUNS"); do
    local report="$OUT/$name-$run.report.json"
    "$LH" "$BASE$path" --quiet --output=json --output-path="$report" \
      --only-categories=performance,accessibility --form-factor=mobile \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" "${headers[@]}" \
      >/dev/null 2>"$OUT/$name-$run.log" || { echo "lighthouse failed on $path (see $OUT/$name-$run.log)" >&2; return 1; }
    if [ "$(jq -r '.finalDisplayedUrl // .finalUrl' "$report")" != "$BASE$path" ]; then
      echo "lighthouse.sh: $path ended at $(jq -r '.finalDisplayedUrl // .finalUrl' "$report") (not logged in?)" >&2
      return 1
    fi
    perf+=("$(jq '.categories.performance.score * 100 | round' "$report")")
    a11y+=("$(jq '.categories.accessibility.score * 100 | round' "$report")")
  done
  printf '%-28s %11s %13s   (runs: %s / %s)\n' "$path" "$(printf '%s\n' "${perf[@]}" | median)" \
    "$(printf '%s\n' "${a11y[@]}" | median)" "${perf[*]}" "${a11y[*]}"
}

echo "Lighthouse $LIGHTHOUSE_VERSION, mobile preset, Chromium $("$CHROME_PATH" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n 1), median of $RUNS runs; $BASE"
printf '%-28s %11s %13s\n' "page" "performance" "accessibility"
measure dang-nhap /dang-nhap
measure kiem-tra /kiem-tra
measure trang-chu /trang-chu "$SCHOOL"
measure viec-can-lam /viec-can-lam "$SCHOOL"
measure ho-so "/ho-so/$DOSSIER" "$SCHOOL"
measure minh-chung "/ho-so/$DOSSIER/minh-chung" "$SCHOOL"
measure thong-bao /thong-bao "$SCHOOL"
measure dashboard /dashboard "$ADMIN"
