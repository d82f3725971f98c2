import './register-source-aliases';
import { APP_NAMES } from '@labflow/contracts';
import { TEST_APP_ENV } from './app-test-env';
import { APP_PORTS, recordedPid, startApps, waitForReady } from '@labflow/tools/dev';

/**
 * Starts every app (compiled in dist/ by `npm test`) unless it already runs, then waits for the
 * gateway's readiness, which asks every app over Kafka. Apps started here are stopped in teardown.
 */
export default async function globalSetup(): Promise<void> {
  const before = new Set(APP_NAMES.filter((a) => recordedPid(a)));
  startApps({ env: TEST_APP_ENV });
  (globalThis as Record<string, unknown>).__LABFLOW_STARTED__ = APP_NAMES.filter((a) => !before.has(a));
  await waitForReady(`http://127.0.0.1:${APP_PORTS.gateway}/health/ready`, 240_000);
}
