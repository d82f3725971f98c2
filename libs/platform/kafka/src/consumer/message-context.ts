import { Context } from '@opentelemetry/api';
import { Envelope, MessageContext, contextFrom } from '@labflow/contracts';
import { activeTraceContext, traceHeaders } from '@labflow/platform/observability';

/** What a handler knows about the message it is handling (Nest `@Ctx()`). */
export class KafkaMessageContext {
  constructor(
    readonly envelope: Envelope,
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    readonly attempt: number,
    readonly consumerGroup: string,
    /** The message's own span; a handler of one message runs in it, a batch handler does not. */
    private readonly trace?: Context,
  ) {}

  /** Context for messages this handler produces: same lab and correlation, caused by this one. */
  get causedContext(): MessageContext {
    return contextFrom(this.envelope);
  }

  /** The trace headers of this message's span: what an event it causes carries (PgOutbox.addAll). */
  traceHeaders(): Record<string, string> {
    return traceHeaders(this.trace ?? activeTraceContext());
  }
}

/**
 * `@Ctx()` of a batch handler (`@EventBatchPattern`): one context per payload, in partition order.
 * A batch is all-or-nothing for the handler: if it throws, the transport applies each message on its
 * own, with the usual retries and dead-lettering, so one bad message never holds back the others.
 */
export class KafkaBatchContext {
  constructor(readonly messages: readonly KafkaMessageContext[]) {}
}
