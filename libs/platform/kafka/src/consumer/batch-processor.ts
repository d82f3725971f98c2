import { Logger } from '@nestjs/common';
import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { asException, handlerDuration, runWithCorrelation, runWithTraceContext, tracer } from '@labflow/platform/observability';
import { KafkaBatchContext, KafkaMessageContext } from './message-context';
import { Admitted, MessageProcessor, ProcessInput } from './message-processor';
import { MessageSpan } from './message-span';

/** Applies all payloads of a batch, in order, or throws having applied none of them durably. */
export type BatchHandlerFn = (payloads: unknown[], batch: KafkaBatchContext) => Promise<void>;

interface Item extends Admitted {
  input: ProcessInput;
  span: MessageSpan;
}

/**
 * Hands consecutive messages of one partition to a batch handler (`@EventBatchPattern`) in one call,
 * so a backlog is applied with one transaction per batch instead of per message. Each message still
 * gets its own span (a child of its producer's, so a result's trace is unbroken), its own checks and
 * dead-lettering of what can never be applied; an envelope repeated within the batch reaches the
 * handler once (a repeat in a later batch is the handler's inbox to absorb). If the batch handler
 * throws, every message of the batch is applied again on its own by MessageProcessor, with its
 * retries, backoff and DLQ: a bad message costs the batch one attempt, never the other messages.
 */
export class BatchProcessor {
  private readonly logger: Logger;

  constructor(private readonly messages: MessageProcessor, private readonly handlerOf: (topic: string) => BatchHandlerFn | null) {
    this.logger = new Logger(`Consumer:${messages.consumerGroup}`);
  }

  accepts(topic: string): boolean {
    return this.handlerOf(this.messages.logicalTopicOf(topic)) !== null;
  }

  /** Returns when every message is done (applied or dead-lettered), so the last offset may be committed. */
  async process(inputs: ProcessInput[], isRunning: () => boolean): Promise<void> {
    const topic = this.messages.logicalTopicOf(inputs[0].topic);
    const handler = this.handlerOf(topic);
    if (!handler || inputs.length === 1) {
      for (const input of inputs) await this.messages.process(input);
      return;
    }
    const { admitted, items } = await this.admitAll(inputs, topic);
    if (items.length === 0) return;
    const started = process.hrtime.bigint();
    try {
      await this.runBatch(topic, handler, items);
    } catch (error) {
      for (const item of admitted) item.span.batchFailed(error);
      if (!isRunning()) throw error; // shutting down: the offsets stay uncommitted, the messages return
      this.logger.warn(`a batch of ${items.length} ${topic} messages failed (${(error as Error).message}): applying each on its own`);
      for (const item of admitted) {
        await this.messages.process(item.input);
        await item.input.heartbeat(); // as eachMessage does between messages: a slow fallback keeps the member alive
      }
      return;
    }
    // the metric is per message: each gets its share of the batch's time
    const share = Number(process.hrtime.bigint() - started) / 1e9 / items.length;
    for (let n = 0; n < items.length; n++) handlerDuration.observe({ topic, kind: 'events', outcome: 'handled' }, share);
    for (const item of admitted) {
      inMessage(item, topic, () => this.messages.recordHandled(item.envelope, item.input));
      item.span.end('handled');
    }
  }

  /**
   * Each message checked in its own span (what can never be applied is dead-lettered now); an envelope
   * repeated within the batch (a producer's retry) reaches the handler once (`items`) and shares the
   * first one's outcome (`admitted` has every admitted message, in partition order).
   */
  private async admitAll(inputs: ProcessInput[], topic: string): Promise<{ admitted: Item[]; items: Item[] }> {
    const admitted: Item[] = [];
    const ids = new Set<string>();
    for (const input of inputs) {
      const span = new MessageSpan(input, topic, this.messages.consumerGroup);
      let found: Admitted | null;
      try {
        found = await span.run(() => this.messages.admit(input, topic, span));
      } catch (error) {
        for (const open of [...admitted, { span }]) open.span.abandon(error);
        throw error;
      }
      if (!found) {
        span.end('dead-lettered');
        continue;
      }
      admitted.push({ ...found, input, span });
    }
    const items = admitted.filter(({ envelope }) => {
      if (ids.has(envelope.id)) return false;
      ids.add(envelope.id);
      return true;
    });
    return { admitted, items };
  }

  /** The batch's own span links every message's span (OpenTelemetry's model of batch processing). */
  private async runBatch(topic: string, handler: BatchHandlerFn, items: Item[]): Promise<void> {
    const span = tracer().startSpan(`process ${topic} batch`, {
      kind: SpanKind.CONSUMER,
      links: items.map((i) => i.span.link),
      attributes: { 'messaging.system': 'kafka', 'messaging.batch.message_count': items.length, 'messaging.consumer.group.name': this.messages.consumerGroup },
    });
    try {
      const contexts = items.map(({ envelope, input, span: own }) =>
        new KafkaMessageContext(envelope, input.topic, input.partition, input.message.offset, 1, this.messages.consumerGroup, own.traceContext));
      await runWithTraceContext(trace.setSpan(ROOT_CONTEXT, span), () =>
        handler(items.map((i) => i.payload), new KafkaBatchContext(contexts)));
    } catch (error) {
      span.recordException(asException(error));
      throw error;
    } finally {
      span.end();
    }
  }
}

/** Runs `work` as part of the item's message: its trace and correlation in the log lines. */
function inMessage<T>({ envelope, span }: Item, topic: string, work: () => T): T {
  return runWithCorrelation({ correlationId: envelope.correlationId, messageId: envelope.id, topic }, work, span.traceContext);
}
