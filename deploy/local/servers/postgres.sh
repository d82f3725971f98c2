#!/usr/bin/env bash
# PostgreSQL (Debian package binaries, own cluster in $LABFLOW_DATA/postgres) on 127.0.0.1:5432.
# Usage: postgres.sh install|start|stop|status
#   - login: user postgres / password postgres over TCP (scram-sha-256); trust on the unix socket
#   - database "labflow" is created when missing
#   - a server already listening on 127.0.0.1:5432 that accepts postgres/postgres is reused (and never stopped by us)
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib.sh"

NAME=postgres
PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
PG_PASSWORD=postgres
PG_DATABASE=labflow
PG_OS_USER=postgres                 # postgres refuses to run as root
PG_PREFERRED_MAJOR=15
PG_DATA="$LABFLOW_DATA/postgres"
PG_LOG="$LABFLOW_LOGS/postgres.log"
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

# pg_bindir -> directory holding pg_ctl/initdb/postgres (preferred major, else the newest installed)
pg_bindir() {
  local d
  if command -v pg_config >/dev/null; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    [[ -n "$d" && -x "$d/pg_ctl" && -x "$d/initdb" && -x "$d/postgres" ]] && { echo "$d"; return 0; }
  fi
  d="/usr/lib/postgresql/$PG_PREFERRED_MAJOR/bin"
  [[ -x "$d/pg_ctl" && -x "$d/initdb" && -x "$d/postgres" ]] && { echo "$d"; return 0; }
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n | tail -n1 || true)"
  [[ -n "$d" && -x "$d/pg_ctl" && -x "$d/initdb" ]] && { echo "$d"; return 0; }
  return 1
}

as_pg() { (cd / && $SUDO runuser -u "$PG_OS_USER" -- "$@"); }

# psql_pw SQL -> run SQL over TCP with the password (the way the apps connect)
psql_pw() {
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
    -d "${2:-postgres}" -XqtA -v ON_ERROR_STOP=1 -c "$1"
}
accepts_login() { psql_pw 'select 1' >/dev/null 2>&1; }

