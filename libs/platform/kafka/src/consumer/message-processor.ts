import { Logger } from '@nestjs/common';
import { KafkaMessage } from 'kafkajs';
import { CommandReply, Envelope, envelopeProblems, topicByName, validatePayload } from '@labflow/contracts';
import { handlerDuration, handlerFailures, runWithCorrelation } from '@labflow/platform/observability';
import { ConsistencyGate } from '../consistency/consistency-gate';
import { collectWrittenEvents } from '../consistency/written-events';
import { DomainException, isTransientInfraError } from '../errors';
import { DeadLetterReason, DeadLetterWriter } from './dead-letter';
import { KafkaMessageContext } from './message-context';
import { MessageOutcome, MessageSpan } from './message-span';

export type MessageHandlerFn = (payload: unknown, ctx: KafkaMessageContext) => Promise<unknown>;

export interface ProcessorOptions {
  consumerGroup: string;
  /** Environment prefix of the physical topic names (stripped to find the catalog topic). */
  topicPrefix: string;
  /** 'events': catalog topics, payload validated against the topic; 'commands': request/reply. */
  kind: 'events' | 'commands';
  maxAttempts: number;
  backoffMs: number;
  resolveHandler: (key: string) => MessageHandlerFn | null;
  deadLetters: DeadLetterWriter;
  /** Answers a command; `command` is the message it came in (its `reply-to` header names the topic). */
  reply: (envelope: Envelope, reply: CommandReply, command: KafkaMessage) => Promise<void>;
  isRunning: () => boolean;
  /** Commands: waits for the events of the caller's earlier writes this app consumes (read your writes). */
  consistency?: ConsistencyGate;
}

export interface Admitted {
  envelope: Envelope;
  handler: MessageHandlerFn;
  payload: unknown;
}

export interface ProcessInput {
  topic: string;
  partition: number;
  message: KafkaMessage;
  heartbeat: () => Promise<void>;
}

class Rejected extends Error {
  constructor(readonly reason: DeadLetterReason, message: string) {
    super(message);
  }
}

/**
 * Applies one Kafka message: parse → validate → handler, with retries. Returns only when the
 * message is done (applied, answered, or durably dead-lettered) so its offset may be committed.
 * Each message is one span (MessageSpan) continuing the trace its headers carry.
 * Outages of a store are retried without limit (the message is valid; losing it would lose a
 * result); a handler that keeps rejecting the message sends it to the DLQ after `maxAttempts`.
 */
export class MessageProcessor {
  private readonly logger: Logger;
  handled = 0;
  failed = 0;

  constructor(private readonly options: ProcessorOptions) {
    this.logger = new Logger(`Consumer:${options.consumerGroup}`);
  }

  get consumerGroup(): string {
    return this.options.consumerGroup;
  }

  /** The catalog topic of a physical one (the environment's prefix stripped). */
  logicalTopicOf(topic: string): string {
    return topic.slice(this.options.topicPrefix.length);
  }

  async process(input: ProcessInput): Promise<void> {
    const logicalTopic = this.logicalTopicOf(input.topic);
    const span = new MessageSpan(input, logicalTopic, this.options.consumerGroup);
    let outcome: MessageOutcome;
    try {
      outcome = await span.run(() => this.processInSpan(input, logicalTopic, span));
    } catch (error) {
      span.abandon(error);
      throw error;
    }
    span.end(outcome);
  }

  private async processInSpan(input: ProcessInput, logicalTopic: string, span: MessageSpan): Promise<MessageOutcome> {
    const admitted = await this.admit(input, logicalTopic, span);
    if (!admitted) return 'dead-lettered';
    const { envelope, handler, payload } = admitted;
    const started = process.hrtime.bigint();
    let outcome = 'failed';
    try {
      const done = await runWithCorrelation(
        { correlationId: envelope.correlationId, messageId: envelope.id, topic: logicalTopic },
        () => this.runWithRetries(input, envelope, handler, payload, span),
      );
      outcome = done;
      return done;
    } finally {
      const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
      handlerDuration.observe({ topic: logicalTopic, kind: this.options.kind, outcome }, elapsed);
    }
  }

  /**
   * Reads and checks one message: its envelope, the handler of its type and (events) its payload
   * against the topic's contract. A message that can never be applied is dead-lettered at once
   * (a command without a handler is answered first) and null returned.
   */
  async admit(input: ProcessInput, logicalTopic: string, span: MessageSpan): Promise<Admitted | null> {
    try {
      const envelope = this.parse(input.message);
      span.identify(envelope, this.options.kind);
      const key = this.options.kind === 'commands' ? envelope.type : logicalTopic;
      if (this.options.kind === 'events' && envelope.type !== logicalTopic) {
        throw new Rejected('invalid-envelope', `message type ${envelope.type} does not belong to topic ${logicalTopic}`);
      }
      const handler = this.options.resolveHandler(key);
      if (!handler) {
        if (this.options.kind === 'commands') {
          await this.options.reply(envelope, { ok: false, status: 501, error: { code: 'NO_HANDLER', message: `No handler for ${key}` } }, input.message);
        }
        throw new Rejected('no-handler', `no handler for ${key} in ${this.options.consumerGroup}`);
      }
      return { envelope, handler, payload: this.validatedPayload(logicalTopic, envelope) };
    } catch (error) {
      if (!(error instanceof Rejected)) throw error;
      span.recordFailure(error, 1);
      await this.deadLetter(input, error.reason, error.message, 1);
      return null;
    }
  }

