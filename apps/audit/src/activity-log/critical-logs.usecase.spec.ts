import { Principal, systemPrincipal } from '@labflow/contracts';
import { commandFor, failureOf } from '@labflow/platform/handling';
import { entry, inMemoryAuditUnit } from '../in-memory-audit.fake';
import { AUDIT_ERRORS } from './audit.errors';
import { CriticalLogsUseCase } from './critical-logs.usecase';

describe('CriticalLogsUseCase', () => {
  const user: Principal = { ...systemPrincipal(61), sub: '7', loginType: 'lab_user' };
  const logs = (reportIds: string, who = user) => new CriticalLogsUseCase().execute(commandFor(who, { report_ids: reportIds }), inMemory);
  let inMemory: ReturnType<typeof inMemoryAuditUnit>;

  beforeEach(async () => {
    inMemory = inMemoryAuditUnit();
    await inMemory.activityLog.insert('a', entry({ labReportId: 5, activityDate: '2026-05-25T09:00:00.000Z', activityText: 'later' }));
    await inMemory.activityLog.insert('b', entry({ labReportId: 6, activityDate: '2026-05-25T08:00:00.000Z', activityText: 'earlier' }));
    await inMemory.activityLog.insert('c', entry({ labReportId: 5, logCategoryId: 981, activityText: 'a rerun' }));
    await inMemory.activityLog.insert('d', entry({ labId: 62, labReportId: 5, activityText: 'another lab' }));
  });

  it('answers the callout timeline (648) of the caller\'s lab for those reports, oldest first', async () => {
    expect((await logs('5, 6,5')).map((e) => e.activityText)).toEqual(['earlier', 'later']);
    expect((await logs('5'))[0]).toEqual({ meta: { status: 'done' }, labUserName: 'Dr. Smith', activityText: 'later', activityDate: '2026-05-25T09:00:00.000Z' });
  });

  it.each(['5,x', '', '5,,6', '2147483648'])('refuses report_ids %p (400) before any query', async (raw) => {
    expect(await failureOf(AUDIT_ERRORS, logs(raw)))
      .toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'report_ids must be a comma-separated list of integers' });
  });
});