# the unix socket lives in $LABFLOW_RUN/postgres unless that path is too long for a socket (107 bytes)
socket_dir() {
  local d="$LABFLOW_RUN/postgres"
  if (( ${#d} + 20 < 100 )); then echo "$d"; else echo /tmp; fi
}

# ensure_traverse DIR -> postgres (not root) must be able to walk into DIR; grant search-only access
# to the postgres user on the parents that block it (e.g. /root is 0700 when LABFLOW_HOME is ~/.cache/labflow)
ensure_traverse() {
  local target="$1" p="" part
  as_pg test -x "$target" 2>/dev/null && return 0
  IFS=/ read -ra parts <<<"${target#/}"
  for part in "${parts[@]}"; do
    p="$p/$part"
    [[ -d "$p" ]] || break
    if ! as_pg test -x "$p" 2>/dev/null; then
      if command -v setfacl >/dev/null && $SUDO setfacl -m "u:$PG_OS_USER:x" "$p" 2>/dev/null; then
        log "granted search (x) access on $p to user $PG_OS_USER (ACL) so it can reach its data dir"
      else
        $SUDO chmod o+x "$p"
        log "granted search (o+x) access on $p so user $PG_OS_USER can reach its data dir"
      fi
    fi
  done
  as_pg test -x "$target" || die "user $PG_OS_USER cannot access $target"
}

ensure_os_user() {
  id "$PG_OS_USER" >/dev/null 2>&1 && return 0
  log "creating system user $PG_OS_USER"
  $SUDO useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash "$PG_OS_USER"
}

ensure_database() {
  if [[ "$(psql_pw "select 1 from pg_database where datname = '$PG_DATABASE'")" != 1 ]]; then
    psql_pw "create database \"$PG_DATABASE\"" >/dev/null || die "could not create database $PG_DATABASE (log: $PG_LOG)"
    log "created database $PG_DATABASE"
  fi
}

# our_postmaster_pid -> pid from $PG_DATA/postmaster.pid when that postmaster is alive
our_postmaster_pid() {
  local pid
  pid="$($SUDO head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# ours_running -> the recorded pid is alive and is the postmaster of our data dir (not a recycled pid)
ours_running() {
  pid_alive "$NAME" && [[ "$(our_postmaster_pid || true)" == "$(cat "$PID_FILE")" ]]
}

write_config() {
  # regenerated on every start so that changes here apply; postgresql.conf only includes it
  local conf="$PG_DATA/labflow.conf"
  $SUDO tee "$conf" >/dev/null <<EOF
# generated by deploy/local/servers/postgres.sh -- edits are overwritten on start
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = '$(socket_dir)'
max_connections = 300
shared_buffers = 256MB
fsync = on
password_encryption = 'scram-sha-256'
logging_collector = off
log_destination = 'stderr'
log_line_prefix = '%m [%p] %q%u@%d '
log_timezone = 'UTC'
timezone = 'UTC'
EOF
  $SUDO chown "$PG_OS_USER:" "$conf"
  grep -q "^include_if_exists = 'labflow.conf'" "$PG_DATA/postgresql.conf" 2>/dev/null ||
    echo "include_if_exists = 'labflow.conf'" | $SUDO tee -a "$PG_DATA/postgresql.conf" >/dev/null
}

init_cluster() {
  local bindir="$1" pwfile
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  log "initdb $PG_DATA"
  $SUDO mkdir -p "$PG_DATA"
  $SUDO chown "$PG_OS_USER:" "$PG_DATA"
  $SUDO chmod 700 "$PG_DATA"
  ensure_traverse "$PG_DATA"
  pwfile="$(mktemp /tmp/labflow-pgpw.XXXXXX)"
  echo "$PG_PASSWORD" >"$pwfile"; chmod 644 "$pwfile"
  local locale=C; locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' && locale=C.UTF-8
  if ! as_pg "$bindir/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" -E UTF8 --locale="$locale" \
      --auth-local=trust --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1; then
    rm -f "$pwfile"; die "initdb failed (log: $PG_LOG)"
  fi
  rm -f "$pwfile"
}

cmd_install() {
  if ! pg_bindir >/dev/null; then
    log "installing PostgreSQL (apt package postgresql)"
    apt_install postgresql
    # the package may create (not start: policy-rc.d) a 'main' cluster on 5432: keep it from ever auto-starting
    local conf
    for conf in /etc/postgresql/*/main/start.conf; do
      [[ -f "$conf" ]] && echo manual | $SUDO tee "$conf" >/dev/null && log "set $(dirname "$conf") to manual start"
    done
  fi
  command -v psql >/dev/null || apt_install postgresql-client
  pg_bindir >/dev/null || die "PostgreSQL binaries not found after install"
  ensure_os_user
  if ! as_pg test -x "$LABFLOW_DATA" 2>/dev/null && ! command -v setfacl >/dev/null; then
    apt_install acl || true   # only used to let the postgres user traverse $LABFLOW_HOME's parents
  fi
  log "postgres: installed ($(pg_bindir))"
}

cmd_start() {
  local pid
  [[ -f "$PID_FILE" ]] && ! ours_running && rm -f "$PID_FILE"   # stale pid file
  if ours_running; then
    wait_for "postgres (pid $(cat "$PID_FILE"))" 60 accepts_login
    ensure_database
    log "postgres: already running (pid $(cat "$PID_FILE"))"; return 0
  fi
  if port_open "$PG_PORT"; then
    if pid="$(our_postmaster_pid)"; then          # our own cluster, pid file lost: adopt it
      echo "$pid" >"$PID_FILE"
      wait_for "postgres (pid $pid)" 60 accepts_login
      ensure_database
      log "postgres: already running from $PG_DATA (pid $pid)"; return 0
    fi
    accepts_login || die "port $PG_HOST:$PG_PORT is taken by a server that does not accept $PG_USER/$PG_PASSWORD; stop it or fix its auth"
    ensure_database
    log "postgres: reusing the server already listening on $PG_HOST:$PG_PORT (not started by us, stop leaves it alone)"
    return 0
  fi

  local bindir; bindir="$(pg_bindir)" || die "PostgreSQL not installed: run '$0 install' first"
  command -v psql >/dev/null || die "psql not found: run '$0 install' first"
  id "$PG_OS_USER" >/dev/null 2>&1 || die "system user $PG_OS_USER missing: run '$0 install' first"
  ensure_traverse "$LABFLOW_DATA"
  init_cluster "$bindir"
  ensure_traverse "$PG_DATA"
  write_config
  local sock; sock="$(socket_dir)"
  if [[ "$sock" != /tmp ]]; then $SUDO mkdir -p "$sock"; $SUDO chown "$PG_OS_USER:" "$sock"; ensure_traverse "$sock"; fi

  log "postgres: starting $bindir/postgres on $PG_HOST:$PG_PORT (data $PG_DATA, log $PG_LOG)"
  # the log file is opened by us (root), so the postgres user needs no access to $LABFLOW_LOGS
  if ! as_pg "$bindir/pg_ctl" start -D "$PG_DATA" -w -t 90 -s >>"$PG_LOG" 2>&1; then
    tail -n 20 "$PG_LOG" >&2 || true
    die "postgres failed to start (log: $PG_LOG)"
  fi
  pid="$(our_postmaster_pid)" || die "postgres started but postmaster.pid is missing (log: $PG_LOG)"
  echo "$pid" >"$PID_FILE"
  wait_for "postgres (log: $PG_LOG)" 60 accepts_login
  ensure_database
  log "postgres: up (pid $pid, $PG_HOST:$PG_PORT, database $PG_DATABASE)"
}

cmd_stop() {
  if [[ ! -f "$PID_FILE" ]]; then
    if port_open "$PG_PORT"; then log "postgres: not started by us, leaving the server on $PG_HOST:$PG_PORT running"
    else log "postgres: not running"; fi
    return 0
  fi
  local pid bindir; pid="$(cat "$PID_FILE")"
  if ours_running; then
    log "postgres: stopping (pid $pid)"
    if bindir="$(pg_bindir)" && as_pg "$bindir/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 -s >>"$PG_LOG" 2>&1; then
      rm -f "$PID_FILE"
    else
      stop_pid "$NAME" 30
    fi
  else
    rm -f "$PID_FILE"   # stale: the recorded pid is gone or is not our postmaster any more
  fi
  log "postgres: stopped"
}

cmd_status() {
  local version
  if ours_running && version="$(psql_pw 'show server_version' 2>/dev/null)"; then
    echo "$NAME: up (pid $(cat "$PID_FILE"), $PG_HOST:$PG_PORT, PostgreSQL ${version%% *}, data $PG_DATA)"
  elif port_open "$PG_PORT" && version="$(psql_pw 'show server_version' 2>/dev/null)"; then
    echo "$NAME: up (external server on $PG_HOST:$PG_PORT, PostgreSQL ${version%% *}, not managed by us)"
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
