import { Client as ElasticClient } from '@elastic/elasticsearch';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Client as PgClient } from 'pg';
import { currentEnvironment, LabflowEnvironment } from '../dev/environment';
import { runningApps, storesOf } from '../dev/environment-stores';
import { parseCli, runCli, UsageError } from './cli-args';

const USAGE = `Usage: deprovision --env NAME [--env NAME ...] | --list   (npm run deprovision -- ...)

Removes what environments created on the shared servers: their Kafka topics, PostgreSQL database,
document database and search indexes. Every environment adds about 400 partitions to the one local
broker, and a broker restart loads them all: drop the ones nobody uses.

  --env NAME   an environment to remove (repeatable); refused while its apps run (npm run apps:down)
  --list       the environments found on the servers, with their topic and partition counts
  -h, --help   this help`;

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const POSTGRES_ADMIN_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const DELETE_BATCH = 50;

async function main(): Promise<'help' | void> {
  const parsed = parseCli({ usage: USAGE, options: { env: { type: 'string', multiple: true }, list: { type: 'boolean' } } }, process.argv.slice(2));
  if (!parsed) return 'help';
  const names = parsed.values.env ?? [];
  if (parsed.values.list) {
    if (names.length > 0) throw new UsageError('--list takes no --env');
    return listEnvironments();
  }
  if (names.length === 0) throw new UsageError('name at least one --env (see --list)');
  const environments = names.map((name) => environmentNamed(name));
  for (const env of environments) {
    const running = runningApps(env);
    if (running.length > 0) throw new Error(`environment ${env.name} has running apps (${running.join(', ')}): stop them first (LABFLOW_ENV=${env.name} npm run apps:down)`);
  }
  const kafka = new Kafka({ clientId: 'labflow-deprovision', brokers: BROKERS, logLevel: logLevel.NOTHING }).admin();
  await kafka.connect();
  try {
    const topics = await kafka.listTopics();
    for (const env of environments) await removeEnvironment(env, kafka, topics);
  } finally {
    await kafka.disconnect();
  }
}

function environmentNamed(name: string): LabflowEnvironment {
  try {
    return currentEnvironment({ ...process.env, LABFLOW_ENV: name });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function removeEnvironment(env: LabflowEnvironment, kafka: ReturnType<Kafka['admin']>, allTopics: string[]): Promise<void> {
  const stores = storesOf(env);
  const topics = allTopics.filter(stores.ownsTopic);
  for (let i = 0; i < topics.length; i += DELETE_BATCH) {
    await kafka.deleteTopics({ topics: topics.slice(i, i + DELETE_BATCH), timeout: 60_000 });
  }
  const pg = new PgClient({ connectionString: POSTGRES_ADMIN_URL });
  await pg.connect();
  try {
    // the environment's apps are down (checked); FORCE ends what else still holds a session
    await pg.query(`DROP DATABASE IF EXISTS "${stores.postgresDatabase}" WITH (FORCE)`);
  } finally {
    await pg.end();
  }
  const mongo = await MongoClient.connect(env.variables.MONGO_URL, { serverSelectionTimeoutMS: 10_000 });
  try {
    await mongo.db(stores.mongoDatabase).dropDatabase();
  } finally {
    await mongo.close();
  }
  const elastic = new ElasticClient({ node: env.variables.ELASTICSEARCH_URL });
  try {
    await elastic.indices.delete({ index: stores.indices, ignore_unavailable: true });
  } finally {
    await elastic.close();
  }
  console.log(`[deprovision] ${env.name}: ${topics.length} topics, database ${stores.postgresDatabase}, document database ${stores.mongoDatabase}, indexes ${stores.indices.join(', ')} removed`);
}

/** Environments by topic prefix (the default one as "local") and by PostgreSQL database. */
async function listEnvironments(): Promise<void> {
  const kafka = new Kafka({ clientId: 'labflow-deprovision', brokers: BROKERS, logLevel: logLevel.NOTHING }).admin();
  await kafka.connect();
  const found = new Map<string, { topics: number; partitions: number; database: boolean }>();
  const entry = (name: string) => found.get(name) ?? found.set(name, { topics: 0, partitions: 0, database: false }).get(name)!;
  try {
    const { topics } = await kafka.fetchTopicMetadata();
    const local = storesOf(environmentNamed('local'));
    for (const topic of topics) {
      const name = local.ownsTopic(topic.name) ? 'local' : /^([a-z][a-z0-9_]{0,20})\./.exec(topic.name)?.[1];
      if (!name) continue;
      entry(name).topics += 1;
      entry(name).partitions += topic.partitions.length;
    }
  } finally {
    await kafka.disconnect();
  }
  const pg = new PgClient({ connectionString: POSTGRES_ADMIN_URL });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname = 'labflow' OR datname LIKE 'labflow\\_%'");
    for (const { datname } of rows) entry(datname === 'labflow' ? 'local' : datname.slice('labflow_'.length)).database = true;
  } finally {
    await pg.end();
  }
  for (const [name, e] of [...found].sort(([a], [b]) => a.localeCompare(b))) {
    const running = runningApps(environmentNamed(name));
    console.log(`${name.padEnd(22)} ${String(e.topics).padStart(4)} topics ${String(e.partitions).padStart(5)} partitions  database ${e.database ? 'yes' : 'no '}  ${running.length > 0 ? `apps running: ${running.length}` : ''}`);
  }
}

runCli(USAGE, main, '[deprovision] failed: ');
