#!/usr/bin/env bash
# Backs up one hoctap installation on PostgreSQL: the database (pg_dump, custom format: every hoctap table, the
# evidence files stored in it as bytea, and the engine's ACT_* tables with the running processes and timers) and the
# data directory (annotated round-import files in round-imports/). See docs/reliability.md, "6. Backup and restore".
# Usage: backup.sh BACKUP_DIR [DATA_DIR]
#   env: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGDATABASE (hoctap), PGPASSWORD if needed.
# Writes BACKUP_DIR/hoctap.dump, BACKUP_DIR/data.tar.gz (if DATA_DIR exists) and BACKUP_DIR/MANIFEST.
# Safe while the application runs (pg_dump reads one consistent snapshot); files written to the data directory
# after the dump started may be missing from the tar, which only affects annotated copies of rejected imports.
set -euo pipefail
dir="${1:?usage: backup.sh BACKUP_DIR [DATA_DIR]}"
data="${2:-./data}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-hoctap}"
mkdir -p "$dir"
pg_dump --format=custom --compress=6 --no-owner --file="$dir/hoctap.dump" "$PGDATABASE"
if [ -d "$data" ]; then
  tar -czf "$dir/data.tar.gz" -C "$data" .
fi
{
  echo "database=$PGDATABASE host=$PGHOST:$PGPORT taken=$(date -u +%FT%TZ)"
  ( cd "$dir" && sha256sum hoctap.dump $( [ -f data.tar.gz ] && echo data.tar.gz ) )
} >"$dir/MANIFEST"
echo "backup of $PGDATABASE written to $dir ($(du -sh "$dir" | cut -f1))"
