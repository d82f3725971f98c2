import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_NAMES, AppName } from '@labflow/contracts';
import { currentEnvironment } from './environment';

const ENVIRONMENT = currentEnvironment();
export const APP_PORTS = ENVIRONMENT.ports;
export const GATEWAY_URL = ENVIRONMENT.gatewayUrl;
export const REPO_ROOT = resolve(__dirname, '../..').replace(/\/dist$/, '');
export const LOG_DIR = ENVIRONMENT.logDir;
const RUN_DIR = ENVIRONMENT.runDir;

const pidFile = (app: AppName) => join(RUN_DIR, `app-${app}.pid`);

export function appEntry(app: AppName): string {
  return join(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function recordedPid(app: AppName): number | null {
  if (!existsSync(pidFile(app))) return null;
  const pid = Number(readFileSync(pidFile(app), 'utf8'));
  return Number.isInteger(pid) && alive(pid) ? pid : null;
}

export interface StartOptions {
  apps?: readonly AppName[];
  env?: Record<string, string>;
  /** Children die with this process (npm start); otherwise they are detached (tests, background). */
  attached?: boolean;
  /** Record the pid as the app's (default); an extra instance (bench scale-out) manages its own. */
  recordPid?: boolean;
  /** Log file name without .log (default: the app name). */
  logName?: string;
}

/** Starts each app not already running (by its recorded pid); logs go to LOG_DIR/<app>.log. */
export function startApps(options: StartOptions = {}): Map<AppName, ChildProcess | number> {
  mkdirSync(LOG_DIR, { recursive: true });
  mkdirSync(RUN_DIR, { recursive: true });
  const started = new Map<AppName, ChildProcess | number>();
  for (const app of options.apps ?? APP_NAMES) {
    const existing = recordedPid(app);
    if (existing) {
      started.set(app, existing);
      continue;
    }
    started.set(app, spawnApp(app, options));
  }
  return started;
}

/** An app's log and span files past this size are rotated when it starts (one earlier generation, `.1`, kept). */
const ROTATE_AT_BYTES = 64 * 1024 * 1024;

/**
 * Logs are appended across starts, so a machine that runs the suites day after day grew a gateway
 * span file past what one string can hold (the trace suites read it whole). At start, while nothing
 * writes them, files past ROTATE_AT_BYTES move to `<file>.1`.
 */
function rotateLarge(files: string[]): void {
  for (const file of files) {
    if (existsSync(file) && statSync(file).size > ROTATE_AT_BYTES) renameSync(file, `${file}.1`);
  }
}

export function spawnApp(app: AppName, options: StartOptions = {}): ChildProcess {
  const name = options.logName ?? app;
  // the span file is the app's, shared with a running instance when this is an extra one (bench scale-out)
  rotateLarge([join(LOG_DIR, `${name}.log`), ...(options.recordPid !== false ? [join(LOG_DIR, `${app}.spans.jsonl`)] : [])]);
  const log = openSync(join(LOG_DIR, `${name}.log`), 'a');
  const child = spawn(
    process.execPath,
    // LABFLOW_NODE_ARGS: extra node flags for every app, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile
    [...nodeArgs(), '--enable-source-maps', '-r', join(REPO_ROOT, 'tools/runtime/register-aliases.js'), appEntry(app)],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...ENVIRONMENT.variables, PORT: String(APP_PORTS[app]), ...options.env },
      stdio: ['ignore', log, log],
      detached: !options.attached,
    },
  );
  closeSync(log);
  if (!options.attached) child.unref();
  if (options.recordPid !== false) writeFileSync(pidFile(app), String(child.pid));
  return child;
}

function nodeArgs(): string[] {
  return (process.env.LABFLOW_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/** Stops apps we started (by recorded pid): SIGTERM, then SIGKILL after the grace period. */
export async function stopApps(apps: readonly AppName[] = APP_NAMES, graceMs = 20_000): Promise<void> {
  await Promise.all(apps.map(async (app) => {
    const pid = recordedPid(app);
    if (pid) await stopPid(pid, graceMs);
    rmSync(pidFile(app), { force: true });
  }));
}

export async function stopPid(pid: number, graceMs: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/** Waits until `url` answers 200 (the gateway's readiness covers every app through Kafka). */
export async function waitForReady(url: string, timeoutMs = 180_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const body: unknown = await res.json().catch(() => null);
      if (res.status === 200) return body;
      last = `${res.status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000}s: ${last} (logs: ${LOG_DIR})`);
}
