#!/usr/bin/env bash
# Apache Kafka, single node in KRaft mode (broker+controller), jars from Maven Central, on 127.0.0.1:9092.
# Usage: kafka.sh install|start|stop|status
#
# Version: Kafka 4.3.1 -- verified with kafkajs 2.2.4: admin createTopics (3 partitions), idempotent producer
# (idempotent: true, maxInFlightRequests: 1), consumer group with manual commitOffsets, transactions, admin
# offsets/configs/groups APIs: all work. 3.9.2 was checked as a fallback with the same recipe: works too.
# (4.4.0 is on Maven Central, but kafka-tools 4.4.0 was not published there at the time of writing.)
# Changing KAFKA_VERSION across majors needs a fresh data dir: rm -rf "$LABFLOW_HOME/data/kafka".
# kafkajs notes: the first InitProducerId/FindCoordinator after a (re)start log transient ERRORs that kafkajs
# retries by itself; right after CreateTopics the broker may briefly answer UNKNOWN_TOPIC_OR_PARTITION (KRaft
# metadata propagation), so poll admin.fetchTopicMetadata until every partition has a leader.
#   - PLAINTEXT://127.0.0.1:9092 for clients, CONTROLLER://127.0.0.1:9093 for the KRaft quorum
#   - topics are NOT auto-created (KAFKA_AUTO_CREATE_TOPICS below); the app tooling creates them
#   - CLI tools are on the classpath, e.g.
#       java -Dlog4j2.configurationFile="$LABFLOW_HOME/data/kafka/log4j2-tools.xml" \
#         -cp "$LABFLOW_HOME/downloads/kafka-<ver>/libs/*" org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --list
#   - a broker already listening on 127.0.0.1:9092 is reused (and never stopped by us)
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib.sh"

KAFKA_VERSION="${KAFKA_VERSION:-4.3.1}"
LOG4J_VERSION=2.25.4                  # the log4j2 version Kafka 4.3 itself depends on (kafka-server pom)
SCALA_BINARY=2.13
KAFKA_AUTO_CREATE_TOPICS=false        # the one place to switch topic auto-creation
KAFKA_NUM_PARTITIONS=3
KAFKA_HEAP_OPTS="-Xms256m -Xmx512m"

NAME=kafka
KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_HOME="$LABFLOW_DOWNLOADS/kafka-$KAFKA_VERSION"   # pom.xml + resolved jars (cached, survives stack down)
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_DATA="$LABFLOW_DATA/kafka"
KAFKA_PROPS="$KAFKA_DATA/server.properties"
KAFKA_LOG4J="$KAFKA_DATA/log4j2.xml"
KAFKA_LOG="$LABFLOW_LOGS/kafka.log"            # log4j2 (broker log)
KAFKA_OUT="$LABFLOW_LOGS/kafka.stdout.log"     # JVM stdout/stderr (crashes, log4j config errors)
PID_FILE="$LABFLOW_RUN/$NAME.pid"

SUDO=""; [[ $EUID -eq 0 ]] || SUDO="sudo"

# apt_install PKG... -> serialised between parallel installs; never lets the package start its own service
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* by hand"
  (
    flock -w 900 9 || die "timed out waiting for the apt lock ($LABFLOW_RUN/apt.lock)"
    export DEBIAN_FRONTEND=noninteractive
    policy=/usr/sbin/policy-rc.d
    if [[ ! -e $policy ]]; then
      printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null; $SUDO chmod 755 "$policy"
      trap '$SUDO rm -f "$policy"' EXIT
    fi
    opts=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=600)
    if ! $SUDO apt-get install "${opts[@]}" "$@"; then
      log "apt-get install failed; running apt-get update and retrying"
      $SUDO apt-get update -q -o DPkg::Lock::Timeout=600 && $SUDO apt-get install "${opts[@]}" "$@"
    fi
  ) 9>"$LABFLOW_RUN/apt.lock"
}

# ours_running -> the recorded pid is alive and really our broker (not a recycled pid)
ours_running() {
  pid_alive "$NAME" && tr '\0' ' ' <"/proc/$(cat "$PID_FILE")/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'
}

