#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into the database and media of this environment.
#   scripts/restore.sh BACKUP_DIR
# The target database is replaced. Stop the application servers first.
set -euo pipefail
cd "$(dirname "$0")/.."
sqlite_path="var/db.sqlite3"
case "${DATABASE_URL:-}" in sqlite:///*) sqlite_path="/${DATABASE_URL#sqlite:///}";; esac
src="${1:?usage: scripts/restore.sh BACKUP_DIR}"
media="${MEDIA_ROOT:-var/media}"

case "${DATABASE_URL:-}" in
  postgres://*|postgresql://*)
    pg_restore --clean --if-exists --no-owner --no-privileges --dbname="$DATABASE_URL" "$src/database.pgdump"
    ;;
  ""|sqlite://*)
    mkdir -p "$(dirname "$sqlite_path")"
    cp "$src/database.sqlite3" "$sqlite_path.restoring"
    mv "$sqlite_path.restoring" "$sqlite_path"
    ;;
  *) echo "restore.sh: unsupported DATABASE_URL" >&2; exit 2 ;;
esac

if [ -f "$src/media.tar.gz" ]; then
  mkdir -p "$media"
  tar -C "$media" -xzf "$src/media.tar.gz"
fi
echo "Sauvegarde restaurée depuis $src"
