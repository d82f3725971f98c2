import { CustomTransportStrategy, EventPattern, MessageHandler, Server } from '@nestjs/microservices';
import { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { AppName, commandTopicOf, CommandReply, Envelope, REPLY_TOPIC, REPLY_TOPICS, topicByName } from '@labflow/contracts';
import { traceHeaders } from '@labflow/platform/observability';
import { AppliedEvents } from '../consistency/applied-events';
import { ConsistencyGate } from '../consistency/consistency-gate';
import { HEADER, headerString } from '../wire';
import { BatchHandlerFn, BatchProcessor } from './batch-processor';
import { ConsumerRunner } from './consumer-runner';
import { DeadLetterWriter } from './dead-letter';
import { KafkaBatchContext, KafkaMessageContext } from './message-context';
import { MessageHandlerFn, MessageProcessor } from './message-processor';

export interface KafkaTransportOptions {
  app: AppName;
  kafka: Kafka;
  producer: Producer;
  concurrency: number;
  maxAttempts: number;
  backoffMs: number;
  /** Consumer group prefix; tests use their own to read topics independently. */
  groupPrefix?: string;
  /** Environment prefix of physical topic names. */
  topicPrefix?: string;
  /** false: no event consumer is started (KAFKA_CONSUME_EVENTS); commands are still answered. */
  consumeEvents?: boolean;
  /** Read your writes: how this app tells an event applied, and how long a command waits for one. */
  consistency?: { applied: AppliedEvents | null; boundMs: number };
}

/**
 * A Nest microservice transport on kafkajs with LabFlow's delivery rules: `@EventPattern(topic)`
 * handlers consume catalog topics in group `labflow.<app>`; `@MessagePattern(command)` handlers
 * answer the gateway's commands from `<app>.commands` in group `labflow.<app>.commands`, so a
 * slow event never delays a command. `@EventBatchPattern(topic)` handlers get consecutive messages of a
 * partition together (BatchProcessor).
 */
export class KafkaTransport extends Server implements CustomTransportStrategy {
  private readonly runners: ConsumerRunner[] = [];
  private readonly deadLetters: DeadLetterWriter;
  private stopping = false;

  constructor(private readonly options: KafkaTransportOptions) {
    super();
    this.deadLetters = new DeadLetterWriter(options.producer, () => !this.stopping);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const eventTopics: string[] = [];
      let hasCommands = false;
      for (const [pattern, handler] of this.messageHandlers) {
        if (!handler.isEventHandler) {
          hasCommands = true;
          continue;
        }
        if (!topicByName(pattern)) throw new Error(`@EventPattern('${pattern}') is not a topic of the catalog`);
        eventTopics.push(pattern);
      }
      const prefix = this.options.groupPrefix ?? 'labflow';
      const physical = (topic: string) => `${this.topicPrefix}${topic}`;
      if (eventTopics.length > 0 && this.options.consumeEvents !== false) this.runners.push(this.runner(`${prefix}.${this.options.app}`, 'events', eventTopics.map(physical)));
      if (hasCommands) {
        const gate = this.options.consistency
          ? new ConsistencyGate({ ...this.options.consistency, consumedTopics: new Set(eventTopics) })
          : undefined;
        this.runners.push(this.runner(`${prefix}.${this.options.app}.commands`, 'commands', [physical(commandTopicOf(this.options.app))], gate));
      }
      await Promise.all(this.runners.map((r) => r.start()));
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  on(): void {
    throw new Error('KafkaTransport does not expose transport events');
  }

  unwrap<T>(): T {
    return this.runners as T;
  }

  /** For readiness and metrics. */
  consumers(): readonly ConsumerRunner[] {
    return this.runners;
  }

  get deadLettersWritten(): number {
    return this.deadLetters.written;
  }

  private get topicPrefix(): string {
    return this.options.topicPrefix ?? '';
  }

  private runner(groupId: string, kind: 'events' | 'commands', topics: string[], consistency?: ConsistencyGate): ConsumerRunner {
    const processor = new MessageProcessor({
      consistency,
      consumerGroup: groupId,
      topicPrefix: this.topicPrefix,
      kind,
      maxAttempts: this.options.maxAttempts,
      backoffMs: this.options.backoffMs,
      deadLetters: this.deadLetters,
      isRunning: () => !this.stopping,
      resolveHandler: (key) => this.resolve(key, kind),
      reply: (envelope, reply, command) => this.reply(envelope, reply, command),
    });
    const batches = kind === 'events' ? new BatchProcessor(processor, (topic) => this.resolveBatch(topic)) : undefined;
    return new ConsumerRunner({ kafka: this.options.kafka, groupId, topics, concurrency: this.options.concurrency, processor, batches });
  }

  private resolve(key: string, kind: 'events' | 'commands'): MessageHandlerFn | null {
    const handler: MessageHandler | null = this.getHandlerByPattern(key);
    if (!handler || Boolean(handler.isEventHandler) !== (kind === 'events')) return null;
    // a batch handler applies a message alone as a batch of one
    if (isBatchHandler(handler)) return (payload, ctx) => this.invoke(handler, [payload], new KafkaBatchContext([ctx]));
    return (payload: unknown, ctx: KafkaMessageContext) => this.invoke(handler, payload, ctx);
  }

  private resolveBatch(topic: string): BatchHandlerFn | null {
    const handler: MessageHandler | null = this.getHandlerByPattern(topic);
    if (!handler?.isEventHandler || !isBatchHandler(handler)) return null;
    return async (payloads, batch) => {
      await this.invoke(handler, payloads, batch);
    };
  }

  private async invoke(handler: MessageHandler, data: unknown, ctx: KafkaMessageContext | KafkaBatchContext): Promise<unknown> {
    const result = await handler(data, ctx);
    return lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  /**
   * Sent while the command's span is current: the reply carries it back to the caller, on the reply
   * topic its `reply-to` header names (one of REPLY_TOPICS; the gateway's otherwise).
   */
  private async reply(envelope: Envelope, reply: CommandReply, command: KafkaMessage): Promise<void> {
    const asked = headerString(command.headers, HEADER.replyTo);
    await this.options.producer.send({
      topic: `${this.topicPrefix}${asked && REPLY_TOPICS.includes(asked) ? asked : REPLY_TOPIC}`,
      acks: -1,
      messages: [{
        key: envelope.id,
        value: JSON.stringify(reply),
        headers: { [HEADER.requestId]: envelope.id, [HEADER.correlationId]: envelope.correlationId, ...traceHeaders() },
      }],
    });
  }
}

const BATCH = 'labflowBatch';

/**
 * `@EventPattern` whose handler takes consecutive messages of a partition at once:
 * `(@Payload() events: T[], @Ctx() batch: KafkaBatchContext)`, all applied or none (then each alone).
 */
export const EventBatchPattern = (topic: string): MethodDecorator => EventPattern(topic, { [BATCH]: true });

const isBatchHandler = (handler: MessageHandler): boolean => handler.extras?.[BATCH] === true;
