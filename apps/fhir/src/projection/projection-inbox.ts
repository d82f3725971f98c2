import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';

/** Applies an event's effect in the transaction that claims its envelope id: a redelivery changes nothing. */
@Injectable()
export class ProjectionInbox {
  constructor(private readonly dataSource: DataSource, private readonly inbox: PgInbox) {}

  async applyOnce(consumer: string, ctx: KafkaMessageContext, effect: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, consumer, ctx.envelope.id))) return;
      await effect(manager);
    });
  }
}
