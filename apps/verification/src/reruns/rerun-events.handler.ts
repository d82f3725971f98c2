import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { RerunCancelled, RerunConfirmed, RerunRequestRecorded, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { RerunRepository } from './rerun.repository';

const CONSUMER = 'verification.reruns';

/** Open reruns (a rule holds their reports): requested → open; confirmed or cancelled → closed. */
@Controller()
export class RerunEventsHandler {
  constructor(private readonly dataSource: DataSource, private readonly reruns: RerunRepository, private readonly inbox: PgInbox) {}

  @EventPattern(TOPICS.rerunRequestRecorded.name)
  async onRequested(@Payload() e: RerunRequestRecorded, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.once(ctx, (m) => this.reruns.apply(m, e, { open: true, since: e.requestedAt, requestedParameters: e.requestedParameters }));
  }

  @EventPattern(TOPICS.rerunConfirmed.name)
  async onConfirmed(@Payload() e: RerunConfirmed, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.once(ctx, (m) => this.reruns.apply(m, e, { open: false, confirmed: true }));
  }

  @EventPattern(TOPICS.rerunCancelled.name)
  async onCancelled(@Payload() e: RerunCancelled, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.once(ctx, (m) => this.reruns.apply(m, e, { open: false }));
  }

  private async once(ctx: KafkaMessageContext, effect: (manager: import('typeorm').EntityManager) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await this.inbox.claim(manager, CONSUMER, ctx.envelope.id)) await effect(manager);
    });
  }
}
