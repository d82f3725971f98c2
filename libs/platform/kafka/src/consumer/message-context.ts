import { Envelope, MessageContext, contextFrom } from '@labflow/contracts';

/** What a handler knows about the message it is handling (Nest `@Ctx()`). */
export class KafkaMessageContext {
  constructor(
    readonly envelope: Envelope,
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    readonly attempt: number,
    readonly consumerGroup: string,
  ) {}

  /** Context for messages this handler produces: same lab and correlation, caused by this one. */
  get causedContext(): MessageContext {
    return contextFrom(this.envelope);
  }
}
