#!/usr/bin/env bash
# Local PostgreSQL for `npm start` and the tests, without Docker.
#
#   deploy/local/postgres.sh ensure   make sure a server answers (start an installed local cluster if it is down)
#   deploy/local/postgres.sh init     ensure, then create the database and each service's role and schema (idempotent)
#   deploy/local/postgres.sh url      print the admin URL in use
#
# Environment: DATABASE_ADMIN_URL, else DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), names the
# server and an account allowed to create roles; COMPLAINTS_DB (default complaints) is the platform's database.
set -euo pipefail

admin_url=${DATABASE_ADMIN_URL:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}}
database=${COMPLAINTS_DB:-complaints}
schemas=(intake classification sla_timer escalation notification)

say() { echo "[postgres] $*" >&2; }
die() { say "error: $*"; exit 1; }

answers() {
  psql "$admin_url" -Atqc 'SELECT 1' >/dev/null 2>&1
}

ensure() {
  command -v psql >/dev/null 2>&1 || die "psql is not installed (apt-get install postgresql-client), or set DATABASE_ADMIN_URL to a server"
  answers && return 0
  if command -v pg_ctlcluster >/dev/null 2>&1 && [[ -d /etc/postgresql ]]; then
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    say "server not answering; starting the local cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || die "could not start the local cluster $version/main"
    for _ in $(seq 1 30); do
      answers && return 0
      sleep 1
    done
  fi
  die "no PostgreSQL answers at $admin_url; install PostgreSQL 15 or set DATABASE_ADMIN_URL"
}

init() {
  ensure
  if [[ "$(psql "$admin_url" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]]; then
    psql "$admin_url" -qc "CREATE DATABASE \"$database\"" >&2
    say "created database $database"
  fi
  local db_url="${admin_url%/*}/$database"
  for schema in "${schemas[@]}"; do
    PGOPTIONS="-c client_min_messages=warning" psql "$db_url" -v ON_ERROR_STOP=1 -q >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${schema}_svc') THEN
    CREATE ROLE ${schema}_svc LOGIN;
  END IF;
END \$\$;
CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${schema}_svc;
ALTER ROLE ${schema}_svc SET search_path = ${schema};
SQL
  done
  say "database $database has schemas and roles for: ${schemas[*]}"
}

case "${1:-}" in
  ensure) ensure ;;
  init) init ;;
  url) echo "$admin_url" ;;
  *) echo "usage: $0 ensure|init|url" >&2; exit 2 ;;
esac