# adopt_running -> our broker (kafka.Kafka with our server.properties) runs but its pid file was lost: record it again
adopt_running() {
  local pid
  pid="$(ss -ltnpH "sport = :$KAFKA_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)"
  [[ -n "$pid" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "kafka.Kafka $KAFKA_PROPS" || return 1
  echo "$pid" >"$PID_FILE"
}

java_major() {
  command -v java >/dev/null || { echo 0; return; }
  java -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

kafka_major() { echo "${KAFKA_VERSION%%.*}"; }

libs_ready() { [[ -f "$KAFKA_LIBS/.complete" ]]; }

write_pom() {
  local logging
  if (( $(kafka_major) >= 4 )); then
    # Kafka 4 logs through log4j2; its slf4j-api is 1.7.x, so the binding is log4j-slf4j-impl (not -slf4j2-)
    logging="
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-api</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>$LOG4J_VERSION</version></dependency>"
  else
    # Kafka 3.x logs through reload4j (log4j 1.x API) with the slf4j-reload4j binding
    logging="
    <dependency><groupId>ch.qos.reload4j</groupId><artifactId>reload4j</artifactId><version>1.2.25</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>"
  fi
  cat >"$KAFKA_HOME/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by deploy/local/servers/kafka.sh: resolves the Kafka $KAFKA_VERSION server runtime classpath -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.labflow</groupId>
  <artifactId>kafka-server-classpath</artifactId>
  <version>$KAFKA_VERSION</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_$SCALA_BINARY</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency>
      <groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version>
      <!-- the CLI tools (topics, consumer groups, ...) without the Connect runtime (jetty, jersey, ...) -->
      <exclusions><exclusion><groupId>org.apache.kafka</groupId><artifactId>connect-runtime</artifactId></exclusion></exclusions>
    </dependency>$logging
  </dependencies>
  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
    </plugins>
  </build>
</project>
EOF
}

resolve_libs() {
  mkdir -p "$KAFKA_HOME"
  (
    flock -w 900 8 || die "timed out waiting for $KAFKA_HOME/.lock"
    libs_ready && exit 0
    command -v mvn >/dev/null || die "mvn not found (install step installs the maven package)"
    write_pom
    local tmp="$KAFKA_HOME/libs.tmp" mvnlog="$LABFLOW_LOGS/kafka-install.log"
    rm -rf "$tmp"
    log "kafka: resolving Kafka $KAFKA_VERSION jars from $MAVEN_REPO (maven cache $LABFLOW_DOWNLOADS/m2, log $mvnlog)"
    local settings=()
    if [[ "$MAVEN_REPO" != https://repo1.maven.org/maven2 ]]; then   # a mirror was configured: route everything there
      printf '<settings><mirrors><mirror><id>labflow</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors></settings>\n' \
        "$MAVEN_REPO" >"$KAFKA_HOME/settings.xml"
      settings=(-s "$KAFKA_HOME/settings.xml")
    fi
    if ! mvn -B -q "${settings[@]}" -f "$KAFKA_HOME/pom.xml" -Dmaven.repo.local="$LABFLOW_DOWNLOADS/m2" \
        dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" >"$mvnlog" 2>&1; then
      tail -n 30 "$mvnlog" >&2 || true
      die "maven could not resolve Kafka $KAFKA_VERSION (log: $mvnlog)"
    fi
    ls "$tmp"/kafka_"$SCALA_BINARY"-"$KAFKA_VERSION".jar >/dev/null || die "kafka jar missing after resolution (log: $mvnlog)"
    rm -rf "$KAFKA_LIBS"; mv "$tmp" "$KAFKA_LIBS"
    touch "$KAFKA_LIBS/.complete"
  ) 8>"$KAFKA_HOME/.lock"
}

cmd_install() {
  local missing=()
  (( $(java_major) >= 17 )) || missing+=(default-jre-headless)
  libs_ready || command -v mvn >/dev/null || missing+=(maven)
  if ((${#missing[@]})); then log "kafka: installing ${missing[*]} (apt)"; apt_install "${missing[@]}"; fi
  (( $(java_major) >= 17 )) || die "Kafka $KAFKA_VERSION needs Java 17+, found: $(java -version 2>&1 | head -n1)"
  resolve_libs
  log "kafka: installed (Kafka $KAFKA_VERSION, $(ls "$KAFKA_LIBS"/*.jar | wc -l) jars in $KAFKA_LIBS)"
}

write_config() {
  mkdir -p "$KAFKA_DATA/logs"
  cat >"$KAFKA_PROPS" <<EOF
# generated by deploy/local/servers/kafka.sh -- edits are overwritten on start
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA/logs
num.partitions=$KAFKA_NUM_PARTITIONS
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=$KAFKA_NUM_PARTITIONS
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=$KAFKA_NUM_PARTITIONS
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=$KAFKA_NUM_PARTITIONS
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=$KAFKA_AUTO_CREATE_TOPICS
delete.topic.enable=true
log.retention.hours=168
log.segment.bytes=1073741824
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
EOF
  cat >"$KAFKA_LOG4J" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by deploy/local/servers/kafka.sh: edits are overwritten on start -->
<Configuration status="WARN" name="labflow-kafka">
  <Appenders>
    <RollingFile name="file" fileName="$KAFKA_LOG" filePattern="$KAFKA_LOG.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
      <Policies><SizeBasedTriggeringPolicy size="50 MB"/></Policies>
      <DefaultRolloverStrategy max="4"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <Root level="INFO"><AppenderRef ref="file"/></Root>
    <Logger name="kafka.request.logger" level="WARN"/>
    <Logger name="kafka.network.RequestChannel\$" level="WARN"/>
    <Logger name="state.change.logger" level="WARN"/>
    <Logger name="kafka.authorizer.logger" level="WARN"/>
    <Logger name="org.apache.kafka.clients" level="WARN"/>
  </Loggers>
</Configuration>
EOF
  # CLI tools (StorageTool, TopicCommand, ...): warnings to stderr, never into the broker's log file
  cat >"$KAFKA_DATA/log4j2-tools.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN" name="labflow-kafka-tools">
  <Appenders><Console name="stderr" target="SYSTEM_ERR"><PatternLayout pattern="[%d] %p %m (%c)%n"/></Console></Appenders>
  <Loggers><Root level="WARN"><AppenderRef ref="stderr"/></Root></Loggers>
</Configuration>
EOF
  printf '%s\n' 'log4j.rootLogger=WARN, stderr' 'log4j.appender.stderr=org.apache.log4j.ConsoleAppender' \
    'log4j.appender.stderr.Target=System.err' 'log4j.appender.stderr.layout=org.apache.log4j.PatternLayout' \
    'log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n' >"$KAFKA_DATA/log4j-tools.properties"
  # Kafka 3.x (reload4j) reads a log4j 1.x properties file instead
  cat >"$KAFKA_DATA/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$KAFKA_LOG
log4j.appender.file.MaxFileSize=50MB
log4j.appender.file.MaxBackupIndex=4
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF
}

java_opts() {
  echo "$KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35"
  echo "-Djava.awt.headless=true -Dkafka.logs.dir=$LABFLOW_LOGS"
  echo "-Dlog4j2.configurationFile=$KAFKA_LOG4J -Dlog4j.configuration=file:$KAFKA_DATA/log4j.properties"
}

# run_class CLASS ARGS... -> a Kafka main class with the resolved classpath (CLI tools, StorageTool);
# small heap and C1 only: these are short-lived and start in about a second
run_class() {
  timeout "${RUN_CLASS_TIMEOUT:-120}" java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$KAFKA_DATA/log4j2-tools.xml" -Dlog4j.configuration="file:$KAFKA_DATA/log4j-tools.properties" -cp "$KAFKA_LIBS/*" "$@"
}

format_storage() {
  [[ -f "$KAFKA_DATA/logs/meta.properties" ]] && return 0
  local cid
  if [[ -s "$KAFKA_DATA/cluster.id" ]]; then cid="$(cat "$KAFKA_DATA/cluster.id")"
  else
    cid="$(run_class kafka.tools.StorageTool random-uuid 2>>"$KAFKA_OUT" | tail -n1)"
    [[ "$cid" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "could not generate a Kafka cluster id (log: $KAFKA_OUT)"
    echo "$cid" >"$KAFKA_DATA/cluster.id"
  fi
  log "kafka: formatting storage $KAFKA_DATA/logs (cluster id $cid)"
  run_class kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_PROPS" --ignore-formatted >>"$KAFKA_OUT" 2>&1 ||
    { tail -n 20 "$KAFKA_OUT" >&2; die "kafka storage format failed (log: $KAFKA_OUT)"; }
}

# kafka_request HEX_REQUEST NBYTES -> send one raw Kafka request to 127.0.0.1:9092, print the first NBYTES
# of the response as hex. Plain bash (/dev/tcp), no JVM: cheap enough for status and readiness polling.
kafka_request() {
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "$2" >&3
    head -c "$3" <&3 | od -An -tx1' "$KAFKA_HOST" "$KAFKA_PORT" "$1" "$2" 2>/dev/null | tr -d ' \n'
}

# api_versions_ok -> the port speaks Kafka: ApiVersions v0 answered without error
api_versions_ok() {
  local hex
  # length 17 | api_key 18 (ApiVersions) | version 0 | correlation id 0x4c46 | client id "lf-ping"
  hex="$(kafka_request '\x00\x00\x00\x11\x00\x12\x00\x00\x00\x00\x4c\x46\x00\x07lf-ping' 10)" || return 1
  # response: length(4) | correlation id 00004c46 | error code 0000
  [[ "${hex:8:12}" == 00004c460000 ]]
}

# metadata_ok -> a Metadata v4 request (no topics) returns at least one registered broker
metadata_ok() {
  local hex
  # length 22 | api_key 3 (Metadata) | version 4 | correlation id 0x4c47 | client id | topics [] | allow_auto_create 0
  hex="$(kafka_request '\x00\x00\x00\x16\x00\x03\x00\x04\x00\x00\x4c\x47\x00\x07lf-ping\x00\x00\x00\x00\x00' 16)" || return 1
  # response: length(4) | correlation id 00004c47 | throttle_time_ms(4) | brokers count(4) > 0
  [[ "${hex:8:8}" == 00004c47 && "${hex:24:8}" =~ ^[0-9a-f]{8}$ ]] && (( 16#${hex:24:8} > 0 ))
}

# wait_up SECONDS CHECK... -> poll CHECK while our process lives; die with the log tail otherwise
wait_up() {
  local secs="$1"; shift
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if ! pid_alive "$NAME"; then
      tail -n 20 "$KAFKA_OUT" "$KAFKA_LOG" >&2 2>/dev/null || true; rm -f "$PID_FILE"
      die "kafka exited during startup (logs: $KAFKA_LOG, $KAFKA_OUT)"
    fi
    (( SECONDS < deadline )) || { tail -n 20 "$KAFKA_LOG" >&2 || true; die "kafka not ready after ${secs}s (logs: $KAFKA_LOG, $KAFKA_OUT)"; }
    sleep 0.5
  done
}

cmd_start() {
  [[ -f "$PID_FILE" ]] && ! ours_running && rm -f "$PID_FILE"   # stale pid file
  if ours_running; then
    wait_up 120 metadata_ok
    log "kafka: already running (pid $(cat "$PID_FILE"))"; return 0
  fi
  if port_open "$KAFKA_PORT" && adopt_running; then
    wait_up 120 metadata_ok
    log "kafka: already running from $KAFKA_DATA (pid $(cat "$PID_FILE"), pid file re-created)"; return 0
  fi
  if port_open "$KAFKA_PORT"; then
    api_versions_ok || die "port $KAFKA_HOST:$KAFKA_PORT is taken by something that does not speak the Kafka protocol; stop it first"
    log "kafka: reusing the broker already listening on $KAFKA_HOST:$KAFKA_PORT (not started by us, stop leaves it alone)"
    return 0
  fi
  port_open "$KAFKA_CONTROLLER_PORT" && die "port $KAFKA_HOST:$KAFKA_CONTROLLER_PORT (KRaft controller) is already in use"
  libs_ready || die "Kafka $KAFKA_VERSION not installed: run '$0 install' first"
  (( $(java_major) >= 17 )) || die "Java 17+ required: run '$0 install' first"
  rm -f "$PID_FILE"
  write_config
  format_storage
  log "kafka: starting Kafka $KAFKA_VERSION on $KAFKA_HOST:$KAFKA_PORT (data $KAFKA_DATA, log $KAFKA_LOG)"
  # new session (no terminal signals); the child writes its own pid just before exec, so the pid is exact
  # shellcheck disable=SC2046
  setsid bash -c 'echo $$ >"$0"; exec nohup "$@"' "$PID_FILE" \
    java $(java_opts) -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS" >>"$KAFKA_OUT" 2>&1 </dev/null &
  wait_for "kafka pid file" 10 test -s "$PID_FILE"
  wait_up 120 api_versions_ok
  wait_up 120 metadata_ok
  log "kafka: up (pid $(cat "$PID_FILE"), $KAFKA_HOST:$KAFKA_PORT, Kafka $KAFKA_VERSION KRaft)"
}

cmd_stop() {
  if [[ ! -f "$PID_FILE" ]]; then
    if port_open "$KAFKA_PORT"; then log "kafka: not started by us, leaving the broker on $KAFKA_HOST:$KAFKA_PORT running"
    else log "kafka: not running"; fi
    return 0
  fi
  local pid; pid="$(cat "$PID_FILE")"
  if ours_running; then
    log "kafka: stopping (pid $pid)"
    stop_pid "$NAME" 60      # SIGTERM: controlled shutdown, flushes the logs
  else
    rm -f "$PID_FILE"        # stale pid file
  fi
  log "kafka: stopped"
}

cmd_status() {
  if api_versions_ok; then
    if ours_running; then
      echo "$NAME: up (pid $(cat "$PID_FILE"), $KAFKA_HOST:$KAFKA_PORT, Kafka $KAFKA_VERSION KRaft, data $KAFKA_DATA)"
    else
      echo "$NAME: up (external broker on $KAFKA_HOST:$KAFKA_PORT, not managed by us)"
    fi
  else
    echo "$NAME: down"; return 1
  fi
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) die "usage: $0 install|start|stop|status" ;;
esac
