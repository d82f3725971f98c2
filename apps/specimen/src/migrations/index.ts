import { inboxMessageIdIndexMigration } from '@labflow/platform/kafka';
import { Initial1732400000000, SCHEMA } from './1732400000000-initial';
import { Specimens1732500000000 } from './1732500000000-specimens';
import { JobTraceHeaders1766000000000 } from './1766000000000-job-trace-headers';

export { SCHEMA };
export const MIGRATIONS = [Initial1732400000000, Specimens1732500000000, JobTraceHeaders1766000000000, inboxMessageIdIndexMigration(SCHEMA)];
