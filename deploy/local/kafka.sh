#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft) run from the Maven Central jars: no Docker engine needed.
#
#   deploy/local/kafka.sh fetch    download the broker jars once into the cache (a later start reuses them)
#   deploy/local/kafka.sh start    fetch if needed, format storage, start, wait until ready, create the topics
#   deploy/local/kafka.sh stop     clean shutdown (SIGTERM, then wait)
#   deploy/local/kafka.sh status   prints "running <brokers>" or "stopped"
#   deploy/local/kafka.sh perf-producer ARGS...   Kafka's own producer performance tool (benchmarks' raw limit)
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_HEAP (512m), KAFKA_START_TIMEOUT_S (90),
# KAFKA_RUN_DIR (.cache/kafka/run-<port>: data, logs, pid), KAFKA_FRESH=1 wipes the data before start,
# KAFKA_SKIP_TOPICS=1 skips topic creation.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$repo_root/deploy/local/kafka"
cache=${KAFKA_CACHE_DIR:-$repo_root/.cache/kafka}
libs="$cache/libs"
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
run_dir=${KAFKA_RUN_DIR:-$cache/run-$port}
pid_file="$run_dir/kafka.pid"
log_file="$run_dir/broker.log"
# A fixed cluster id keeps re-formatting idempotent; it is only meaningful on this one-node broker.
cluster_id=${KAFKA_CLUSTER_ID:-Q29tcGxhaW50c0xvY2FsMQ}

say() { echo "[kafka] $*" >&2; }
die() { say "error: $*"; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed; $2"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

is_running() {
  [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

fetch() {
  if [[ -f "$libs/.complete" ]]; then
    return 0
  fi
  need java "Java 17 or newer is required to run the broker"
  need mvn "Maven is required to download the broker jars from Maven Central"
  say "downloading the broker jars with Maven (first run only) ..."
  rm -rf "$libs"
  mkdir -p "$libs"
  mvn -B -q -f "$here/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs" >&2 || die "mvn could not fetch org.apache.kafka:kafka_2.13 (is Maven Central reachable?)"
  ls "$libs"/kafka_2.13-*.jar >/dev/null 2>&1 || die "kafka_2.13 jar missing after mvn ran"
  touch "$libs/.complete"
  say "jars cached in $libs"
}

render_config() {
  mkdir -p "$run_dir/data"
  sed -e "s#@KAFKA_PORT@#$port#g" -e "s#@KAFKA_CONTROLLER_PORT@#$controller_port#g" -e "s#@DATA_DIR@#$run_dir/data#g" \
    "$here/server.properties.template" >"$run_dir/server.properties"
}

java_major() {
  java -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

start() {
  if is_running; then
    say "already running (pid $(cat "$pid_file")) on 127.0.0.1:$port"
    echo "127.0.0.1:$port"
    return 0
  fi
  need java "Java 17 or newer is required to run the broker"
  [[ "$(java_major)" -ge 17 ]] || die "Kafka 4 needs Java 17 or newer; found $(java -version 2>&1 | head -1)"
  fetch
  port_in_use "$port" && die "port $port is already in use (set KAFKA_PORT to another port)"
  port_in_use "$controller_port" && die "port $controller_port is already in use (set KAFKA_CONTROLLER_PORT)"
  [[ "${KAFKA_FRESH:-0}" == "1" ]] && rm -rf "$run_dir"
  render_config
  local log_opts=(-Dlog4j2.configurationFile="$here/log4j2.properties" -Dkafka.logs.dir="$run_dir")
  java -cp "$libs/*" "${log_opts[@]}" kafka.tools.StorageTool format --ignore-formatted \
    -t "$cluster_id" -c "$run_dir/server.properties" >"$run_dir/format.log" 2>&1 ||
    { cat "$run_dir/format.log" >&2; die "formatting KRaft storage failed"; }
  say "starting broker on 127.0.0.1:$port (logs: $log_file)"
  : >"$log_file"
  # setsid: the broker outlives the shell that started it (npm start returns), and a test run can stop it.
  setsid java -Xms"${KAFKA_HEAP:-512m}" -Xmx"${KAFKA_HEAP:-512m}" -XX:+UseG1GC -Djava.awt.headless=true \
    "${log_opts[@]}" -cp "$libs/*" kafka.Kafka "$run_dir/server.properties" >>"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
  local deadline=$((SECONDS + ${KAFKA_START_TIMEOUT_S:-90}))
  until grep -q "Kafka Server started" "$log_file"; do
    is_running || { tail -n 40 "$log_file" >&2; die "the broker exited during start-up"; }
    ((SECONDS < deadline)) || { tail -n 40 "$log_file" >&2; die "the broker did not start within ${KAFKA_START_TIMEOUT_S:-90}s"; }
    sleep 0.5
  done
  say "ready on 127.0.0.1:$port"
  if [[ "${KAFKA_SKIP_TOPICS:-0}" != "1" ]]; then
    java -cp "$libs/*" "${log_opts[@]}" "$repo_root/deploy/kafka/CreateTopics.java" "127.0.0.1:$port" \
      "${KAFKA_TOPICS_FILE:-$repo_root/deploy/kafka/topics.json}" || die "topic creation failed"
  fi
  echo "127.0.0.1:$port"
}

stop() {
  if ! is_running; then
    say "not running"
    rm -f "$pid_file"
    return 0
  fi
  local pid
  pid=$(cat "$pid_file")
  say "stopping broker (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "no clean exit after 30s, killing"
    kill -KILL "$pid" || true
  fi
  rm -f "$pid_file"
}

# Kafka's producer performance tool lives in kafka-tools; only its own jar is needed on top of the broker's.
perf_producer() {
  fetch
  local tools="$cache/tools"
  if ! ls "$tools"/kafka-tools-*.jar >/dev/null 2>&1; then
    mvn -B -q dependency:copy -Dartifact="org.apache.kafka:kafka-tools:$(kafka_version)" -DoutputDirectory="$tools" >&2 ||
      die "mvn could not fetch org.apache.kafka:kafka-tools"
  fi
  java -Dlog4j2.configurationFile="$here/log4j2.properties" -cp "$libs/*:$tools/*" org.apache.kafka.tools.ProducerPerformance "$@"
}

kafka_version() {
  basename "$(ls "$libs"/kafka_2.13-*.jar | head -n 1)" .jar | sed 's/^kafka_2.13-//'
}

case "${1:-}" in
  fetch) fetch ;;
  perf-producer) shift; perf_producer "$@" ;;
  start) start ;;
  stop) stop ;;
  status) if is_running; then echo "running 127.0.0.1:$port"; else echo "stopped"; fi ;;
  *) echo "usage: $0 fetch|start|stop|status|perf-producer" >&2; exit 2 ;;
esac
