#!/usr/bin/env bash
# Restores a backup made by backup.sh: (re)creates the database from hoctap.dump and unpacks data.tar.gz into the
# data directory. STOP every node of the application first. See docs/reliability.md, "6. Backup and restore".
# Usage: restore.sh BACKUP_DIR [DATA_DIR]
#   env: PGHOST, PGPORT, PGUSER, PGDATABASE (target database, default hoctap) as for backup.sh.
#   The target database is dropped and created again (empty) before the restore: it must not be in use.
set -euo pipefail
dir="${1:?usage: restore.sh BACKUP_DIR [DATA_DIR]}"
data="${2:-./data}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-hoctap}"
[ -f "$dir/hoctap.dump" ] || { echo "no $dir/hoctap.dump" >&2; exit 1; }
( cd "$dir" && sha256sum --quiet -c <(tail -n +2 MANIFEST) ) || { echo "backup files do not match MANIFEST" >&2; exit 1; }
PGOPTIONS="--client-min-messages=warning" psql -d postgres -v ON_ERROR_STOP=1 -qc "drop database if exists \"$PGDATABASE\"" -c "create database \"$PGDATABASE\""
pg_restore --exit-on-error --no-owner --dbname="$PGDATABASE" "$dir/hoctap.dump"
if [ -f "$dir/data.tar.gz" ]; then
  mkdir -p "$data"
  tar -xzf "$dir/data.tar.gz" -C "$data"
fi
echo "restored $PGDATABASE (and $data) from $dir"
