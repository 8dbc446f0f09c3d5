#!/usr/bin/env bash
# Installs what the test suite needs beyond Java and Maven, from Debian's packages: headless Chromium and its
# driver (browser tests), DejaVu fonts (Vietnamese PDFs), jq (reliability scripts), poppler-utils (pdftoppm renders
# the signed documents to PNG in the tests). Run as root; idempotent.
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
