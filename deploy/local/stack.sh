#!/usr/bin/env bash
# The whole platform on one machine without Docker: Postgres, a Kafka broker from the Maven jars, and the five
# services as separate Node processes.
#
#   deploy/local/stack.sh start    install what is missing, build, start everything, print the URLs
#   deploy/local/stack.sh stop     stop the services, then the broker this script started
#   deploy/local/stack.sh status   which services answer /health/ready
#
# Environment (all optional): STACK_NAME (local; runs side by side under another name), SERVICE_PORT_BASE (3000:
# intake is base+1 ... notification base+5), KAFKA_BROKERS (use this broker instead of starting one), KAFKA_PORT,
# COMPLAINTS_DB (complaints), DATABASE_ADMIN_URL, DB_SERVICE_PASSWORD (service role password on servers that
# need one), STACK_SKIP_BUILD=1 (use the existing dist/ folders), STACK_NODE_ARGS (extra flags for every
# service's node, e.g. --cpu-prof --cpu-prof-dir=<dir> to profile a run; profiles are written on stop),
# STACK_CONSUMER_NICE (how far the four consumers give way to intake for CPU: 0 to 19, default 19),
# STACK_DB_SOCKET=off (reach a local Postgres over TCP rather than its Unix socket).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"
name=${STACK_NAME:-local}
run_dir="$repo_root/.cache/stack/$name"
base_port=${SERVICE_PORT_BASE:-3000}
database=${COMPLAINTS_DB:-complaints}
admin_url=${DATABASE_ADMIN_URL:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}}
services=(intake classification sla-timer escalation notification)

say() { echo "[stack] $*" >&2; }
die() { say "error: $*"; exit 1; }

port_of() {
  local i
  for i in "${!services[@]}"; do
    [[ "${services[$i]}" == "$1" ]] && { echo $((base_port + i + 1)); return; }
  done
}

schema_of() { echo "${1//-/_}"; }

