import { inboxMessageIdIndexMigration } from '@labflow/platform/kafka';
import { Initial1732400000000, SCHEMA } from './1732400000000-initial';
import { ActivityLog1764100000000 } from './1764100000000-activity-log';

export { SCHEMA };
export const MIGRATIONS = [Initial1732400000000, ActivityLog1764100000000, inboxMessageIdIndexMigration(SCHEMA)];
