#!/usr/bin/env bash
# Elasticsearch 8.19.x on 127.0.0.1:9200: single node, no security, from Maven Central's
# integ-test zip (org.elasticsearch.distribution.integ-test-zip:elasticsearch), run on the machine's JDK 17+.
# Usage: elasticsearch.sh install|start|stop|status
#
# The integ-test zip is a minimal distribution: modules transport-netty4, x-pack-core, x-pack-security, apm.
# Missing (so unavailable to the app): rest-root (GET|HEAD / answer 405, so client.ping()/info() fail: use
# cluster.health), lang-painless (no scripted updates), reindex (no _delete_by_query/_update_by_query/
# _reindex), analysis-common (only the standard/simple/whitespace/stop/keyword analyzers and the lowercase
# filter; no language analyzers, ngram, asciifolding, stemmer), mapper-extras (no search_as_you_type,
# scaled_float), ingest-common, data-streams. Indices default to 1 replica, so they and the cluster are yellow.
#
# Elasticsearch refuses to run as root, so it runs as the system user labflow-es (created on install),
# through setpriv (which execs: the recorded pid is the launcher JVM itself). Its config, data and logs
# live under LABFLOW_HOME, owned by labflow-es; when LABFLOW_HOME sits in root's home (mode 700/710)
# the user is granted search-only access (ACL u:labflow-es:x, else o+x) on the parents that block it.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib.sh"

NAME=elasticsearch
ES_PORT=9200
ES_USER=labflow-es
ES_SERIES="${LABFLOW_ES_SERIES:-8.19}"          # newest 8.19.x on Maven Central, remembered after the first look-up
ES_FALLBACK_VERSION=8.19.21                      # used when the metadata cannot be read and nothing is cached
ES_HEAP="${LABFLOW_ES_HEAP:-1g}"
ES_G=org.elasticsearch.distribution.integ-test-zip
ES_A=elasticsearch

ES_BASE="$LABFLOW_DATA/elasticsearch"            # owned by labflow-es
ES_DATA="$ES_BASE/data"
ES_CONF="$ES_BASE/config"
ES_TMP="$ES_BASE/tmp"
ES_LOGDIR="$LABFLOW_LOGS/elasticsearch"          # Elasticsearch's own log files (server, gc, deprecation)
ES_OUT="$LABFLOW_LOGS/elasticsearch.log"         # stdout/stderr of the launcher
PIDFILE="$LABFLOW_RUN/$NAME.pid"                 # launcher pid (stop sends it TERM; it stops the server)
SERVER_PIDFILE="$ES_BASE/server.pid"             # server JVM pid, written by Elasticsearch (-p)
URL="http://127.0.0.1:$ES_PORT"

# es_version -> the version to use: LABFLOW_ES_VERSION, else the one remembered, else the newest $ES_SERIES.x
es_version() {
  if [[ -n "${LABFLOW_ES_VERSION:-}" ]]; then printf '%s\n' "$LABFLOW_ES_VERSION"; return; fi
  local memo="$LABFLOW_DOWNLOADS/elasticsearch.version" v=""
  if [[ -s "$memo" ]]; then cat "$memo"; return; fi
  v="$(curl -fsSL --retry 3 "$MAVEN_REPO/${ES_G//.//}/$ES_A/maven-metadata.xml" 2>/dev/null \
        | grep -o "<version>${ES_SERIES//./\\.}\.[0-9]*</version>" | sed 's/<[^>]*>//g' | sort -V | tail -1 || true)"
  if [[ -z "$v" ]]; then log "could not read Maven metadata; using $ES_FALLBACK_VERSION"; v="$ES_FALLBACK_VERSION"; fi
  printf '%s\n' "$v" > "$memo.$$" && mv "$memo.$$" "$memo"
  printf '%s\n' "$v"
}

es_home() { printf '%s\n' "$LABFLOW_DOWNLOADS/elasticsearch-$(es_version)"; }

java_home() {
  if [[ -n "${ES_JAVA_HOME:-}" ]]; then printf '%s\n' "$ES_JAVA_HOME"; return; fi
  local java; java="$(command -v java)" || die "java not found (Elasticsearch needs a JDK 17 or newer on PATH, or ES_JAVA_HOME)"
  java="$(readlink -f "$java")"
  dirname "$(dirname "$java")"
}

