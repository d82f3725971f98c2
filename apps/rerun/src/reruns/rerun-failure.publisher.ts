import { Inject, Injectable, Logger } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { MessageContext, newEnvelope, Principal, TOPICS, validatePayload } from '@labflow/contracts';
import { CommonConfig } from '@labflow/platform/config';
import { toKafkaMessage } from '@labflow/platform/kafka';
import { traceHeaders } from '@labflow/platform/observability';
import { APP_CONFIG, KAFKA_PRODUCER } from '@labflow/platform/service';
import { activityPayload, RerunActivity } from './rerun-activity';

/**
 * seed 000 §3: a save failure logs RERUN_FAILED (984). There is no state change to commit it with
 * (the document write is what failed, possibly because the document store is down), so this one
 * event goes straight to Kafka with the idempotent producer instead of through the outbox.
 */
@Injectable()
export class RerunFailurePublisher {
  private readonly logger = new Logger('RerunFailurePublisher');

  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(APP_CONFIG) private readonly config: CommonConfig,
  ) {}

  async saveFailed(principal: Principal, labReportId: number, reason: string, ctx: MessageContext): Promise<void> {
    const payload = activityPayload(principal, labReportId, RerunActivity.RERUN_FAILED, 'Sample rerun request could not be saved', { reason });
    const checked = validatePayload(TOPICS.activityLogged.payload, payload);
    if (checked.problems.length > 0) throw new Error(checked.problems.join('; '));
    const envelope = newEnvelope(TOPICS.activityLogged.name, TOPICS.activityLogged.version, payload, ctx);
    try {
      await this.producer.send({
        topic: `${this.config.KAFKA_TOPIC_PREFIX}${TOPICS.activityLogged.name}`,
        acks: -1,
        messages: [toKafkaMessage(TOPICS.activityLogged.key(payload), envelope, traceHeaders())],
      });
    } catch (error) {
      this.logger.error(`RERUN_FAILED (984) for lab report ${labReportId} not published: ${(error as Error).message}`);
    }
  }
}
