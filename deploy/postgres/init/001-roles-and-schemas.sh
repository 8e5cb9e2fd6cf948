#!/usr/bin/env bash
# The database, and per service a login role that owns exactly one schema: the server-side counterpart of
# `deploy/local/postgres.sh init`, with passwords, for docker-compose and for production servers.
#
# Runs in two places:
#   - the postgres image's /docker-entrypoint-initdb.d (first start of an empty data volume), connected over the
#     local socket as POSTGRES_USER;
#   - against any server with an admin account, through the usual libpq variables (PGHOST, PGPORT, PGUSER,
#     PGPASSWORD, PGSSLMODE), e.g. the Kubernetes postgres-init Job. Re-running it is safe and is how a changed
#     password is applied.
#
# Environment: INTAKE_DB_PASSWORD, CLASSIFICATION_DB_PASSWORD, SLA_TIMER_DB_PASSWORD, ESCALATION_DB_PASSWORD,
# NOTIFICATION_DB_PASSWORD (required); COMPLAINTS_DB (default complaints). Needs psql 15 or newer (\getenv).

# The postgres image sources *.sh init files that are not executable (a checkout can lose the x bit). Run in a
# child bash instead, so `set -euo pipefail` and `exit` cannot leak into the image's entrypoint.
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  bash "${BASH_SOURCE[0]}"
  return
fi

set -euo pipefail

database=${COMPLAINTS_DB:-complaints}
schemas=(intake classification sla_timer escalation notification)
export PGUSER=${PGUSER:-${POSTGRES_USER:-postgres}}
admin_db=${PGDATABASE:-${POSTGRES_DB:-postgres}}

say() { echo "[postgres-init] $*" >&2; }
die() { say "error: $*"; exit 1; }

# Check every password before changing anything, so a missing one leaves the server untouched.
for schema in "${schemas[@]}"; do
  var="${schema^^}_DB_PASSWORD"
  [[ -n "${!var:-}" ]] || die "$var is not set (the password of role ${schema}_svc)"
done

psql_admin() {
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"
}

# CREATE DATABASE cannot run inside a DO block or a transaction, hence \gexec on a conditional SELECT.
psql_admin -d "$admin_db" -v db="$database" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL

# Servers before 15 let every role create objects in public; the services must only ever write their own schema.
# Only these roles may connect, so a role made for another database on the same server cannot look around.
psql_admin -d "$database" -v db="$database" <<'SQL'
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL

for schema in "${schemas[@]}"; do
  # The password goes from the environment straight into psql (\getenv), never onto a command line that
  # `ps` would show, and is quoted by psql as a literal.
  psql_admin -d "$database" -v db="$database" -v schema="$schema" -v role="${schema}_svc" \
    -v password_var="${schema^^}_DB_PASSWORD" <<'SQL'
\getenv password :password_var
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN PASSWORD :'password';
GRANT CONNECT ON DATABASE :"db" TO :"role";
CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"role";
-- A schema that existed before (created by hand, or by an older script) is handed over too.
ALTER SCHEMA :"schema" OWNER TO :"role";
ALTER ROLE :"role" SET search_path = :"schema";
SQL
  say "role ${schema}_svc owns schema ${schema}"
done

say "database ${database} ready for: ${schemas[*]}"