ensure_user() {
  id -u "$ES_USER" >/dev/null 2>&1 && return 0
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER" 2>/dev/null \
    || id -u "$ES_USER" >/dev/null 2>&1 || die "could not create system user $ES_USER (needs root)"
}

# as_es CMD... -> run CMD as the Elasticsearch user (setpriv execs, no extra process)
as_es() { setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups -- "$@"; }

# ensure_traverse DIR -> labflow-es must be able to walk into DIR: grant search-only access on the
# parents that block it (e.g. /root is 0700 when LABFLOW_HOME is ~/.cache/labflow)
ensure_traverse() {
  local target="$1" p="" part parts
  as_es test -x "$target" 2>/dev/null && return 0
  IFS=/ read -ra parts <<<"${target#/}"
  for part in "${parts[@]}"; do
    p="$p/$part"
    [[ -d "$p" ]] || break
    if ! as_es test -x "$p" 2>/dev/null; then
      if command -v setfacl >/dev/null && setfacl -m "u:$ES_USER:x" "$p" 2>/dev/null; then
        log "elasticsearch: granted search (x) access on $p to user $ES_USER (ACL)"
      else
        chmod o+x "$p"
        log "elasticsearch: granted search (o+x) access on $p so user $ES_USER can reach it"
      fi
    fi
  done
  as_es test -x "$target" || die "user $ES_USER cannot access $target"
}

cmd_install() {
  # download and unpack only: the system user and its access are set up by start (installs run in parallel)
  local v home; v="$(es_version)"; home="$LABFLOW_DOWNLOADS/elasticsearch-$v"
  if [[ ! -x "$home/bin/elasticsearch" ]]; then
    log "elasticsearch: fetching $ES_G:$ES_A:$v:zip"
    local zip; zip="$(maven_fetch "$ES_G" "$ES_A" "$v" "" zip)"
    local tmp="$LABFLOW_DOWNLOADS/.elasticsearch-$v.unzip.$$"
    rm -rf "$tmp"; mkdir -p "$tmp"
    if command -v unzip >/dev/null; then
      unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp" "$zip"; die "corrupt download $zip (removed; run again)"; }
    else
      python3 -m zipfile -e "$zip" "$tmp" || { rm -rf "$tmp" "$zip"; die "corrupt download $zip (removed; run again)"; }
      chmod +x "$tmp/elasticsearch-$v/bin/"*
    fi
    rm -rf "$home"; mv "$tmp/elasticsearch-$v" "$home"; rm -rf "$tmp"
  fi
  "$(java_home)/bin/java" -version >/dev/null 2>&1 || die "no usable java at $(java_home)"
  [[ "${1:-}" == quiet ]] || log "elasticsearch: $v installed in $home"
}

write_config() {
  local home="$1"
  mkdir -p "$ES_DATA" "$ES_CONF/jvm.options.d" "$ES_TMP" "$ES_LOGDIR"
  # the stock config (log4j2, jvm.options, security files) once; our settings every start
  cp -rn "$home/config/." "$ES_CONF/"
  cat > "$ES_CONF/elasticsearch.yml" <<EOF
# generated by deploy/local/servers/elasticsearch.sh on every start: edit the script, not this file
cluster.name: labflow
node.name: labflow-es
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: 9300-9400
path.data: $ES_DATA
path.logs: $ES_LOGDIR
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  # the server JVM runs in path.logs, so the stock gc.log and hs_err files land in $ES_LOGDIR; heap dumps do not
  printf -- '-XX:HeapDumpPath=%s\n' "$ES_TMP" > "$ES_CONF/jvm.options.d/labflow.options"
  chown -R "$ES_USER:$ES_USER" "$ES_BASE" "$ES_LOGDIR"
}

# ours_running -> 0 when the pid we recorded is alive
ours_running() { pid_alive "$NAME"; }

health() { curl -fsS --max-time 3 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null; }
ready() { health | grep -Eq '"status":"(green|yellow)"'; }

