import { CriticalCalloutRecorded } from '@labflow/contracts';
import { InMemoryUnitsOfWork } from '@labflow/platform/handling';
import { addReport, addTest, throughSeam } from '../in-memory-fixtures.fake';
import { eventCommand, inMemoryReporting, inMemoryReportingUnit, LAB } from '../in-memory-reporting.fake';
import { ApplyCalloutRecordedUseCase } from './apply-callout-recorded.usecase';

describe('ApplyCalloutRecordedUseCase (criticalValues forward only, the bill\'s draft)', () => {
  const sut = new ApplyCalloutRecordedUseCase();

  function setup() {
    const unit = inMemoryReportingUnit();
    const test = addTest(unit.tables);
    const first = addReport(unit.tables, test, { criticalValues: 'pending' });
    const second = addReport(unit.tables, test, { billId: first.billId, patientId: first.patientId, criticalValues: 'pending' });
    const recorded = (kind: CriticalCalloutRecorded['kind'], over: Partial<CriticalCalloutRecorded> = {}): CriticalCalloutRecorded => ({
      calloutId: 9, labId: LAB, billId: first.billId, kind, labReportIds: [first.id], testIds: [test.id], recipients: ['Doctor'],
      communicationMethods: ['phone'], comment: 'called twice', criticalValuesMeta: { [first.id]: { 4: 'critical_high' } },
      performedByUserId: '7', performedByName: 'Nurse Joy', recordedAt: '2026-05-25T09:00:00.000Z', ...over,
    });
    const status = (id: number) => unit.tables.report(LAB, id)?.criticalValues;
    return { unit, test, first, second, recorded, status };
  }

  it('a draft becomes the bill\'s attempted_callout (seed 001 shape) and changes no report', async () => {
    const { unit, test, first, recorded, status } = setup();
    await sut.execute(eventCommand(recorded('draft')), unit);
    expect(unit.criticalStatus.drafts.get(`${LAB}/${first.billId}`)).toEqual({
      calloutId: 9,
      draft: {
        recipients: ['Doctor'], critical_callout_comment: 'called twice', critical_values_meta: { [first.id]: { 4: 'critical_high' } },
        critical_callout_meta: { communication_methods: ['phone'], callout_for: [test.id] },
      },
    });
    expect(status(first.id)).toBe('pending');
    expect(unit.tables.searchMarks).toEqual([]);
    expect(unit.published).toEqual([]);
  });

  it('a draft without a comment keeps a null comment', async () => {
    const { unit, first, recorded } = setup();
    await sut.execute(eventCommand(recorded('draft', { comment: undefined })), unit);
    expect(unit.criticalStatus.drafts.get(`${LAB}/${first.billId}`)?.draft.critical_callout_comment).toBeNull();
  });

  it('an attempted callout moves only the named pending reports to attempted, marking them for search', async () => {
    const { unit, first, second, recorded, status } = setup();
    await sut.execute(eventCommand(recorded('attempted')), unit);
    expect([status(first.id), status(second.id)]).toEqual(['attempted', 'pending']);
    expect(unit.tables.searchMarks).toEqual([{ labId: LAB, id: first.id }]);
    expect(unit.published).toEqual([]);
  });

  it('a done callout finishes pending and attempted reports and clears the bill\'s draft', async () => {
    const { unit, first, second, recorded, status } = setup();
    await sut.execute(eventCommand(recorded('draft')), unit);
    await sut.execute(eventCommand(recorded('attempted')), unit);
    await sut.execute(eventCommand(recorded('done', { labReportIds: [first.id, second.id] })), unit);
    expect([status(first.id), status(second.id)]).toEqual(['done', 'done']);
    expect(unit.criticalStatus.drafts.size).toBe(0);
  });

  it('a done report never goes back: a late attempted callout leaves it done', async () => {
    const { unit, first, recorded, status } = setup();
    await sut.execute(eventCommand(recorded('done')), unit);
    await sut.execute(eventCommand(recorded('attempted')), unit);
    expect(status(first.id)).toBe('done');
  });

  it('changes no report of another bill or another lab', async () => {
    const { unit, test, first, recorded, status } = setup();
    const otherBill = addReport(unit.tables, test, { criticalValues: 'pending' });
    const foreign = addReport(unit.tables, addTest(unit.tables, { labId: LAB + 1 }), { billId: first.billId, criticalValues: 'pending' });
    await sut.execute(eventCommand(recorded('done', { labReportIds: [first.id, otherBill.id, foreign.id] })), unit);
    expect([status(first.id), status(otherBill.id), unit.tables.report(LAB + 1, foreign.id)?.criticalValues]).toEqual(['done', 'pending', 'pending']);
  });

  it('through the seam: a redelivery has no effect; a failing store claims nothing, so the redelivery applies', async () => {
    const repositories = inMemoryReporting();
    const report = addReport(repositories.tables, addTest(repositories.tables), { criticalValues: 'pending' });
    const event = { ...setupEvent(report.billId, report.id), kind: 'attempted' };
    const advance = repositories.criticalStatus.advance.bind(repositories.criticalStatus);
    repositories.criticalStatus.advance = async () => { throw new Error('store down'); };
    const units = new InMemoryUnitsOfWork(repositories);
    await expect(throughSeam(sut, event, repositories, 'e-1', units)).rejects.toThrow('store down');
    expect(units.inbox.size).toBe(0);
    repositories.criticalStatus.advance = advance;
    await throughSeam(sut, event, repositories, 'e-1', units);
    expect(repositories.tables.report(LAB, report.id)?.criticalValues).toBe('attempted');
    repositories.tables.report(LAB, report.id)!.criticalValues = 'pending';
    await throughSeam(sut, event, repositories, 'e-1', units);
    expect(repositories.tables.report(LAB, report.id)?.criticalValues).toBe('pending');
    expect([...units.inbox.keys()]).toEqual(['reporting.critical-callout-recorded\u0000e-1']);
  });
});

function setupEvent(billId: number, labReportId: number) {
  return {
    calloutId: 9, labId: LAB, billId, labReportIds: [labReportId], testIds: [5], recipients: ['Doctor'], communicationMethods: ['phone'],
    criticalValuesMeta: {}, performedByUserId: '7', performedByName: 'Nurse Joy', recordedAt: '2026-05-25T09:00:00.000Z',
  };
}
