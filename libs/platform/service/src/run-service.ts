import { INestApplication, Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, Producer } from 'kafkajs';
import { AppName } from '@labflow/contracts';
import { CommonConfig } from '@labflow/platform/config';
import { DataSource } from 'typeorm';
import { KafkaTransport, PgAppliedEvents } from '@labflow/platform/kafka';
import { gaugeOnScrape, JsonLogger, stopTracing } from '@labflow/platform/observability';
import { HealthRegistry } from './health/health.registry';
import { PassthroughRpcFilter } from './passthrough-rpc.filter';
import { instrumentHttp } from './metrics/instrument-http';
import { startAppTracing } from './tracing/start-app-tracing';
import { KAFKA, KAFKA_PRODUCER, SERVICE_IDENTITY } from './tokens';

export interface RunServiceOptions {
  app: AppName;
  module: Type<unknown>;
  config: CommonConfig & { HOST: string; PORT: number };
}

/**
 * Starts a LabFlow service: HTTP for health (and metrics), the Kafka transport for its event and
 * command handlers. On SIGTERM/SIGINT it drains the consumers first, then closes the stores.
 */
export async function runService(options: RunServiceOptions): Promise<INestApplication> {
  const logger = new Logger(options.app);
  startAppTracing(options.app, options.config);
  const app = await NestFactory.create<NestFastifyApplication>(options.module, new FastifyAdapter(), {
    logger: new JsonLogger(options.app, options.config.LOG_LEVEL),
  });
  instrumentHttp(app);
  const transport = new KafkaTransport({
    app: options.app,
    kafka: app.get<Kafka>(KAFKA),
    producer: app.get<Producer>(KAFKA_PRODUCER),
    concurrency: options.config.KAFKA_CONCURRENCY,
    maxAttempts: options.config.KAFKA_MAX_ATTEMPTS,
    backoffMs: options.config.KAFKA_RETRY_BACKOFF_MS,
    topicPrefix: options.config.KAFKA_TOPIC_PREFIX,
    groupPrefix: options.config.KAFKA_GROUP_PREFIX,
    consumeEvents: options.config.KAFKA_CONSUME_EVENTS,
    consistency: { applied: appliedEventsOf(app), boundMs: options.config.CONSISTENCY_WAIT_MS },
  });
  // connectMicroservice() builds the handlers' filter chain at once, before APP_FILTER providers are
  // applied: the pass-through filter must be global on the app config the microservice inherits, or
  // Nest's default RPC filter turns every DomainException into "Internal server error" (a 500 reply).
  app.useGlobalFilters(new PassthroughRpcFilter());
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  app.get(HealthRegistry).register('kafka-consumers', async () => {
    const states = transport.consumers().map((c) => ({ state: c.state, busy: c.busy, lastError: c.lastError }));
    const bad = states.find((s) => s.state === 'crashed' || s.state === 'stopped');
    if (bad) throw new Error(`consumer ${bad.state}: ${bad.lastError ?? ''}`);
    return { consumers: states, deadLetters: transport.deadLettersWritten };
  });
  gaugeOnScrape('labflow_kafka_consumer_lag', 'Messages not yet consumed, per group, topic and partition', ['group', 'topic', 'partition'], async (g) => {
    for (const consumer of transport.consumers()) {
      for (const p of await consumer.lag()) g.set({ group: consumer.groupId, topic: p.topic, partition: String(p.partition) }, p.lag);
    }
  });
  await app.startAllMicroservices();
  await app.listen(options.config.PORT, options.config.HOST);
  logger.log(`${options.app} ready on http://${options.config.HOST}:${options.config.PORT}`);
  installShutdown(app, transport, logger);
  return app;
}

/** Read your writes: an app's inbox tells which events it applied (a PostgreSQL app's; others do not wait). */
function appliedEventsOf(app: INestApplication): PgAppliedEvents | null {
  const { schema } = app.get<{ schema: string | null }>(SERVICE_IDENTITY);
  const dataSource = app.get(DataSource, { strict: false }) as DataSource | null;
  return schema && dataSource ? new PgAppliedEvents(dataSource, schema) : null;
}

export function installShutdown(app: INestApplication, transport: KafkaTransport | null, logger: Logger): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: draining`);
    const hardStop = setTimeout(() => process.exit(1), 30_000);
    hardStop.unref();
    void (async () => {
      await transport?.close();
      await app.close();
      await stopTracing(); // flushes the last spans to the exporters
      process.exit(0);
    })();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
