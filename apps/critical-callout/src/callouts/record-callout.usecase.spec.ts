import { calloutCommand, failureOf, inMemoryCalloutUnit, LAB, registeredBill } from '../in-memory-callouts.fake';
import { RecordCalloutUseCase } from './record-callout.usecase';

describe('RecordCalloutUseCase', () => {
  const sut = new RecordCalloutUseCase();

  it('records an attempt per report and publishes critical.callout_recorded and one activity 648 per report', async () => {
    const unit = inMemoryCalloutUnit();
    await registeredBill(unit);
    const result = await sut.execute(calloutCommand({ lab_report_ids: [101, 102, 101] }), unit);
    expect(result).toMatchObject({ billId: 12, status: 'attempted', lab_report_ids: [101, 102] });
    expect(unit.callouts.rows.map((r) => [r.labReportId, r.kind, r.calloutFor])).toEqual([[101, 'attempted', [5, 6]], [102, 'attempted', [5, 6]]]);
    expect(unit.published.map((e) => e.topic)).toEqual(['critical.callout_recorded', 'activity.logged', 'activity.logged']);
    expect(unit.published[0].payload).toMatchObject({ calloutId: result.calloutId, labId: LAB, kind: 'attempted', labReportIds: [101, 102], performedByName: 'Dr. Smith' });
    expect(unit.published[1].payload).toMatchObject({
      logCategoryId: 648, labReportId: 101, activityText: 'Callout Attempted by - Dr. Smith, Method: phone, Recipients: Doctor',
    });
    expect(unit.pending.closed).toEqual([]);
  });

  it('keeps one draft per bill: a later draft replaces it, a done callout removes it and closes the pending values', async () => {
    const unit = inMemoryCalloutUnit();
    await registeredBill(unit);
    await sut.execute(calloutCommand({ status: 'draft', recipients: [], communication_methods: [] }), unit);
    await sut.execute(calloutCommand({ status: 'draft', critical_callout_comment: 'second' }), unit);
    expect(unit.callouts.rows.filter((r) => r.labReportId === null).map((r) => r.comment)).toEqual(['second']);
    await sut.execute(calloutCommand({ status: 'done', contacted_person: 'Dr. Mehta', read_back: true }), unit);
    expect(unit.callouts.rows.map((r) => [r.labReportId, r.kind])).toEqual([[101, 'done']]);
    expect(unit.pending.closed).toEqual([{ labId: LAB, billId: 12, labReportId: 101 }]);
  });

  it('CLSI GP47: refuses an incomplete attempt or done callout (400) and records nothing', async () => {
    const unit = inMemoryCalloutUnit();
    await registeredBill(unit);
    expect(await failureOf(sut.execute(calloutCommand({ recipients: [] }), unit)))
      .toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'recipients must not be empty' });
    expect(await failureOf(sut.execute(calloutCommand({ communication_methods: [] }), unit)))
      .toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'communication_methods must not be empty' });
    expect(await failureOf(sut.execute(calloutCommand({ status: 'done', contacted_person: 'Dr. Mehta' }), unit)))
      .toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'contacted_person and read_back are required for a done callout' });
    expect(unit.callouts.rows).toEqual([]);
    expect(unit.published).toEqual([]);
  });

  it('is 404 for another lab\'s bill and for a report not in the bill', async () => {
    const unit = inMemoryCalloutUnit();
    await registeredBill(unit);
    expect(await failureOf(sut.execute(calloutCommand({}, { labId: 72 }), unit))).toEqual({ status: 404, code: 'BILL_NOT_FOUND', message: 'Bill not found' });
    expect(await failureOf(sut.execute(calloutCommand({ lab_report_ids: [101, 999] }), unit)))
      .toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report 999 not found in bill 12' });
    expect(unit.callouts.rows).toEqual([]);
  });
});
