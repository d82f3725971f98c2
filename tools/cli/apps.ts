import { ChildProcess } from 'node:child_process';
import { APP_NAMES, AppName } from '@labflow/contracts';
import { APP_PORTS, LOG_DIR, recordedPid, startApps, stopApps, waitForReady } from '../dev/app-processes';

/**
 * `apps up [--attached]` starts every app (reusing running ones) and waits for the gateway's
 * readiness; `--attached` keeps them as children and stops them all on Ctrl-C.
 * `apps down` stops the apps we started; `apps status` lists them.
 */
async function main(): Promise<void> {
  const [command = 'status', ...flags] = process.argv.slice(2);
  if (command === 'down') {
    await stopApps();
    console.log('apps stopped');
    return;
  }
  if (command === 'status') {
    for (const app of APP_NAMES) console.log(`${app}: ${recordedPid(app) ? `up (pid ${recordedPid(app)}, port ${APP_PORTS[app]})` : 'down'}`);
    return;
  }
  const attached = flags.includes('--attached');
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
