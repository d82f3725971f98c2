import { DataSource, EntitySchema, MigrationInterface } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EntityTarget = (new (...args: any[]) => object) | EntitySchema<any>;

export interface PostgresOptions {
  url: string;
  /** One schema per service (DESIGN §1). */
  schema: string;
  entities: EntityTarget[];
  migrations: (new () => MigrationInterface)[];
  poolSize: number;
  applicationName: string;
}

/** A TypeORM data source confined to the service's schema. Never `synchronize`: migrations only. */
export function createPostgres(options: PostgresOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
      // A query that cannot finish during an outage fails instead of hanging a consumer forever.
      statement_timeout: 15000,
    },
  });
}

/**
 * Creates the schema and runs pending migrations under an advisory lock, so several instances
 * starting together migrate once.
 */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

export async function pingPostgres(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}
