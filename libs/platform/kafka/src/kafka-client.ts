import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';

export interface KafkaClientOptions {
  brokers: string;
  clientId: string;
}

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'log', [logLevel.DEBUG]: 'debug',
};

/** One kafkajs client per app instance, logging through Nest's logger (kafkajs' idle timer loop: installLibraryPatches at bootstrap). */
export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers.split(',').map((b) => b.trim()).filter(Boolean),
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 100, maxRetryTime: 3000, retries: 10 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const logger = new Logger(`kafkajs:${entry.namespace}`);
      const { message, ...rest } = entry.log;
      const method = LEVELS[entry.level] ?? 'log';
      logger[method](`${message} ${JSON.stringify(rest)}`);
    },
  });
}
