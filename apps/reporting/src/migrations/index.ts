import { inboxMessageIdIndexMigration } from '@labflow/platform/kafka';
import { Initial1732400000000, SCHEMA } from './1732400000000-initial';
import { LabReports1764000000000 } from './1764000000000-lab-reports';
import { CriticalCalloutReadModel1764900000000 } from './1764900000000-critical-callout-read-model';
import { RerunPositions1764400000000 } from './1764400000000-rerun-positions';
import { SearchPending1765000000000 } from './1765000000000-search-pending';
import { SearchPendingTrace1765100000000 } from './1765100000000-search-pending-trace';
import { ReportVerifications1767200000000 } from './1767200000000-report-verifications';

export { SCHEMA };
export const MIGRATIONS = [Initial1732400000000, LabReports1764000000000, RerunPositions1764400000000, CriticalCalloutReadModel1764900000000, SearchPending1765000000000, SearchPendingTrace1765100000000, inboxMessageIdIndexMigration(SCHEMA), ReportVerifications1767200000000];
