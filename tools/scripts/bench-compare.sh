#!/usr/bin/env bash
# `npm run bench:compare -- [ref]`: the ingest and gateway rows of `npm run bench` before and after,
# in the same run and environment. Checks <ref> (default 808c8bb, before the handling seam) out in a
# temporary git worktree outside the repository (node_modules linked to this checkout's, or installed
# there from its own lock file when that differs), runs its own
# `npm run bench` (which builds it), then this checkout's, and prints both tables labelled with their
# commits. Each run starts from no running apps of LABFLOW_ENV (it starts and stops its own).
# BENCH_SCENARIOS defaults to ingest,gateway (a narrowed run writes no docs/performance.md);
# BENCH_SECONDS, BENCH_RATES, BENCH_CONCURRENCY, BENCH_WARMUP_SECONDS pass through to both runs.
# BENCH_ROUNDS=n (default 1) alternates them n times (before, after, before, after, ...): on this VM
# one commit's rows vary by a third from run to run, so one pair can mislead; compare the rounds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO="$(pwd)"
REF="${1:-808c8bb}"
export LABFLOW_ENV="${LABFLOW_ENV:-bench}"
export BENCH_SCENARIOS="${BENCH_SCENARIOS:-ingest,gateway}"

before="$(git rev-parse --short "$REF^{commit}")"
after="$(git rev-parse --short HEAD)"
[[ -n "$(git status --porcelain --untracked-files=no)" ]] && after="$after+uncommitted"
modules="$(readlink -f node_modules)"
[[ -d "$modules" ]] || { echo "[bench:compare] no node_modules in $REPO: npm ci first" >&2; exit 1; }

# The apps of LABFLOW_ENV (an earlier run, `npm test`) are stopped, so each bench starts its own build's.
apps_down() {
  if [[ -f "$1/dist/tools/cli/apps.js" ]]; then (cd "$1" && node -r ./tools/runtime/register-aliases.js dist/tools/cli/apps.js down) >/dev/null; fi
}

scratch="$(mktemp -d "${TMPDIR:-/tmp}/labflow-bench-compare.XXXXXX")"
tree="$scratch/$before"
cleanup() {
  apps_down "$REPO" || true
  git -C "$REPO" worktree remove --force "$tree" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# One bench in tree $1, its output kept in $2 (and shown as it goes, on stderr).
bench_in() {
  apps_down "$REPO"
  echo "[bench:compare] npm run bench in $1 ($BENCH_SCENARIOS, environment $LABFLOW_ENV)" >&2
  (cd "$1" && npm run --silent bench) 2>&1 | tee "$2" >&2
}

# The tables a bench printed: every line from the first table's title on, less the runner's log lines.
tables_of() {
  awk '/^(Ingest|Gateway|Verification|Read your writes|Scale-out|Goals)/ { on = 1 } on && !/^\[[a-z:-]+\]/' "$1"
}

git worktree add --detach --quiet "$tree" "$before"
if git diff --quiet "$before" HEAD -- package-lock.json; then
  ln -s "$modules" "$tree/node_modules"
else
  # Other dependencies (808c8bb still used ioredis): its own node_modules in the worktree, from its lock
  # file; this checkout's stays untouched. The hash tells its prepare.sh not to install again.
  echo "[bench:compare] $before's package-lock.json differs from this checkout's: npm ci in the worktree" >&2
  (cd "$tree" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error && sha256sum package-lock.json | cut -d' ' -f1 > node_modules/.labflow-lock-hash) >&2
fi
ROUNDS="${BENCH_ROUNDS:-1}"
for ((round = 1; round <= ROUNDS; round++)); do
  bench_in "$tree" "$scratch/before-$round.log"
  bench_in "$REPO" "$scratch/after-$round.log"
done

for ((round = 1; round <= ROUNDS; round++)); do
  echo
  echo "=== round $round of $ROUNDS, before: $before ($REF) ==="
  tables_of "$scratch/before-$round.log"
  echo "=== round $round of $ROUNDS, after: $after (this checkout) ==="
  tables_of "$scratch/after-$round.log"
done
