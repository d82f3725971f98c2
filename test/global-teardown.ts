import './register-source-aliases';
import { AppName } from '@labflow/contracts';
import { stopApps } from '@labflow/tools/dev';

export default async function globalTeardown(): Promise<void> {
  if (process.env.LABFLOW_KEEP_APPS === '1') return;
  const started = ((globalThis as Record<string, unknown>).__LABFLOW_STARTED__ ?? []) as AppName[];
  await stopApps(started);
}