service_url() {
  # postgres://<schema>_svc[:password]@host:port/<database>, through the server's Unix socket when it is on this
  # machine and the role may log in that way (see local_socket_dir).
  local schema=$1 hostpart=${admin_url#*@}
  local auth="${schema}_svc"
  [[ -n "${DB_SERVICE_PASSWORD:-}" ]] && auth="$auth:$DB_SERVICE_PASSWORD"
  local url="postgres://$auth@${hostpart%/*}/$database" socket_dir
  socket_dir=$(local_socket_dir "$url")
  [[ -n "$socket_dir" ]] && url="$url?host=$socket_dir"
  echo "$url"
}

# The socket directory of a Postgres on 127.0.0.1/localhost, if the service role can log in through it. A query
# over a Unix socket costs both ends about 40% less CPU than over TCP loopback, and every event is several
# queries. STACK_DB_SOCKET=off keeps TCP.
local_socket_dir() {
  [[ "${STACK_DB_SOCKET:-auto}" == "off" ]] && return 0
  local url=$1 hostport host port dir
  hostport=${url#*@}
  hostport=${hostport%%/*}
  host=${hostport%:*}
  port=5432
  [[ "$hostport" == *:* ]] && port=${hostport##*:}
  [[ "$host" == "127.0.0.1" || "$host" == "localhost" ]] || return 0
  for dir in /var/run/postgresql /tmp; do
    [[ -S "$dir/.s.PGSQL.$port" ]] || continue
    psql "$url?host=$dir" -qAtc 'SELECT 1' >/dev/null 2>&1 && { echo "$dir"; return 0; }
  done
}

install_and_build() {
  if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
    say "installing npm packages ..."
    bash deploy/local/install-deps.sh >&2
  fi
  if [[ "${STACK_SKIP_BUILD:-0}" != "1" ]]; then
    say "building libraries and services ..."
    NX_DAEMON=false npx nx run-many -t build --output-style=static >&2
  fi
}

secrets() {
  local file="$run_dir/secrets.env"
  if [[ ! -f "$file" ]]; then
    # Fresh random keys per stack: local data is only readable by this stack.
    local k1 k2 k3
    k1=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64'))")
    k2=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64'))")
    k3=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64'))")
    umask 077
    cat >"$file" <<EOF
PII_KEYS=local-pii-1:$k1
PII_ACTIVE_KEY=local-pii-1
CONTACT_KEYS=local-contact-1:$k2
CONTACT_ACTIVE_KEY=local-contact-1
CUSTOMER_HASH_KEY=$k3
EOF
  fi
  set -a
  # shellcheck disable=SC1090
  source "$file"
  set +a
  # Bearer tokens: unless the caller names a verification key (the e2e tests do), the stack gets its own
  # development signing key; `npm run token` signs tokens with it.
  if [[ -z "${AUTH_JWT_PUBLIC_KEY:-}${AUTH_JWKS_URL:-}${AUTH_JWKS:-}" ]]; then
    if [[ ! -f "$run_dir/auth-signing-key.pem" ]]; then
      node -e '
        const { generateKeyPairSync } = require("crypto");
        const { writeFileSync } = require("fs");
        const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
        writeFileSync(process.argv[1], privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
        writeFileSync(process.argv[2], publicKey.export({ type: "spki", format: "pem" }));
      ' "$run_dir/auth-signing-key.pem" "$run_dir/auth-public-key.pem"
    fi
    AUTH_JWT_PUBLIC_KEY=$(cat "$run_dir/auth-public-key.pem")
    export AUTH_JWT_PUBLIC_KEY
  fi
}

start_service() {
  local svc=$1 port schema url pid_file
  port=$(port_of "$svc")
  schema=$(schema_of "$svc")
  url=$(service_url "$schema")
  pid_file="$run_dir/$svc.pid"
  if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    say "$svc already running (pid $(cat "$pid_file"))"
    return
  fi
  DATABASE_URL="$url" node "services/$svc/dist/migrate.js" >&2 || die "$svc migrations failed"
  # Appended, not truncated: after a crash and restart the log still shows what happened before.
  echo "=== $(date -u +%FT%TZ) starting $svc" >>"$run_dir/$svc.log"
  # A 32 MB young generation (Node 20 defaults to 16): every request and event allocates briefly, and fewer
  # scavenges measured about 8% more complaints/s at intake.
  # shellcheck disable=SC2086 # STACK_NODE_ARGS holds several flags on purpose
  PORT=$port HOST=127.0.0.1 DATABASE_URL="$url" KAFKA_BROKERS="$brokers" \
    setsid node --max-semi-space-size=32 ${STACK_NODE_ARGS:-} "services/$svc/dist/main.js" >>"$run_dir/$svc.log" 2>&1 </dev/null &
  echo $! >"$pid_file"
  yield_cpu_unless_intake "$svc" "$!"
}

# On one machine every service competes for the same cores. Intake answers the channels, which are waiting; the
# four consumers work through Kafka, which holds their backlog safely, so when the cores are short they give way
# (as lower CPU requests would on a shared node). Each service runs in its own session (setsid), and Linux then
# shares the CPU between sessions ("autogroups") before it looks at a process's nice value, so the session's
# nice is the one that counts; the process's own nice covers kernels without autogroups. STACK_CONSUMER_NICE: 0
# (equal shares) to 19 (the default: the consumers run on what intake leaves).
yield_cpu_unless_intake() {
  local svc=$1 pid=$2 nice=${STACK_CONSUMER_NICE:-19}
  [[ "$svc" == "intake" || "$nice" == "0" ]] && return 0
  renice -n "$nice" -p "$pid" >/dev/null 2>&1 || true
  if [[ "$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null)" == "1" && -w "/proc/$pid/autogroup" ]]; then
    echo "$nice" >"/proc/$pid/autogroup" 2>/dev/null || true
  fi
}

wait_ready() {
  local svc=$1 port deadline
  port=$(port_of "$svc")
  deadline=$((SECONDS + ${STACK_READY_TIMEOUT_S:-90}))
  until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$(cat "$run_dir/$svc.pid")" 2>/dev/null || { tail -n 30 "$run_dir/$svc.log" >&2; die "$svc exited during start-up"; }
    ((SECONDS < deadline)) || { tail -n 30 "$run_dir/$svc.log" >&2; die "$svc not ready after ${STACK_READY_TIMEOUT_S:-90}s"; }
    sleep 0.5
  done
}

start() {
  command -v curl >/dev/null 2>&1 || die "curl is required"
  mkdir -p "$run_dir"
  install_and_build
  DATABASE_ADMIN_URL="$admin_url" COMPLAINTS_DB="$database" bash deploy/local/postgres.sh init
  if [[ -n "${DB_SERVICE_PASSWORD:-}" ]]; then
    for svc in "${services[@]}"; do
      psql "$admin_url" -qc "ALTER ROLE $(schema_of "$svc")_svc PASSWORD '$DB_SERVICE_PASSWORD'" >&2
    done
  fi
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    brokers=$KAFKA_BROKERS
    say "using the broker at $brokers"
  else
    brokers=$(bash deploy/local/kafka.sh start | tail -n 1)
    echo "started" >"$run_dir/kafka.started"
  fi
  secrets
  for svc in "${services[@]}"; do start_service "$svc"; done
  for svc in "${services[@]}"; do wait_ready "$svc"; done
  echo "Complaint platform is up (stack '$name', broker $brokers, database $database):"
  for svc in "${services[@]}"; do
    printf '  %-15s http://127.0.0.1:%s   (API docs /docs, health /health/ready, metrics /metrics, log %s)\n' \
      "$svc" "$(port_of "$svc")" "${run_dir#"$repo_root"/}/$svc.log"
  done
  [[ -f "$run_dir/auth-signing-key.pem" ]] && echo "Bearer tokens for local calls: npm run -s token -- <scope ...>   (e.g. complaints:write)"
  echo "Stop it with: npm run stop"
}

stop() {
  for svc in "${services[@]}"; do
    local pid_file="$run_dir/$svc.pid"
    [[ -f "$pid_file" ]] || continue
    local pid
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null; then
      say "stopping $svc (pid $pid)"
      kill -TERM "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$pid_file"
  done
  if [[ -f "$run_dir/kafka.started" ]]; then
    bash deploy/local/kafka.sh stop
    rm -f "$run_dir/kafka.started"
  fi
}

status() {
  for svc in "${services[@]}"; do
    if curl -fsS "http://127.0.0.1:$(port_of "$svc")/health/ready" >/dev/null 2>&1; then
      echo "$svc ready on http://127.0.0.1:$(port_of "$svc")"
    else
      echo "$svc not ready"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
