import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NAMES, AppName, topicPlan } from '@labflow/contracts';
import { LabflowEnvironment } from './environment';

/**
 * What one environment owns on the shared servers, by name: its topics, its PostgreSQL database, its
 * document database and its search indexes. Redis is not listed: environments share Redis dbs when
 * their names hash alike, and every key there expires on its own.
 */
export interface EnvironmentStores {
  /** Every topic name the environment may have created (its catalog, or all under its prefix). */
  ownsTopic: (topic: string) => boolean;
  postgresDatabase: string;
  mongoDatabase: string;
  indices: string[];
}

/**
 * Index suffixes the apps create under ELASTICSEARCH_INDEX_PREFIX: reporting's lab-report search
 * (apps/reporting/src/search/lab-report-index.ts) and audit's activity mirror (activity-mirror.ts).
 */
const INDEX_SUFFIXES = ['lab-reports', 'activity-log'];

export function storesOf(env: LabflowEnvironment): EnvironmentStores {
  const prefix = env.variables.KAFKA_TOPIC_PREFIX ?? '';
  // The default environment's topics have no prefix: only its catalog's names are its own. A named
  // environment's prefix can read like a catalog domain (an environment called `fhir` and the default
  // one's `fhir.…` topics): a catalog name is always the default environment's.
  const catalog = new Set(topicPlan(1).map((t) => t.topic));
  const ownsTopic = prefix === '' ? (topic: string) => catalog.has(topic) : (topic: string) => topic.startsWith(prefix) && !catalog.has(topic);
  const indexPrefix = env.variables.ELASTICSEARCH_INDEX_PREFIX;
  return {
    ownsTopic,
    postgresDatabase: env.postgresDatabase,
    mongoDatabase: new URL(env.variables.MONGO_URL).pathname.slice(1),
    indices: INDEX_SUFFIXES.map((suffix) => `${indexPrefix}-${suffix}`),
  };
}

/** The apps of the environment still running, by the pids `apps up` recorded. */
export function runningApps(env: LabflowEnvironment): AppName[] {
  return APP_NAMES.filter((app) => {
    const file = join(env.runDir, `app-${app}.pid`);
    if (!existsSync(file)) return false;
    const pid = Number(readFileSync(file, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}
