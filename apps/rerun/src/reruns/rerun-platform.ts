import { Inject, Injectable, OnApplicationShutdown, OnModuleInit, Provider } from '@nestjs/common';
import { Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { CommonConfig } from '@labflow/platform/config';
import { MongoOutboxRelay } from '@labflow/platform/kafka';
import {
  APP_CONFIG, HealthRegistry, KAFKA_PRODUCER, MONGO_CONNECTION, outboxReadiness, registerOutboxGauges,
} from '@labflow/platform/service';
import { LIFECYCLE_COLLECTION } from './rerun-lifecycle.repository';

/**
 * What the rerun app adds to the platform: the MongoDB outbox relay of its lifecycle documents
 * (its request/reply bus to ask reporting is the platform's RequestReplyModule).
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
];

@Injectable()
export class RerunPlatformLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly relay: MongoOutboxRelay,
    private readonly health: HealthRegistry,
    @Inject(APP_CONFIG) private readonly config: CommonConfig,
  ) {}

  onModuleInit(): void {
    this.relay.start();
    this.health.register('outbox', outboxReadiness(this.relay, () => this.relay.backlog(), this.config.OUTBOX_STALLED_AFTER_MS));
    registerOutboxGauges(() => this.relay.backlog()); // the same gauges as the PostgreSQL outboxes
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
