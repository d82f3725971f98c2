import { Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';
import { AppName, replyTopicOf } from '@labflow/contracts';
import { CommonConfig } from '@labflow/platform/config';
import { CommandBus } from '@labflow/platform/kafka';
import { HealthRegistry } from '../health/health.registry';
import { retryStart } from '../retry-start';
import { APP_CONFIG, KAFKA, KAFKA_PRODUCER, SERVICE_IDENTITY } from '../tokens';

/** Starts the bus with the app (it must read replies before it asks), stops it with the app, and makes it part of readiness. */
@Injectable()
class CommandBusLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus, private readonly health: HealthRegistry) {}

  async onModuleInit(): Promise<void> {
    await retryStart('kafka reply consumer', () => this.bus.start());
    this.health.register('command-bus', async () => {
      if (!this.bus.isReady) throw new Error('request/reply bus not ready');
      return {};
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.stop();
  }
}

/**
 * For a service that asks another service synchronously: the Kafka request/reply `CommandBus`
 * (commands to `<app>.commands`, replies on its own `<app>.replies`), one per instance.
 * Import beside `PlatformModule.forRoot(...)`, which provides Kafka and the config.
 */
@Module({
  providers: [
    {
      provide: CommandBus,
      inject: [KAFKA, KAFKA_PRODUCER, APP_CONFIG, SERVICE_IDENTITY],
      useFactory: (kafka: Kafka, producer: Producer, config: CommonConfig, identity: { app: AppName }) =>
        new CommandBus(kafka, producer, `${identity.app}-${config.INSTANCE_ID}`, config.COMMAND_TIMEOUT_MS, config.KAFKA_TOPIC_PREFIX, {
          replyTopic: replyTopicOf(identity.app), groupPrefix: config.KAFKA_GROUP_PREFIX,
        }),
    },
    CommandBusLifecycle,
  ],
  exports: [CommandBus],
})
export class RequestReplyModule {}
