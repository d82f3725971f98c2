import { ChildProcess } from 'node:child_process';
import { APP_NAMES, AppName } from '@labflow/contracts';
import { APP_PORTS, LOG_DIR, recordedPid, startApps, stopApps, waitForReady } from '../dev/app-processes';
import { parseCli, runCli, UsageError } from './cli-args';

const USAGE = `Usage: apps [up [--attached] | down | status]   (npm run apps:up / apps:down)

  up          start every app (reusing running ones) and wait for the gateway's readiness
  --attached  with up: keep the apps as children and stop them all on Ctrl-C
  down        stop the apps this environment started
  status      list the apps and their pids (the default)
  -h, --help  this help`;

async function main(): Promise<'help' | void> {
  const parsed = parseCli({ usage: USAGE, options: { attached: { type: 'boolean' } }, allowPositionals: true }, process.argv.slice(2));
  if (!parsed) return 'help';
  const [command = 'status', ...extra] = parsed.positionals;
  if (!['up', 'down', 'status'].includes(command)) throw new UsageError(`unknown command '${command}'`);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  if (parsed.values.attached && command !== 'up') throw new UsageError('--attached goes with up');
  if (command === 'down') {
    await stopApps();
    console.log('apps stopped');
    return;
  }
  if (command === 'status') {
    for (const app of APP_NAMES) console.log(`${app}: ${recordedPid(app) ? `up (pid ${recordedPid(app)}, port ${APP_PORTS[app]})` : 'down'}`);
    return;
  }
  const attached = parsed.values.attached ?? false;
  const started = startApps({ attached });
  console.log(`starting ${APP_NAMES.length} apps; logs in ${LOG_DIR}`);
  const ready = await waitForReady(`http://127.0.0.1:${APP_PORTS.gateway}/health/ready`);
  console.log(`gateway ready: ${Object.keys((ready as { checks: object }).checks).join(', ')}`);
  if (!attached) return;
  const children = [...started.values()].filter((c): c is ChildProcess => typeof c !== 'number');
  const stopAll = async () => {
    console.log('\nstopping apps...');
    await stopApps(APP_NAMES.filter((a: AppName) => started.has(a)));
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll());
  process.on('SIGTERM', () => void stopAll());
  for (const child of children) child.on('exit', (code) => code && console.error(`an app exited with ${code}; logs in ${LOG_DIR}`));
}

runCli(USAGE, main);
