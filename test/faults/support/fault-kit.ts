import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { AppName } from '@labflow/contracts';
import { APP_PORTS, currentEnvironment, recordedPid, REPO_ROOT, spawnApp, waitForReady } from '@labflow/tools/dev';
import { TEST_APP_ENV } from '../../app-test-env';

const exec = promisify(execFile);
const env = currentEnvironment();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Kills an app the test run started (by its recorded pid) and waits until it is gone. */
export async function killApp(app: AppName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  const pid = recordedPid(app);
  if (!pid) throw new Error(`${app} is not running (no recorded pid)`);
  process.kill(pid, signal);
  while (recordedPid(app)) await sleep(50);
}

export async function restartApp(app: AppName): Promise<void> {
  // the settings the run started it with (raised rate limit, webhook schedule), not the defaults
  spawnApp(app, { env: TEST_APP_ENV });
  await waitForReady(`http://127.0.0.1:${APP_PORTS[app]}/health/ready`, 120_000);
}

/** Stops or starts one native server of the stack (only servers the stack scripts started). */
export async function server(name: 'kafka' | 'postgres' | 'redis' | 'elasticsearch' | 'ferretdb', action: 'stop' | 'start'): Promise<void> {
  await exec('bash', [join(REPO_ROOT, 'deploy/local/servers', `${name}.sh`), action], { timeout: 180_000 });
}

/** Samples the gateway's readiness so a test can show it went red during an outage and green after. */
export class ReadinessTimeline {
  readonly samples: { at: number; ready: boolean }[] = [];
  private timer: NodeJS.Timeout | null = null;

  start(everyMs = 500): this {
    this.timer = setInterval(() => {
      const at = Date.now();
      fetch(`${env.gatewayUrl}/health/ready`, { signal: AbortSignal.timeout(3000) })
        .then((r) => this.samples.push({ at, ready: r.status === 200 }))
        .catch(() => this.samples.push({ at, ready: false }));
    }, everyMs);
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  wentRedBetween(from: number, to: number): boolean {
    return this.samples.some((s) => s.at >= from && s.at <= to && !s.ready);
  }

  greenAfter(at: number): boolean {
    return this.samples.some((s) => s.at > at && s.ready);
  }
}

/** Total lag of consumer groups on their topics; zero means everything accepted was consumed. */
export async function consumerLag(groupIds: string[], topics: string[]): Promise<number> {
  const kafka = new Kafka({ clientId: 'fault-lag', brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    let lag = 0;
    const physical = topics.map((t) => `${env.variables.KAFKA_TOPIC_PREFIX ?? ''}${t}`);
    for (const groupId of groupIds) {
      for (const t of await admin.fetchOffsets({ groupId, topics: physical })) {
        const high = await admin.fetchTopicOffsets(t.topic);
        for (const p of t.partitions) {
          const hw = Number(high.find((h) => h.partition === p.partition)?.high ?? 0);
          lag += Math.max(0, hw - Math.max(0, Number(p.offset)));
        }
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

export function groupOf(app: AppName, kind: 'events' | 'commands' = 'events'): string {
  const prefix = env.variables.KAFKA_GROUP_PREFIX ?? 'labflow';
  return kind === 'events' ? `${prefix}.${app}` : `${prefix}.${app}.commands`;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not reached within ${timeoutMs}ms`);
    await sleep(200);
  }
  return Date.now() - started;
}
