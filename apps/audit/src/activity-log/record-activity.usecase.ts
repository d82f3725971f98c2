import { Injectable } from '@nestjs/common';
import { ActivityLogged, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { AuditUnitOfWork } from '../audit-unit-of-work';

/**
 * Stores every activity.logged entry once, keyed by its envelope id (the command's messageId). The mirror
 * is written inside the unit, before the row commits: a failure after it retries the unit, and the
 * mirror, keyed by the same id, takes no duplicate; a redelivery after the commit changes nothing.
 */
@Injectable()
@HandlesEvent(TOPICS.activityLogged, { consumer: 'audit.activity-logged', labIdOf: (entry) => entry.labId })
export class RecordActivityUseCase {
  async execute(command: Command<ActivityLogged>, unit: AuditUnitOfWork): Promise<void> {
    await unit.mirror.put(command.messageId, command.input);
    await unit.activityLog.insert(command.messageId, command.input);
  }
}
