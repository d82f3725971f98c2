# Shared helpers for the native local stack. Sourced by stack.sh and servers/*.sh.
# Everything downloaded or generated lives outside the repo, under LABFLOW_HOME.
set -euo pipefail

LABFLOW_HOME="${LABFLOW_HOME:-$HOME/.cache/labflow}"
LABFLOW_DOWNLOADS="$LABFLOW_HOME/downloads"   # cached archives and jars (survive stack:down)
LABFLOW_DATA="$LABFLOW_HOME/data"             # server data directories
LABFLOW_RUN="$LABFLOW_HOME/run"               # pid files of servers we started
LABFLOW_LOGS="${LABFLOW_LOGS:-$LABFLOW_HOME/logs}"  # every server and app log, one folder
mkdir -p "$LABFLOW_DOWNLOADS" "$LABFLOW_DATA" "$LABFLOW_RUN" "$LABFLOW_LOGS"

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

# port_open PORT -> 0 when something listens on 127.0.0.1:PORT
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for DESCRIPTION SECONDS COMMAND... -> polls COMMAND until it succeeds
wait_for() {
  local what="$1" secs="$2"; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then die "$what not ready after ${secs}s (logs: $LABFLOW_LOGS)"; fi
    sleep 0.5
  done
}

# pid_alive NAME -> 0 when the pid recorded for NAME is a live process
pid_alive() {
  local f="$LABFLOW_RUN/$1.pid"
  [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null
}

# stop_pid NAME [SECONDS] -> TERM the recorded pid, KILL after the grace period; only our own pids
stop_pid() {
  local name="$1" grace="${2:-20}" f="$LABFLOW_RUN/$1.pid"
  [[ -f "$f" ]] || return 0
  local pid; pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.3; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# maven_fetch GROUP ARTIFACT VERSION [CLASSIFIER] [EXT] -> path of the cached file (downloaded once)
MAVEN_REPO="${MAVEN_REPO:-https://repo1.maven.org/maven2}"
maven_fetch() {
  local g="$1" a="$2" v="$3" c="${4:-}" e="${5:-jar}"
  local file="$a-$v${c:+-$c}.$e"
  local dest="$LABFLOW_DOWNLOADS/maven/${g//.//}/$a/$v/$file"
  if [[ ! -s "$dest" ]]; then
    mkdir -p "$(dirname "$dest")"
    curl -fsSL --retry 3 -o "$dest.part" "$MAVEN_REPO/${g//.//}/$a/$v/$file" || die "download failed: $g:$a:$v"
    mv "$dest.part" "$dest"
  fi
  printf '%s\n' "$dest"
}
