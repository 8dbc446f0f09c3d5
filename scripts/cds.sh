#!/bin/sh
# Prepares hoctap for a faster start: unpacks the application jar into DIR and records a class-data sharing
# (CDS) archive of the classes a start loads, by starting the application once on a scratch H2 database up to the
# end of its context refresh (Spring Boot's documented training run). Starting from DIR with the archive skips
# the nested-jar class loading and most class parsing and verification: see "Start-up" in docs/benchmarks.md.
#
#   scripts/cds.sh target/hoctap-0.1.0-SNAPSHOT.jar /opt/hoctap
#   java -XX:SharedArchiveFile=/opt/hoctap/hoctap.jsa -jar /opt/hoctap/hoctap-0.1.0-SNAPSHOT.jar [--spring.profiles.active=postgres …]
#
# The archive belongs to this JVM and this jar: run the script again after upgrading either (the JVM ignores a
# stale archive with a warning and starts as usual, only slower).
set -eu
if [ $# -ne 2 ]; then
  echo "usage: $0 <application jar> <directory to create>" >&2
  exit 2
fi
jar=$1
dir=$2
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
app="$dir/$(basename "$jar")"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
java -XX:ArchiveClassesAtExit="$dir/hoctap.jsa" -Dspring.context.exit=onRefresh \
  -jar "$app" --hoctap.data-dir="$scratch" --server.port=0 --camunda.bpm.job-execution.enabled=false \
  > "$dir/cds-training.log" 2>&1
echo "Start with: java -XX:SharedArchiveFile=$dir/hoctap.jsa -jar $app"
