import { Client } from 'pg';
import { currentEnvironment } from '../dev/environment';
import { createTopics } from './create-topics';

/** Creates what an environment needs on the shared servers: its PostgreSQL database and its topics. */
async function main(): Promise<void> {
  const env = currentEnvironment();
  const admin = new Client({ connectionString: 'postgres://postgres:postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [env.postgresDatabase]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${env.postgresDatabase}"`);
  } finally {
    await admin.end();
  }
  const created = await createTopics(
    process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    Number(process.env.KAFKA_PARTITIONS ?? 6),
    env.variables.KAFKA_TOPIC_PREFIX ?? '',
  );
  console.log(`[provision] environment ${env.name}: database ${env.postgresDatabase}, ${created.length} topics created`);
}

main().catch((error: unknown) => {
  console.error(`[provision] failed: ${(error as Error).message}`);
  process.exit(1);
});
