#!/usr/bin/env bash
# FerretDB v1.24.2 (MongoDB wire protocol) on 127.0.0.1:27017 with its PostgreSQL backend (database `ferretdb`
# in the local PostgreSQL; each MongoDB database is a schema there). Not SQLite: FerretDB's SQLite backend pushes no
# filter down, so every find scans its collection (600 ms at 20k documents); PostgreSQL's pushes equality filters
# down (7 ms) and writes 2-3x faster (docs/performance.md); ferretdb-id-lookup.sql gives its `_id` lookups an index.
# Built from source fetched through the Go module proxy; binaries cached in $LABFLOW_DOWNLOADS/bin.
# Usage: ferretdb.sh install|start|stop|status
#
# Build recipe: `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at
# start, because build/version/version.txt (go:embed) is not in the module zip. So: `go mod download` the
# module, copy it to a writable dir, write build/version/version.txt, `go build ./cmd/ferretdb` there.
# A tiny MongoDB client (ferretdb-hello, the official Go driver from FerretDB's own go.sum) is built beside
# it for the readiness check: it runs `hello` and `buildInfo` over the wire, no node/npm needed.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../lib.sh"

NAME=ferretdb
FDB_VERSION=v1.24.2
FDB_MODULE=github.com/FerretDB/FerretDB
FDB_PORT=27017
FDB_ADDR="127.0.0.1:$FDB_PORT"
FDB_BIN="$LABFLOW_DOWNLOADS/bin/ferretdb-$FDB_VERSION"
HELLO_BIN="$LABFLOW_DOWNLOADS/bin/ferretdb-hello-$FDB_VERSION"
FDB_PG_DATABASE=ferretdb
FDB_PG_URL="postgres://postgres:postgres@127.0.0.1:5432/$FDB_PG_DATABASE?pool_max_conns=40"
FDB_STATE="$LABFLOW_DATA/ferretdb-state"        # FerretDB's state.json (instance uuid)
FDB_LOG="$LABFLOW_LOGS/ferretdb.log"
PIDFILE="$LABFLOW_RUN/$NAME.pid"
URI="mongodb://$FDB_ADDR/"

go_env() {
  export GOPATH="$LABFLOW_DOWNLOADS/go"
  export GOMODCACHE="$GOPATH/pkg/mod"
  export GOCACHE="$GOPATH/cache"
  export GOFLAGS="-mod=mod -modcacherw"
  export GO111MODULE=on CGO_ENABLED=0
}

write_hello_tool() {
  mkdir -p "$1/cmd/ferretdb-hello"
  cat > "$1/cmd/ferretdb-hello/main.go" <<'GO'
// ferretdb-hello URI: runs hello and buildInfo against a MongoDB-compatible server; exit 0 when it answers.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func main() {
	uri := "mongodb://127.0.0.1:27017/"
	if len(os.Args) > 1 {
		uri = os.Args[1]
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	opts := options.Client().ApplyURI(uri).SetDirect(true).
		SetServerSelectionTimeout(3 * time.Second).SetConnectTimeout(2 * time.Second)
	client, err := mongo.Connect(ctx, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "connect:", err)
		os.Exit(1)
	}
	// no Disconnect: it would send endSessions, which FerretDB 1.x answers with a noisy WARN in its log;
	// the sockets close when the process exits
	_ = client
	admin := client.Database("admin")
	var hello, info bson.M
	if err = admin.RunCommand(ctx, bson.D{{Key: "hello", Value: 1}}).Decode(&hello); err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
	if err = admin.RunCommand(ctx, bson.D{{Key: "buildInfo", Value: 1}}).Decode(&info); err != nil {
		fmt.Fprintln(os.Stderr, "buildInfo:", err)
		os.Exit(1)
	}
	if v, ok := info["ferretdbVersion"]; ok {
		fmt.Printf("FerretDB %v, MongoDB %v, wire %v\n", v, info["version"], hello["maxWireVersion"])
	} else {
		fmt.Printf("MongoDB %v, wire %v\n", info["version"], hello["maxWireVersion"])
	}
}
GO
}

cmd_install() {
  if [[ -x "$FDB_BIN" && -x "$HELLO_BIN" ]] && "$FDB_BIN" --version >/dev/null 2>&1; then
    [[ "${1:-}" == quiet ]] || log "ferretdb: $FDB_VERSION already built ($FDB_BIN)"
    return 0
  fi
  command -v go >/dev/null || die "go is required to build FerretDB (Go toolchain on PATH)"
  go_env
  mkdir -p "$GOPATH" "$LABFLOW_DOWNLOADS/bin"
  log "ferretdb: downloading $FDB_MODULE@$FDB_VERSION through the Go module proxy"
  local dir
  dir="$(cd "$LABFLOW_DOWNLOADS" && go mod download -json "$FDB_MODULE@$FDB_VERSION" \
         | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')" || true
  [[ -n "$dir" && -f "$dir/go.mod" ]] || die "go mod download $FDB_MODULE@$FDB_VERSION failed"
  local src="$LABFLOW_DOWNLOADS/.ferretdb-build.$$"
  rm -rf "$src"; cp -r "$dir" "$src"; chmod -R u+w "$src"
  echo "$FDB_VERSION" > "$src/build/version/version.txt"
  echo "source" > "$src/build/version/package.txt"
  write_hello_tool "$src"
  log "ferretdb: building (first time takes a minute or two; cached in $GOCACHE)"
  local start=$SECONDS
  if ! (cd "$src" && go build -trimpath -o "$FDB_BIN.tmp.$$" ./cmd/ferretdb \
                  && go build -trimpath -o "$HELLO_BIN.tmp.$$" ./cmd/ferretdb-hello) >&2; then
    rm -rf "$src" "$FDB_BIN.tmp.$$" "$HELLO_BIN.tmp.$$"; die "FerretDB build failed"
  fi
  mv "$FDB_BIN.tmp.$$" "$FDB_BIN"; mv "$HELLO_BIN.tmp.$$" "$HELLO_BIN"; rm -rf "$src"
  "$FDB_BIN" --version >/dev/null || die "built $FDB_BIN does not run"
  log "ferretdb: built $FDB_VERSION in $((SECONDS - start))s ($FDB_BIN)"
}

