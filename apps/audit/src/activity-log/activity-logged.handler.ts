import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { ActivityLogged, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { ActivityLogRepository } from './activity-log.repository';
import { ActivityMirror } from './activity-mirror';

const CONSUMER = 'audit.activity-logged';

/**
 * Stores every activity.logged entry once. The mirror is written first and keyed by the envelope id,
 * so a failure after it is retried without a duplicate; the PostgreSQL row and the inbox claim commit
 * together, so a redelivery after the commit changes nothing.
 */
@Controller()
export class ActivityLoggedHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: ActivityLogRepository,
    private readonly mirror: ActivityMirror,
    private readonly inbox: PgInbox,
  ) {}

  @EventPattern(TOPICS.activityLogged.name)
  async onActivityLogged(@Payload() entry: ActivityLogged, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    const id = ctx.envelope.id;
    await this.mirror.put(id, entry);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, id))) return;
      await this.log.insert(manager, id, entry);
    });
  }
}
