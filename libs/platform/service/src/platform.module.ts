import {
  Controller, DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit, Provider,
  Type,
} from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Client as ElasticClient } from '@elastic/elasticsearch';
import { Kafka, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { DataSource, EntitySchema, MigrationInterface } from 'typeorm';
import { AppName } from '@labflow/contracts';
import { CommonConfig } from '@labflow/platform/config';
import {
  createCommandProducer, createIdempotentProducer, createKafka, PgInbox, PgOutbox, PgOutboxRelay, sharedAdminOf,
} from '@labflow/platform/kafka';
import {
  closeRedis, connectElasticsearch, connectMongo, connectRedis, createPostgres, migrate, pingElasticsearch, pingMongo,
  pingPostgres, pingRedis, RedisClient,
} from '@labflow/platform/persistence';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { registerOutboxGauges } from './metrics/outbox-gauges';
import { HealthRegistry } from './health/health.registry';
import { outboxReadiness } from './health/outbox-readiness';
import { retryStart } from './retry-start';
import { APP_CONFIG, ELASTICSEARCH, KAFKA, KAFKA_PRODUCER, MONGO_CONNECTION, REDIS, SERVICE_IDENTITY } from './tokens';

export interface PlatformOptions {
  app: AppName;
  /** The gateway: its producer fails fast instead of waiting out a broker outage. */
  httpEdge?: boolean;
  config: CommonConfig;
  postgres?: {
    schema: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    entities: ((new (...args: any[]) => object) | EntitySchema<any>)[];
    migrations: (new () => MigrationInterface)[];
  };
  mongo?: boolean;
  redis?: boolean;
  elasticsearch?: boolean;
}

interface Identity {
  app: AppName;
  schema: string | null;
}

/** Starts the outbox relay once the schema is migrated, registers readiness checks, closes stores last. */
@Injectable()
class PlatformLifecycle implements OnModuleInit, OnApplicationShutdown {
  private relay: PgOutboxRelay | null = null;

  constructor(
    @Inject(SERVICE_IDENTITY) private readonly identity: Identity,
    @Inject(APP_CONFIG) private readonly config: CommonConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly health: HealthRegistry,
    @Inject(DataSource) private readonly dataSource: DataSource | null,
    @Inject(MONGO_CONNECTION) private readonly mongo: Connection | null,
    @Inject(REDIS) private readonly redis: RedisClient | null,
    @Inject(ELASTICSEARCH) private readonly elastic: ElasticClient | null,
  ) {}

  onModuleInit(): void {
    this.health.register('kafka', async () => {
      const cluster = await sharedAdminOf(this.kafka).use((admin) => admin.describeCluster());
      return { brokers: cluster.brokers.length };
    });
    const ds = this.dataSource;
    if (ds && this.identity.schema) {
      const schema = this.identity.schema;
      this.relay = new PgOutboxRelay({
        schema, postgresUrl: this.config.POSTGRES_URL, producer: this.producer, topicPrefix: this.config.KAFKA_TOPIC_PREFIX,
      });
      this.relay.start();
      const relay = this.relay;
      this.health.register('postgres', () => pingPostgres(ds));
      const backlog = () => relay.backlog((sql) => ds.query(sql));
      this.health.register('outbox', outboxReadiness(relay, backlog, this.config.OUTBOX_STALLED_AFTER_MS));
      registerOutboxGauges(backlog);
    }
    const mongo = this.mongo;
    if (mongo) this.health.register('mongodb', () => pingMongo(mongo));
    const redis = this.redis;
    if (redis) this.health.register('redis', () => pingRedis(redis));
    const elastic = this.elastic;
    if (elastic) this.health.register('elasticsearch', () => pingElasticsearch(elastic));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await sharedAdminOf(this.kafka).close();
    await this.producer.disconnect().catch(() => undefined);
    await this.dataSource?.destroy().catch(() => undefined);
    await this.mongo?.close().catch(() => undefined);
    if (this.redis) closeRedis(this.redis);
    await this.elastic?.close().catch(() => undefined);
  }
}

/** The shared machinery of a LabFlow service: config, Kafka, stores, outbox relay, health. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config, app } = options;
    const clientId = `${config.KAFKA_CLIENT_PREFIX}-${app}-${config.INSTANCE_ID}`;
    const providers: Provider[] = [
      HealthRegistry,
      PlatformLifecycle,
      { provide: APP_CONFIG, useValue: config },
      { provide: SERVICE_IDENTITY, useValue: { app, schema: options.postgres?.schema ?? null } satisfies Identity },
      { provide: KAFKA, useValue: createKafka({ brokers: config.KAFKA_BROKERS, clientId }) },
      {
        provide: KAFKA_PRODUCER,
        inject: [KAFKA],
        useFactory: (kafka: Kafka) => retryStart('kafka', () => (options.httpEdge ? createCommandProducer(kafka) : createIdempotentProducer(kafka))),
      },
      postgresProvider(options),
      {
        provide: MONGO_CONNECTION,
        useFactory: () => (options.mongo ? retryStart('mongodb', () => connectMongo(config.MONGO_URL, app, mongoWatchdogOf())) : null),
      },
      {
        provide: REDIS,
        useFactory: () => (options.redis ? retryStart('redis', () => connectRedis(config.REDIS_URL, redisOptionsOf(app))) : null),
      },
      {
        provide: ELASTICSEARCH,
        useFactory: () => (options.elasticsearch ? retryStart('elasticsearch', async () => {
          const client = connectElasticsearch(config.ELASTICSEARCH_URL);
          await pingElasticsearch(client);
          return client;
        }) : null),
      },
      { provide: PgOutbox, useValue: options.postgres ? new PgOutbox(options.postgres.schema) : null },
      { provide: PgInbox, useValue: options.postgres ? new PgInbox(options.postgres.schema) : null },
    ];
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController, healthCommandController(app, config)],
      providers,
      exports: providers.filter((p) => p !== PlatformLifecycle),
    };
  }
}

function mongoWatchdogOf() {
  const logger = new Logger('MongoMonitorWatchdog');
  return { onReconnect: (reason: string) => logger.error(`document store client reconnected: ${reason}`) };
}

function redisOptionsOf(app: AppName) {
  const logger = new Logger('Redis');
  // Readiness reports the outage (pingRedis); the log says why, once per reconnect attempt.
  return { name: app, onError: (error: Error) => logger.warn(`redis: ${error.message}`) };
}

function postgresProvider(options: PlatformOptions): Provider {
  return {
    provide: DataSource,
    useFactory: async () => {
      const pg = options.postgres;
      if (!pg) return null;
      return retryStart('postgres', async () => {
        const ds = createPostgres({
          url: options.config.POSTGRES_URL, schema: pg.schema, entities: pg.entities, migrations: pg.migrations,
          poolSize: options.config.POSTGRES_POOL_SIZE, applicationName: `labflow-${options.app}`,
        });
        await ds.initialize();
        try {
          await migrate(ds, pg.schema);
        } catch (error) {
          await ds.destroy();
          throw error;
        }
        return ds;
      });
    },
  };
}

/** The gateway asks every app for its readiness over Kafka (`<app>.health`), proving the whole path. */
export const healthPatternOf = (app: AppName): string => `${app}.health`;

function healthCommandController(app: AppName, config: CommonConfig): Type<unknown> {
  @Controller()
  class HealthCommands {
    constructor(private readonly registry: HealthRegistry) {}

    @MessagePattern(healthPatternOf(app))
    async health(): Promise<unknown> {
      const report = await this.registry.report();
      return { ok: true, status: 200, body: { ...report, instance: config.INSTANCE_ID } };
    }
  }
  return HealthCommands;
}
