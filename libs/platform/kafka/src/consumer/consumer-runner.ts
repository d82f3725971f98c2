import { Logger } from '@nestjs/common';
import { Consumer, ConsumerRunConfig, EachBatchPayload, Kafka } from 'kafkajs';
import { sharedAdminOf } from '../admin/shared-admin';
import { BatchProcessor } from './batch-processor';
import { MessageProcessor } from './message-processor';

/** At most this many messages of a partition go to a batch handler at once (one transaction each). */
const MAX_BATCH = 50;

export interface ConsumerRunnerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  concurrency: number;
  processor: MessageProcessor;
  /** Batch handlers of some topics: the member then reads whole fetches of a partition (eachBatch). */
  batches?: BatchProcessor;
}

export type ConsumerState = 'stopped' | 'starting' | 'running' | 'crashed';

/**
 * One kafkajs consumer group member. Offsets are committed only after the processor returns,
 * so a crash mid-message redelivers it (the inbox makes that harmless). Tracks its own state for
 * readiness: a crash that kafkajs will not restart from turns readiness red.
 */
export class ConsumerRunner {
  private readonly logger: Logger;
  private consumer: Consumer | null = null;
  private inFlight = 0;
  state: ConsumerState = 'stopped';
  lastError: string | null = null;
  running = false;

  constructor(private readonly options: ConsumerRunnerOptions) {
    this.logger = new Logger(`ConsumerRunner:${options.groupId}`);
  }

  async start(): Promise<void> {
    if (this.options.topics.length === 0) return;
    this.running = true;
    await this.startConsumer();
  }

  private async startConsumer(): Promise<void> {
    this.state = 'starting';
    const consumer = this.options.kafka.consumer({
      groupId: this.options.groupId,
      // A member that died (SIGKILL, broker restart) is noticed in ~10 s, so its partitions move on.
      sessionTimeout: 10000,
      rebalanceTimeout: 30000,
      heartbeatInterval: 1000,
      // The broker answers a fetch as soon as a message arrives; this only bounds an idle fetch, so a
      // long wait costs no latency and saves the idle polling of every group (CPU on a small machine).
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
      retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 5000 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.state = 'running';
      this.lastError = null;
    });
    consumer.on(consumer.events.CRASH, (event) => {
      this.lastError = event.payload.error.message;
      this.state = 'crashed';
      this.logger.error(`consumer crashed (restart: ${event.payload.restart}): ${event.payload.error.message}`);
      // kafkajs gives up on "non-retriable" errors (e.g. no group coordinator while a broker
      // restarts). A consumer that stays down loses nothing but delays every result: start anew.
      if (!event.payload.restart) this.scheduleRestart(consumer);
    });
    consumer.on(consumer.events.FETCH_START, () => {
      if (this.state === 'crashed' && this.running) this.state = 'running';
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({ partitionsConsumedConcurrently: this.options.concurrency, autoCommit: true, autoCommitInterval: 500, ...this.handling() });
  }

  /** One message at a time, or (a topic with a batch handler) consecutive messages of a partition together. */
  private handling(): Pick<ConsumerRunConfig, 'eachMessage' | 'eachBatch' | 'eachBatchAutoResolve'> {
    const { processor, batches, topics } = this.options;
    if (!batches || !topics.some((t) => batches.accepts(t))) {
      return {
        eachMessage: async ({ topic, partition, message, heartbeat }) => {
          this.inFlight++;
          try {
            await processor.process({ topic, partition, message, heartbeat });
          } finally {
            this.inFlight--;
          }
        },
      };
    }
    return { eachBatchAutoResolve: false, eachBatch: (payload) => this.eachBatch(payload, batches) };
  }

  /**
   * Offsets are resolved only up to what is done, and committed at the autoCommitInterval as eachMessage
   * does (kafkajs commits an eachBatch fetch only when it returns); a rebalance (stale batch) or a stop
   * ends the loop.
   */
  private async eachBatch(
    { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload, batches: BatchProcessor,
  ): Promise<void> {
    const { topic, partition, messages } = batch;
    const size = batches.accepts(topic) ? MAX_BATCH : 1;
    for (let i = 0; i < messages.length && isRunning() && !isStale(); i += size) {
      const chunk = messages.slice(i, i + size);
      this.inFlight += chunk.length;
      try {
        await batches.process(chunk.map((message) => ({ topic, partition, message, heartbeat })), () => this.running && isRunning());
      } finally {
        this.inFlight -= chunk.length;
      }
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private scheduleRestart(crashed: Consumer, attempt = 1): void {
    const wait = Math.min(10_000, 1000 * attempt);
    setTimeout(() => {
      if (!this.running || this.consumer !== crashed) return;
      void (async () => {
        await crashed.disconnect().catch(() => undefined);
        try {
          await this.startConsumer();
          this.logger.log(`consumer restarted after crash (attempt ${attempt})`);
        } catch (error) {
          this.lastError = (error as Error).message;
          this.state = 'crashed';
          this.scheduleRestart(this.consumer ?? crashed, attempt + 1);
        }
      })();
    }, wait).unref();
  }

  /** Drains: stops fetching, lets in-flight messages finish, commits, leaves the group. */
  async stop(): Promise<void> {
    this.running = false;
    const consumer = this.consumer;
    this.consumer = null;
    if (!consumer) return;
    await consumer.disconnect().catch((e: Error) => this.logger.warn(`disconnect: ${e.message}`));
    this.state = 'stopped';
  }

  get busy(): number {
    return this.inFlight;
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /**
   * Lag of the group per topic partition: high watermark minus the committed offset (the low
   * watermark before the group's first commit). Asked on every /metrics scrape, so it uses the app's
   * one shared admin, and the group's offsets and every topic's watermarks are fetched at once.
   */
  async lag(): Promise<{ topic: string; partition: number; lag: number }[]> {
    const { groupId, topics } = this.options;
    return sharedAdminOf(this.options.kafka).use(async (admin) => {
      const [committed, watermarks] = await Promise.all([
        admin.fetchOffsets({ groupId, topics }),
        Promise.all(topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) }))),
      ]);
      const ends = new Map(watermarks.flatMap((t) => t.partitions.map((p) => [`${t.topic}:${p.partition}`, p] as const)));
      return committed.flatMap((t) => t.partitions.map((p) => {
        const end = ends.get(`${t.topic}:${p.partition}`);
        const high = Number(end?.high ?? 0);
        const from = Number(p.offset) < 0 ? Number(end?.low ?? 0) : Number(p.offset);
        return { topic: t.topic, partition: p.partition, lag: Math.max(0, high - from) };
      }));
    });
  }
}
