#!/usr/bin/env bash
# The demo with single sign-on, in one command: Keycloak with the realms of the tests
# (src/test/resources/keycloak) on http://localhost:8180, then hoctap with the demo data on http://localhost:8080
# (profiles demo and sso-demo). Ctrl-C stops both. Keycloak comes from Maven Central (unpacked into
# target/keycloak by the build, or here the first time) and runs on a JDK 21+ (scripts/keycloak-java.sh).
# KEYCLOAK_PORT=… for another port. Keycloak's own console: http://localhost:8180/admin (admin / hoctap-demo).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${KEYCLOAK_PORT:-8180}
version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
home=target/keycloak/keycloak-$version
if [ ! -x "$home/bin/kc.sh" ]; then
  mvn -q dependency:unpack@keycloak
fi
java=$(scripts/keycloak-java.sh) || {
  echo "Keycloak needs Java 21 or newer: run scripts/install-test-tools.sh (as root) or set KEYCLOAK_JAVA_HOME" >&2
  exit 1
}
data=$(mktemp -d)
mkdir -p "$home/data/import"
rm -f "$home"/data/import/*.json
cp src/test/resources/keycloak/*-realm.json "$home/data/import/"
# Java 24+: Keycloak's thread pool needs java.lang opened (it says so itself)
JAVA_HOME=$java JAVA_OPTS_APPEND="--add-opens=java.base/java.lang=ALL-UNNAMED" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=hoctap-demo \
  "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --import-realm \
  --db-url="jdbc:h2:file:$data/keycloakdb;NON_KEYWORDS=VALUE" > target/keycloak-demo.log 2>&1 &
keycloak=$!
trap 'kill $keycloak 2>/dev/null; wait $keycloak 2>/dev/null; rm -rf "$data"' EXIT
echo "Keycloak is starting on http://localhost:$port (one to two minutes; log: target/keycloak-demo.log)"
until curl -sf "http://127.0.0.1:$port/realms/hoctap/.well-known/openid-configuration" >/dev/null; do
  kill -0 "$keycloak" 2>/dev/null || { echo "Keycloak stopped: see target/keycloak-demo.log" >&2; exit 1; }
  sleep 2
done
echo "Keycloak is up; starting hoctap on http://localhost:8080/dang-nhap"
HOCTAP_SSO_ISSUER="http://localhost:$port/realms/hoctap" mvn spring-boot:run -Dspring-boot.run.profiles=demo,sso-demo
