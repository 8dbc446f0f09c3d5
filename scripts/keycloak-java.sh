#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer — Keycloak's minimum; hoctap itself and its tests stay on Java 17 — for the
# single sign-on tests and scripts/demo-sso.sh: KEYCLOAK_JAVA_HOME if set, else the newest JDK under /usr/lib/jvm.
# Exits 1 when there is none (scripts/install-test-tools.sh installs one from Debian's packages).
set -euo pipefail
if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then
  echo "$KEYCLOAK_JAVA_HOME"
  exit 0
fi
best=""
best_version=0
for release in /usr/lib/jvm/*/release; do
  [ -f "$release" ] || continue
  jdk=$(dirname "$release")
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ] && [ -x "$jdk/bin/java" ]; then
    best=$jdk
    best_version=$version
  fi
done
[ -n "$best" ] || exit 1
echo "$best"
