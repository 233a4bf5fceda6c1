#!/usr/bin/env bash
# Local Apache Kafka (KRaft, one combined controller+broker) from the jars on Maven Central. No Docker needed.
#
#   deploy/kafka/kafka.sh fetch    resolve the pinned broker jars once (cached; a second run downloads nothing)
#   deploy/kafka/kafka.sh start    fetch, format storage if new, start on 127.0.0.1:9092, wait until it serves clients
#   deploy/kafka/kafka.sh stop     stop it cleanly (SIGTERM, controlled shutdown), SIGKILL only after 60 s
#   deploy/kafka/kafka.sh status   exit 0 when a broker answers on the port
#   deploy/kafka/kafka.sh reset    stop it and delete its storage (topics, offsets): a fresh broker next start
#   deploy/kafka/kafka.sh run-class CLASS ARGS...   run a Kafka tool class (perf tests, topics) with the same jars
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_HOME_DIR (<repo>/.local/kafka),
# KAFKA_HEAP (512m).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
home="${KAFKA_HOME_DIR:-$repo/.local/kafka}"
jars="$repo/.cache/kafka-jars/$version"
data="$home/data"
logs="$home/logs"
pidfile="$home/kafka.pid"
heap="${KAFKA_HEAP:-512m}"

log() { printf '[kafka] %s\n' "$*" >&2; }

fetch() {
  if [ -f "$jars/.complete" ]; then return 0; fi
  log "resolving org.apache.kafka:kafka_2.13:$version and its runtime dependencies with Maven (first run only)"
  mkdir -p "$jars"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$jars" >&2
  touch "$jars/.complete"
  log "jars cached in $jars ($(ls "$jars" | grep -c '\.jar$') jars)"
}

java_cmd() {
  java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir="$logs" -Dlog4j2.configurationFile="$here/log4j2.properties" \
    -cp "$jars/*" "$@"
}

write_config() {
  mkdir -p "$data" "$logs"
  cat >"$home/server.properties" <<CONF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=12
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=12
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
CONF
}

is_up() {
  # A TCP connect is not enough (the socket opens before the broker serves metadata): ask the broker for its API
  # versions with Kafka's own tool.
  java_cmd org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$port" >/dev/null 2>&1
}

running_pid() {
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then cat "$pidfile"; fi
}

start() {
  fetch
  if [ -n "$(running_pid)" ]; then log "already running (pid $(running_pid))"; return 0; fi
  # Another broker (another checkout's, or the compose one) on the same port would make ours fail to bind.
  if is_up; then log "a broker already answers on 127.0.0.1:$port: not starting another"; return 0; fi
  write_config
  if [ ! -f "$data/meta.properties" ]; then
    log "formatting KRaft storage in $data"
    java_cmd kafka.tools.StorageTool format -t "$(java_cmd kafka.tools.StorageTool random-uuid)" \
      -c "$home/server.properties" >"$logs/format.log" 2>&1 || { cat "$logs/format.log" >&2; exit 1; }
  fi
  log "starting broker $version on 127.0.0.1:$port (logs: $logs/server.log)"
  nohup bash -c "exec java -Xms$heap -Xmx$heap -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir='$logs' -Dlog4j2.configurationFile='$here/log4j2.properties' \
    -cp '$jars/*' kafka.Kafka '$home/server.properties'" >"$logs/stdout.log" 2>&1 &
  echo $! >"$pidfile"
  for i in $(seq 1 120); do
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "broker exited during start-up:"; tail -30 "$logs/stdout.log" "$logs/server.log" >&2 || true; exit 1
    fi
    if is_up; then log "ready after ${i}s"; return 0; fi
    sleep 1
  done
  log "broker did not become ready in 120 s"; exit 1
}

stop() {
  local pid; pid="$(running_pid)"
  if [ -z "$pid" ]; then log "not running"; rm -f "$pidfile"; return 0; fi
  log "stopping broker (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; log "stopped"; return 0; }; sleep 1; done
  log "no clean stop after 60 s; killing"; kill -KILL "$pid" || true; rm -f "$pidfile"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) is_up ;;
  reset) stop; rm -rf "$data"; log "storage removed" ;;
  run-class) shift; fetch; java_cmd "$@" ;;
  *) echo "usage: $0 {fetch|start|stop|status|reset|run-class CLASS ARGS...}" >&2; exit 2 ;;
esac
