import { Inject, Injectable, OnApplicationShutdown, OnModuleInit, Provider } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { CommonConfig } from '@labflow/platform/config';
import { CommandBus, MongoOutboxRelay } from '@labflow/platform/kafka';
import { APP_CONFIG, HealthRegistry, KAFKA, KAFKA_PRODUCER, MONGO_CONNECTION, registerOutboxGauges } from '@labflow/platform/service';
import { LIFECYCLE_COLLECTION } from './rerun-lifecycle.repository';

/**
 * What the rerun app adds to the platform: the MongoDB outbox relay of its lifecycle documents and a
 * request/reply bus to ask reporting (the gateway's CommandBus, usable from any app).
 */
export const RERUN_PLATFORM_PROVIDERS: Provider[] = [
  {
    provide: MongoOutboxRelay,
    inject: [MONGO_CONNECTION, KAFKA_PRODUCER, APP_CONFIG],
    useFactory: (mongo: Connection, producer: Producer, config: CommonConfig) => {
      if (!mongo.db) throw new Error('document store not connected');
      return new MongoOutboxRelay({
        db: mongo.db, collections: [LIFECYCLE_COLLECTION], producer, owner: 'rerun', topicPrefix: config.KAFKA_TOPIC_PREFIX,
      });
    },
  },
  {
    provide: CommandBus,
    inject: [KAFKA, KAFKA_PRODUCER, APP_CONFIG],
    useFactory: (kafka: Kafka, producer: Producer, config: CommonConfig) =>
      new CommandBus(kafka, producer, `rerun-${config.INSTANCE_ID}`, config.COMMAND_TIMEOUT_MS, config.KAFKA_TOPIC_PREFIX),
  },
];

@Injectable()
export class RerunPlatformLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly relay: MongoOutboxRelay,
    @Inject(CommandBus) private readonly bus: CommandBus,
    private readonly health: HealthRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    this.relay.start();
    await this.bus.start();
    this.health.register('outbox', async () => ({ ...(await this.relay.backlog()), lastError: this.relay.lastError }));
    registerOutboxGauges(() => this.relay.backlog()); // the same gauges as the PostgreSQL outboxes
    this.health.register('reporting-bus', async () => {
      if (!this.bus.isReady) throw new Error('request/reply bus not ready');
      return {};
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.stop();
    await this.relay.stop();
  }
}
