#!/usr/bin/env bash
# Native local stack: PostgreSQL, Redis, Kafka (KRaft), Elasticsearch, FerretDB on 127.0.0.1.
# Usage: stack.sh up|down|status [server...]   (idempotent; servers already running are reused)
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib.sh"

ALL_SERVERS=(postgres redis kafka elasticsearch ferretdb)
cmd="${1:-status}"; shift || true
servers=("$@"); [[ ${#servers[@]} -gt 0 ]] || servers=("${ALL_SERVERS[@]}")

case "$cmd" in
  up)
    # install (downloads, cached) in parallel, then start in dependency order
    pids=()
    for s in "${servers[@]}"; do bash "$HERE/servers/$s.sh" install & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || die "an install step failed (see above)"; done
    for s in "${servers[@]}"; do bash "$HERE/servers/$s.sh" start; done
    log "stack is up; logs in $LABFLOW_LOGS"
    ;;
  down)
    for ((i=${#servers[@]}-1; i>=0; i--)); do bash "$HERE/servers/${servers[$i]}.sh" stop; done
    ;;
  status)
    rc=0
    for s in "${servers[@]}"; do bash "$HERE/servers/$s.sh" status || rc=1; done
    log "logs: $LABFLOW_LOGS"
    exit $rc
    ;;
  *) die "usage: stack.sh up|down|status [server...]" ;;
esac
