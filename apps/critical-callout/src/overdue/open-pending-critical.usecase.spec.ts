import { ReportValuesUpdated, systemPrincipal, TOPICS } from '@labflow/contracts';
import { commandFor, declarationOf } from '@labflow/platform/handling';
import { inMemoryCalloutUnit, LAB } from '../in-memory-callouts.fake';
import { OpenPendingCriticalUseCase } from './open-pending-critical.usecase';

describe('OpenPendingCriticalUseCase', () => {
  const update = (overrides: Partial<ReportValuesUpdated> = {}) =>
    ({ labId: LAB, labReportId: 101, billId: 12, testId: 5, applied: true, criticalValues: 'pending', updatedAt: '2026-05-25T08:00:00.000Z', ...overrides }) as ReportValuesUpdated;

  it('starts the overdue clock of the report at the update', async () => {
    const unit = inMemoryCalloutUnit();
    await new OpenPendingCriticalUseCase().execute(commandFor(systemPrincipal(LAB), update()), unit);
    expect(unit.pending.open_).toEqual([{ labId: LAB, labReportId: 101, billId: 12, testId: 5, since: '2026-05-25T08:00:00.000Z' }]);
  });

  it('applies to applied updates that left critical values pending only', () => {
    const declaration = declarationOf(OpenPendingCriticalUseCase);
    if (declaration.kind !== 'event' || !declaration.appliesTo) throw new Error('declared as a filtered event handler');
    expect(declaration.pattern).toBe(TOPICS.reportValuesUpdated.name);
    expect(declaration.appliesTo(update())).toBe(true);
    expect(declaration.appliesTo(update({ applied: false }))).toBe(false);
    expect(declaration.appliesTo(update({ criticalValues: 'done' }))).toBe(false);
  });
});