# hello -> prints the server description when a MongoDB-compatible server answers on 127.0.0.1:27017
hello() { [[ -x "$HELLO_BIN" ]] && "$HELLO_BIN" "$URI" 2>/dev/null; }

# FerretDB's backend database in the local PostgreSQL (started before it by stack.sh)
ensure_pg_database() {
  local q="select 1 from pg_database where datname = '$FDB_PG_DATABASE'"
  local i
  for i in $(seq 1 30); do
    if [[ "$(PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -tAc "$q" 2>/dev/null)" == 1 ]]; then return 0; fi
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $FDB_PG_DATABASE" >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "ferretdb: PostgreSQL on 127.0.0.1:5432 is needed for FerretDB's backend and did not answer"
}

# lookups by _id that use an index (ferretdb-id-lookup.sql says why). Run before FerretDB connects, so its
# sessions start with the database's plan_cache_mode; also when it already runs (a stack started before
# this existed gets its indexes; its open sessions keep their plan mode until FerretDB restarts)
ensure_id_lookup_indexes() {
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d "$FDB_PG_DATABASE" -qAt -f "$HERE/ferretdb-id-lookup.sql" >/dev/null \
    || die "ferretdb: could not install the _id lookup indexes in PostgreSQL database $FDB_PG_DATABASE"
}

cmd_start() {
  if pid_alive "$NAME"; then
    hello >/dev/null && { ensure_id_lookup_indexes; log "ferretdb: already running (pid $(cat "$PIDFILE"))"; return 0; }
  elif port_open "$FDB_PORT"; then
    cmd_install quiet
    local d; d="$(hello)" || die "port $FDB_PORT is taken by something that does not answer MongoDB hello"
    rm -f "$PIDFILE"
    log "ferretdb: reusing the server already listening on $FDB_ADDR ($d; not started by us, stop leaves it alone)"
    return 0
  else
    rm -f "$PIDFILE"
    cmd_install quiet
    mkdir -p "$FDB_STATE"
    ensure_pg_database
    ensure_id_lookup_indexes
    log "ferretdb: starting $FDB_VERSION on $FDB_ADDR (PostgreSQL database $FDB_PG_DATABASE, log $FDB_LOG)"
    printf '\n===== %s start ferretdb %s =====\n' "$(date -u +%FT%TZ)" "$FDB_VERSION" >> "$FDB_LOG"
    (
      cd "$FDB_STATE"
      # Go's collector at its default (GOGC=100) is a third of FerretDB's CPU on this workload (it decodes
      # every document from JSON): a larger heap target costs tens of MB and saves ~30% CPU per find; the
      # memory limit makes it collect harder before the heap could grow large.
      export GOGC="${LABFLOW_FERRETDB_GOGC:-400}" GOMEMLIMIT="${LABFLOW_FERRETDB_GOMEMLIMIT:-1GiB}"
      exec nohup "$FDB_BIN" \
        --handler=postgresql --postgresql-url="$FDB_PG_URL" \
        --listen-addr="$FDB_ADDR" --debug-addr="${LABFLOW_FERRETDB_DEBUG_ADDR:--}" \
        --state-dir="$FDB_STATE" --telemetry=disable \
        --log-level="${LABFLOW_FERRETDB_LOG_LEVEL:-info}" --log-format=console
    ) >> "$FDB_LOG" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
  fi
  local deadline=$((SECONDS + 60))
  until hello >/dev/null; do
    if ! pid_alive "$NAME"; then
      rm -f "$PIDFILE"; tail -n 20 "$FDB_LOG" >&2 || true
      die "ferretdb exited during startup (log: $FDB_LOG)"
    fi
    (( SECONDS < deadline )) || die "ferretdb not ready after 60s (log: $FDB_LOG)"
    sleep 0.3
  done
  log "ferretdb: ready at $URI (pid $(cat "$PIDFILE"))"
}

cmd_stop() {
  if [[ ! -f "$PIDFILE" ]]; then
    if port_open "$FDB_PORT"; then log "ferretdb: not started by us; leaving the server on port $FDB_PORT running"
    else log "ferretdb: not running"; fi
    return 0
  fi
  log "ferretdb: stopping pid $(cat "$PIDFILE")"
  stop_pid "$NAME" 20
  log "ferretdb: stopped"
}

cmd_status() {
  local d who
  if d="$(hello)"; then
    if pid_alive "$NAME"; then who="pid $(cat "$PIDFILE")"; else who="not started by us"; fi
    echo "$NAME: up ($URI, $d, $who)"
    return 0
  fi
  if [[ ! -x "$HELLO_BIN" ]] && port_open "$FDB_PORT"; then
    echo "$NAME: up ($FDB_ADDR open; not built here, so not checked over the wire)"; return 0
  fi
  if pid_alive "$NAME"; then echo "$NAME: down (pid $(cat "$PIDFILE") alive but not answering; log: $FDB_LOG)"; return 1; fi
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