  private parse(message: KafkaMessage): Envelope {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      throw new Rejected('unparseable', 'message value is not JSON');
    }
    const problems = envelopeProblems(parsed);
    if (problems.length > 0) throw new Rejected('invalid-envelope', problems.join('; '));
    return parsed as Envelope;
  }

  private validatedPayload(topic: string, envelope: Envelope): unknown {
    if (this.options.kind === 'commands') return envelope.payload;
    const spec = topicByName(topic);
    if (!spec) throw new Rejected('invalid-envelope', `topic ${topic} is not in the catalog`);
    if (envelope.version !== spec.version) {
      throw new Rejected('invalid-envelope', `version ${envelope.version} of ${topic} is not handled (expects ${spec.version})`);
    }
    const checked = validatePayload(spec.payload, envelope.payload);
    if (checked.problems.length > 0) throw new Rejected('invalid-payload', checked.problems.join('; '));
    return checked.value;
  }

  private async runWithRetries(
    input: ProcessInput, envelope: Envelope, handler: MessageHandlerFn, payload: unknown, span: MessageSpan,
  ): Promise<MessageOutcome> {
    for (let attempt = 1; ; attempt++) {
      const ctx = new KafkaMessageContext(envelope, input.topic, input.partition, input.message.offset, attempt, this.options.consumerGroup);
      try {
        if (this.options.kind === 'commands') {
          await this.options.reply(envelope, await this.answer(handler, payload, ctx), input.message);
        } else {
          await handler(payload, ctx);
        }
        this.recordHandled(envelope, input);
        return 'handled';
      } catch (error) {
        span.recordFailure(error, attempt);
        const transient = isTransientInfraError(error);
        if (!(error instanceof DomainException) || transient) {
          handlerFailures.inc({ topic: this.logicalTopicOf(input.topic), transient: String(transient) });
        }
        if (this.options.kind === 'commands' && (error instanceof DomainException || transient)) {
          // A command is answered at once; nothing was committed by the failed use case.
          if (transient) span.markError('dependency unavailable');
          await this.options.reply(envelope, errorReply(error), input.message);
          this.handled++;
          return 'rejected';
        }
        if (transient) {
          if (!this.options.isRunning()) throw error; // shutting down: leave the offset uncommitted
          this.logger.warn(`${input.topic}@${input.message.offset} waits for a dependency (attempt ${attempt}): ${(error as Error).message}`);
          await this.pause(attempt, input.heartbeat);
          continue;
        }
        if (attempt < this.options.maxAttempts) {
          await this.pause(attempt, input.heartbeat);
          continue;
        }
        this.failed++;
        if (this.options.kind === 'commands') await this.options.reply(envelope, errorReply(error), input.message);
        await this.deadLetter(input, 'handler-failed', describe(error), attempt);
        return 'dead-lettered';
      }
    }
  }

  /**
   * A command: first the events its caller awaits (ConsistencyGate), then the handler, recording the
   * events it commits; the reply names them (`written`) and says when the wait reached its bound (`stale`).
   */
  private async answer(handler: MessageHandlerFn, payload: unknown, ctx: KafkaMessageContext): Promise<CommandReply> {
    const gate = this.options.consistency ? await this.options.consistency.pass((payload as { awaits?: unknown } | null)?.awaits) : null;
    const { result, written } = await collectWrittenEvents(() => handler(payload, ctx));
    const reply = toReply(result);
    if (reply.ok && written.length > 0) reply.written = written;
    if (gate?.stale) reply.stale = true;
    if (gate?.waitedMs !== undefined) reply.waitedMs = gate.waitedMs;
    return reply;
  }

  /** Counts a handled message and logs it (ids only, never the payload: results and patient data stay out of info logs). */
  recordHandled(envelope: Envelope, input: ProcessInput): void {
    this.handled++;
    this.logger.log(`handled ${envelope.type} ${envelope.id} from ${input.topic}[${input.partition}]@${input.message.offset}`);
  }

  private async deadLetter(input: ProcessInput, reason: DeadLetterReason, error: string, attempts: number): Promise<void> {
    await this.options.deadLetters.write({
      topic: input.topic, partition: input.partition, message: input.message, reason, error, attempts,
      consumerGroup: this.options.consumerGroup,
    });
  }

  private async pause(attempt: number, heartbeat: () => Promise<void>): Promise<void> {
    const wait = Math.min(5000, this.options.backoffMs * 2 ** Math.min(attempt - 1, 6));
    await new Promise((r) => setTimeout(r, wait));
    await heartbeat().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function toReply(result: unknown): CommandReply {
  if (isReply(result)) return result;
  return { ok: true, status: 200, body: result ?? null };
}

function isReply(value: unknown): value is CommandReply {
  return typeof value === 'object' && value !== null && 'ok' in value && 'status' in value
    && typeof (value as { status: unknown }).status === 'number';
}

export function errorReply(error: unknown): CommandReply {
  if (error instanceof DomainException) {
    return { ok: false, status: error.status, error: { code: error.code, message: error.message, details: error.details } };
  }
  if (isTransientInfraError(error)) {
    return { ok: false, status: 503, error: { code: 'DEPENDENCY_UNAVAILABLE', message: 'Service temporarily unavailable, try again' } };
  }
  // PostgreSQL class 22 (data exception): a value the schema cannot hold, e.g. an id past int4.
  const pgCode = (error as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code;
  if (typeof pgCode === 'string' && pgCode.startsWith('22')) {
    return { ok: false, status: 400, error: { code: 'INVALID_INPUT', message: `Invalid input: ${(error as Error).message}` } };
  }
  return { ok: false, status: 500, error: { code: 'INTERNAL', message: 'Internal error' } };
}
