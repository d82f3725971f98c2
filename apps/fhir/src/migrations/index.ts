import { inboxMessageIdIndexMigration } from '@labflow/platform/kafka';
import { Initial1732400000000, SCHEMA } from './1732400000000-initial';
import { Projection1767000000000 } from './1767000000000-projection';

export { SCHEMA };
export const MIGRATIONS = [Initial1732400000000, Projection1767000000000, inboxMessageIdIndexMigration(SCHEMA)];
