import { Global, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';
import { REPLY_TOPIC } from '@labflow/contracts';
import { CommandBus } from '@labflow/platform/kafka';
import { APP_CONFIG, KAFKA, KAFKA_PRODUCER, retryStart } from '@labflow/platform/service';
import { GatewayConfig } from '../gateway.config';
import { CommandForwarder } from './command-forwarder';

@Injectable()
class CommandBusLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly bus: CommandBus) {}

  async onModuleInit(): Promise<void> {
    await retryStart('kafka reply consumer', () => this.bus.start());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.stop();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: CommandBus,
      inject: [KAFKA, KAFKA_PRODUCER, APP_CONFIG],
      useFactory: (kafka: Kafka, producer: Producer, config: GatewayConfig) =>
        new CommandBus(kafka, producer, config.INSTANCE_ID, config.COMMAND_TIMEOUT_MS, config.KAFKA_TOPIC_PREFIX, {
          replyTopic: REPLY_TOPIC, groupPrefix: config.KAFKA_GROUP_PREFIX,
        }),
    },
    CommandBusLifecycle,
    CommandForwarder,
  ],
  exports: [CommandBus, CommandForwarder],
})
export class BusModule {}

