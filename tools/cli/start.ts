import { ChildProcess } from 'node:child_process';
import { APP_NAMES } from '@labflow/contracts';
import { signDevToken } from '@labflow/platform/auth';
import { APP_PORTS, LOG_DIR, startApps, stopApps, waitForReady } from '../dev/app-processes';
import { seedDemoLab } from './seed-demo';

const GATEWAY = `http://127.0.0.1:${APP_PORTS.gateway}`;

/** `npm start`: every app attached to this terminal, a demo lab, a token and example calls. */
async function main(): Promise<void> {
  const started = startApps({ attached: true });
  const stopAll = async () => {
    console.log('\nstopping apps...');
    await stopApps(APP_NAMES.filter((a) => started.get(a) instanceof ChildProcess));
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll());
  process.on('SIGTERM', () => void stopAll());
  console.log(`starting ${APP_NAMES.length} apps (logs in ${LOG_DIR})...`);
  const t0 = Date.now();
  await waitForReady(`${GATEWAY}/health/ready`);
  console.log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const secret = process.env.JWT_SECRET ?? 'labflow-local-development-secret';
  const token = await signDevToken(secret, {
    sub: '7', lab_id: 100, login_type: 'lab_user', department_data_type: 0, department_ids: [1, 2],
    scope: 'specimen:process', name: 'Demo Technologist',
  });
  const seeded = await seedDemoLab(GATEWAY, token);
  console.log(`
LabFlow is up: ${GATEWAY}   (OpenAPI: ${GATEWAY}/docs, readiness: ${GATEWAY}/health/ready)
Demo lab 100: ${seeded}

TOKEN=${token}

Try:
  curl -s ${GATEWAY}/health/ready
  curl -s -X POST ${GATEWAY}/api-v3/devices -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"name":"Sysmex XN-1000"}'

Ctrl-C stops every app; \`npm run stack:down\` stops the servers.`);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopApps();
  process.exit(1);
});
