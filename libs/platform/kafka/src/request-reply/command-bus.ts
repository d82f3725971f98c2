import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, Producer } from 'kafkajs';
import type { Context } from '@opentelemetry/api';
import {
  commandTopicOf, CommandReply, CommandRequest, CommandSpec, InputOf, newEnvelope, Principal, ResultOf, WrittenEvent,
} from '@labflow/contracts';
import { traceHeaders } from '@labflow/platform/observability';
import { headerString, HEADER, toKafkaMessage } from '../wire';

export interface SendOptions {
  correlationId: string;
  causationId?: string | null;
  /** Kafka key: the aggregate the command touches, so commands on one aggregate stay in order. */
  key?: string;
  /** A client-supplied idempotency key becomes the command id, so a retried request is applied once. */
  commandId?: string;
  timeoutMs?: number;
  /** The span the command belongs to (the gateway's HTTP request); default: the current one. */
  traceContext?: Context;
  /** Read your writes: events of the caller's earlier writes the serving app applies first. */
  awaits?: WrittenEvent[];
}

interface Pending {
  resolve: (reply: CommandReply) => void;
  timer: NodeJS.Timeout;
}

/**
 * The asking side of request/reply over Kafka: sends a command envelope to `<app>.commands` and
 * waits for the reply on its own reply topic (`gateway.replies` for the gateway, `<app>.replies` for
 * an app that asks another), named in the command's `reply-to` header. Each instance reads every
 * partition of that topic in a group of its own (never committed, so a stopped instance leaves no
 * group behind) and keeps the replies addressed to its pending requests.
 */
export class CommandBus {
  private readonly logger = new Logger('CommandBus');
  /** Waiters per command id: a retry sent with the same Idempotency-Key while the first is in flight shares its reply. */
  private readonly pending = new Map<string, Pending[]>();
  private consumer: Consumer | null = null;
  private ready = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly instanceId: string,
    private readonly defaultTimeoutMs: number,
    private readonly topicPrefix: string,
    /** The asking app's own reply topic (REPLY_TOPICS), and the environment's consumer group prefix. */
    private readonly where: { replyTopic: string; groupPrefix: string },
  ) {}

  private get replyTopic(): string {
    return this.where.replyTopic;
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: `${this.where.groupPrefix}.${this.replyTopic}.${this.instanceId}.${randomUUID()}`,
      maxWaitTimeInMs: 1000, // answered at once when a reply arrives; bounds idle fetches only
      sessionTimeout: 30000,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [`${this.topicPrefix}${this.replyTopic}`], fromBeginning: false });
    await consumer.run({
      // a new group of this instance starts at the latest offset anyway: nothing to remember
      autoCommit: false,
      partitionsConsumedConcurrently: 6,
      eachMessage: async ({ message }) => {
        const requestId = headerString(message.headers, HEADER.requestId);
        const waiting = requestId ? this.pending.get(requestId) : undefined;
        if (!waiting || !requestId) return;
        this.pending.delete(requestId);
        let reply: CommandReply;
        try {
          reply = JSON.parse(message.value?.toString('utf8') ?? 'null') as CommandReply;
        } catch {
          reply = { ok: false, status: 502, error: { code: 'BAD_REPLY', message: 'Unreadable reply' } };
        }
        for (const w of waiting) {
          clearTimeout(w.timer);
          w.resolve(reply);
        }
      },
    });
    await this.awaitPositioned();
  }

  async stop(): Promise<void> {
    this.ready = false;
    for (const [id, waiting] of this.pending) {
      for (const p of waiting) {
        clearTimeout(p.timer);
        p.resolve({ ok: false, status: 503, error: { code: 'SHUTTING_DOWN', message: 'Gateway is shutting down' } });
      }
      this.pending.delete(id);
    }
    await this.consumer?.disconnect().catch(() => undefined);
  }

  get isReady(): boolean {
    return this.ready;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async send<C extends CommandSpec<any, any>>(
    spec: C,
    principal: Principal | null,
    input: InputOf<C>,
    options: SendOptions,
  ): Promise<CommandReply<ResultOf<C>>> {
    const request: CommandRequest<InputOf<C>> = { principal, input };
    if (options.awaits && options.awaits.length > 0) request.awaits = options.awaits;
    const envelope = newEnvelope(spec.pattern, 1, request, {
      labId: principal?.labId ?? null,
      correlationId: options.correlationId,
      causationId: options.causationId ?? null,
    });
    if (options.commandId) envelope.id = options.commandId;
    let waiter: Pending | undefined;
    const reply = new Promise<CommandReply>((resolve) => {
      const timer = setTimeout(() => {
        this.removeWaiter(envelope.id, waiter);
        resolve({ ok: false, status: 504, error: { code: 'TIMEOUT', message: `${spec.app} did not answer in time` } });
      }, options.timeoutMs ?? this.defaultTimeoutMs);
      waiter = { resolve, timer };
      this.pending.set(envelope.id, [...(this.pending.get(envelope.id) ?? []), waiter]);
    });
    try {
      await this.producer.send({
        topic: `${this.topicPrefix}${commandTopicOf(spec.app)}`,
        acks: -1,
        messages: [toKafkaMessage(options.key ?? envelope.id, envelope, { [HEADER.replyTo]: this.replyTopic, ...traceHeaders(options.traceContext) })],
      });
    } catch (error) {
      if (waiter) clearTimeout(waiter.timer);
      this.removeWaiter(envelope.id, waiter);
      this.logger.warn(`send ${spec.pattern} failed: ${(error as Error).message}`);
      return { ok: false, status: 503, error: { code: 'BROKER_UNAVAILABLE', message: 'Service temporarily unavailable, try again' } };
    }
    return reply as Promise<CommandReply<ResultOf<C>>>;
  }

  /**
   * A new group starts reading at the latest offset only once it has fetched; a reply that arrives
   * before that would be missed. Sending a probe to ourselves until it comes back proves we read.
   */
  private async awaitPositioned(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const probeId = randomUUID();
      const back = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          this.pending.delete(probeId);
          resolve(false);
        }, 1000);
        this.pending.set(probeId, [{ resolve: () => resolve(true), timer }]);
      });
      await this.producer.send({
        topic: `${this.topicPrefix}${this.replyTopic}`,
        messages: [{ key: probeId, value: JSON.stringify({ ok: true, status: 200, body: 'probe' }), headers: { [HEADER.requestId]: probeId } }],
      });
      if (await back) {
        this.ready = true;
        return;
      }
    }
    throw new Error(`reply consumer did not start reading ${this.replyTopic} within 60s`);
  }

  private removeWaiter(id: string, waiter: Pending | undefined): void {
    const rest = (this.pending.get(id) ?? []).filter((w) => w !== waiter);
    if (rest.length > 0) this.pending.set(id, rest);
    else this.pending.delete(id);
  }
}
