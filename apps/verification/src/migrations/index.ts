import { inboxMessageIdIndexMigration } from '@labflow/platform/kafka';
import { Initial1732400000000, SCHEMA } from './1732400000000-initial';
import { Verification1766000000000 } from './1766000000000-verification';

export { SCHEMA };
export const MIGRATIONS = [Initial1732400000000, Verification1766000000000, inboxMessageIdIndexMigration(SCHEMA)];
