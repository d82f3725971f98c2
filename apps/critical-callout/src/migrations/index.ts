import { inboxMessageIdIndexMigration } from '@labflow/platform/kafka';
import { Initial1732400000000, SCHEMA } from './1732400000000-initial';
import { Callouts1764100000000 } from './1764100000000-callouts';
import { PendingCriticals1764100000001 } from './1764100000001-pending-criticals';

export { SCHEMA };
export const MIGRATIONS = [Initial1732400000000, Callouts1764100000000, PendingCriticals1764100000001, inboxMessageIdIndexMigration(SCHEMA)];
