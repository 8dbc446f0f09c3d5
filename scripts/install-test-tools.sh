#!/usr/bin/env bash
# Installs what the test suite needs beyond Java and Maven, from Debian's packages: headless Chromium and its
# driver (browser tests), DejaVu fonts (Vietnamese PDFs), jq (reliability scripts), poppler-utils (pdftoppm renders
# the signed documents to PNG in the tests), a JDK 21 or newer for Keycloak (single sign-on tests; the build fetches
# Keycloak itself from Maven Central). Run as root; idempotent.
# .ci/run calls it; on a fresh machine run it once before `mvn verify`.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# Keycloak, the OpenID Connect provider of the single sign-on tests, runs on Java 21+ (hoctap stays on 17)
if ! "$(dirname "$0")/keycloak-java.sh" >/dev/null; then
  apt-get update -qq
  for jdk in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
    if apt-cache show "$jdk" >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$jdk"
      break
    fi
  done
  "$(dirname "$0")/keycloak-java.sh" >/dev/null \
    || echo "No JDK 21 or newer in this machine's packages: the single sign-on tests cannot start Keycloak" >&2
fi
