import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_NAMES, AppName } from '@labflow/contracts';

/** Ports of the default environment (also the defaults of each app's config). */
export const BASE_PORTS: Record<AppName, number> = {
  gateway: 3000, reporting: 3101, 'device-ingestion': 3102, rerun: 3103,
  'critical-callout': 3104, specimen: 3105, orders: 3106, audit: 3107, 'analyzer-bridge': 3108, verification: 3109, fhir: 3110,
};

export interface LabflowEnvironment {
  name: string;
  ports: Record<AppName, number>;
  /** Settings every app and test process of this environment gets. */
  variables: Record<string, string>;
  runDir: string;
  logDir: string;
  gatewayUrl: string;
  postgresDatabase: string;
}

/**
 * `LABFLOW_ENV` names an isolated environment on the shared servers: its own topic prefix, consumer
 * groups, PostgreSQL database, document database, Redis db, index prefix and ports. The default
 * ('local') uses the plain names. Lets `npm test` run beside a running `npm start`, and several
 * work trees share one stack.
 */
export function currentEnvironment(source: Record<string, string | undefined> = process.env): LabflowEnvironment {
  const name = source.LABFLOW_ENV ?? 'local';
  if (!/^[a-z][a-z0-9_]{0,20}$/.test(name)) throw new Error(`LABFLOW_ENV must be lowercase letters, digits, _ (got ${name})`);
  const home = source.LABFLOW_HOME ?? join(homedir(), '.cache', 'labflow');
  const isDefault = name === 'local';
  const hash = parseInt(createHash('sha256').update(name).digest('hex').slice(0, 8), 16);
  const offset = isDefault ? 0 : Number(source.LABFLOW_PORT_OFFSET ?? 100 * (1 + (hash % 40)));
  const ports = Object.fromEntries(APP_NAMES.map((a) => [a, BASE_PORTS[a] + offset])) as Record<AppName, number>;
  const database = isDefault ? 'labflow' : `labflow_${name}`;
  // Every setting is explicit, also for the default environment, so tests and tools read the same
  // values the apps get.
  const variables: Record<string, string> = {
    KAFKA_TOPIC_PREFIX: isDefault ? '' : `${name}.`,
    KAFKA_GROUP_PREFIX: isDefault ? 'labflow' : `labflow-${name}`,
    POSTGRES_URL: `postgres://postgres:postgres@127.0.0.1:5432/${database}`,
    MONGO_URL: `mongodb://127.0.0.1:27017/${database}`,
    REDIS_URL: isDefault ? 'redis://127.0.0.1:6379' : `redis://127.0.0.1:6379/${1 + (hash % 15)}`,
    ELASTICSEARCH_URL: 'http://127.0.0.1:9200',
    ELASTICSEARCH_INDEX_PREFIX: isDefault ? 'labflow' : `labflow-${name.replace(/_/g, '-')}`,
  };
  variables.LABFLOW_GATEWAY_URL = `http://127.0.0.1:${ports.gateway}`;
  return {
    name,
    ports,
    variables,
    runDir: join(home, 'run', name),
    logDir: source.LABFLOW_LOGS ?? join(home, 'logs', name),
    gatewayUrl: variables.LABFLOW_GATEWAY_URL,
    postgresDatabase: database,
  };
}