cmd_start() {
  if ours_running; then
    ready && { log "elasticsearch: already running (pid $(cat "$PIDFILE"))"; return 0; }
  elif port_open "$ES_PORT"; then
    ready || die "port $ES_PORT is taken by something that does not answer as Elasticsearch (/_cluster/health)"
    rm -f "$PIDFILE"
    log "elasticsearch: reusing the server already listening on 127.0.0.1:$ES_PORT (not started by us; stop leaves it alone)"
    return 0
  else
    rm -f "$PIDFILE"
    cmd_install quiet
    local home jh; home="$(es_home)"; jh="$(java_home)"
    command -v setpriv >/dev/null || die "setpriv (util-linux) is required"
    [[ "$(id -u)" == 0 ]] || die "run as root: Elasticsearch is started as the system user $ES_USER"
    ensure_user
    ensure_traverse "$home"; ensure_traverse "$LABFLOW_DATA"; ensure_traverse "$LABFLOW_LOGS"
    write_config "$home"
    sysctl -qw vm.max_map_count=262144 >/dev/null 2>&1 || true
    rm -f "$SERVER_PIDFILE"
    log "elasticsearch: starting $(basename "$home") on 127.0.0.1:$ES_PORT (heap $ES_HEAP, logs $ES_OUT and $ES_LOGDIR/)"
    printf '\n===== %s start %s =====\n' "$(date -u +%FT%TZ)" "$(basename "$home")" >> "$ES_OUT"
    (
      cd "$ES_BASE"
      ulimit -n 65535 2>/dev/null || true
      exec nohup setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups -- \
        env -u JAVA_HOME -u JAVA_TOOL_OPTIONS -u _JAVA_OPTIONS -u JAVA_OPTS HOME="$ES_BASE" \
          ES_JAVA_HOME="$jh" ES_PATH_CONF="$ES_CONF" ES_TMPDIR="$ES_TMP" \
          ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP ${LABFLOW_ES_JAVA_OPTS:-}" \
          "$home/bin/elasticsearch" -p "$SERVER_PIDFILE"
    ) >> "$ES_OUT" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
  fi
  local deadline=$((SECONDS + ${LABFLOW_ES_START_TIMEOUT:-180}))
  until ready; do
    if ! ours_running; then
      rm -f "$PIDFILE"
      tail -n 30 "$ES_OUT" >&2 || true
      die "elasticsearch exited during startup (logs: $ES_OUT, $ES_LOGDIR/labflow.log)"
    fi
    (( SECONDS < deadline )) || die "elasticsearch not ready after ${LABFLOW_ES_START_TIMEOUT:-180}s (logs: $ES_OUT, $ES_LOGDIR/labflow.log)"
    sleep 1
  done
  log "elasticsearch: ready at $URL (pid $(cat "$PIDFILE"))"
}

cmd_stop() {
  if [[ ! -f "$PIDFILE" ]]; then
    if port_open "$ES_PORT"; then log "elasticsearch: not started by us; leaving the server on port $ES_PORT running"
    else log "elasticsearch: not running"; fi
    return 0
  fi
  log "elasticsearch: stopping pid $(cat "$PIDFILE")"
  stop_pid "$NAME" 60
  # the launcher stops its server JVM on TERM; make sure that one is gone too (only if it is ours)
  if [[ -f "$SERVER_PIDFILE" ]]; then
    local spid; spid="$(cat "$SERVER_PIDFILE" 2>/dev/null || true)"
    if [[ -n "$spid" ]] && kill -0 "$spid" 2>/dev/null && tr '\0' ' ' < "/proc/$spid/cmdline" 2>/dev/null | grep -qF -- "-Djava.io.tmpdir=$ES_TMP"; then
      kill -TERM "$spid" 2>/dev/null || true
      local deadline=$((SECONDS + 30))
      while kill -0 "$spid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.3; done
      kill -KILL "$spid" 2>/dev/null || true
    fi
    rm -f "$SERVER_PIDFILE"
  fi
  log "elasticsearch: stopped"
}

cmd_status() {
  local h; h="$(health || true)"
  if [[ -n "$h" ]] && grep -q '"status"' <<<"$h"; then
    local st ver who
    st="$(grep -o '"status":"[a-z]*"' <<<"$h" | cut -d'"' -f4)"
    ver="$(curl -fsS --max-time 3 "$URL/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null | grep -o '"version":"[^"]*"' | head -1 | cut -d'"' -f4 || true)"
    if ours_running; then who="pid $(cat "$PIDFILE")"; else who="not started by us"; fi
    echo "$NAME: up ($URL, ${ver:-?}, cluster $st, $who)"
    return 0
  fi
  if ours_running; then echo "$NAME: down (pid $(cat "$PIDFILE") alive but not answering; logs: $ES_OUT)"; return 1; fi
  echo "$NAME: down"
  return 1
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) die "usage: $0 install|start|stop|status" ;;
esac
