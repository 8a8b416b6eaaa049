#!/usr/bin/env bash
# Back up the database and the media files into one folder.
#   scripts/backup.sh BACKUP_DIR
# DATABASE_URL selects the database as in the settings (SQLite file var/db.sqlite3 when unset).
# MEDIA_ROOT defaults to var/media.
set -euo pipefail
# Backups hold every account and booking: readable by their owner only (files 600, folder 700).
umask 077
cd "$(dirname "$0")/.."
sqlite_path="var/db.sqlite3"
case "${DATABASE_URL:-}" in sqlite:///*) sqlite_path="/${DATABASE_URL#sqlite:///}";; esac
dest="${1:?usage: scripts/backup.sh BACKUP_DIR}"
mkdir -p "$dest"
chmod 700 "$dest"
PY="${PYTHON:-.venv/bin/python}"
media="${MEDIA_ROOT:-var/media}"

case "${DATABASE_URL:-}" in
  postgres://*|postgresql://*)
    pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$dest/database.pgdump"
    ;;
  ""|sqlite://*)
    # SQLite's online backup API: a consistent copy even while the site runs.
    "$PY" - "$sqlite_path" "$dest/database.sqlite3" <<'PYEOF'
import sqlite3, sys
source = sqlite3.connect(sys.argv[1])
target = sqlite3.connect(sys.argv[2])
source.backup(target)
target.close()
source.close()
PYEOF
    ;;
  *) echo "backup.sh: unsupported DATABASE_URL" >&2; exit 2 ;;
esac

if [ -d "$media" ]; then
  tar -C "$media" -czf "$dest/media.tar.gz" .
fi
echo "Sauvegarde écrite dans $dest"
