import { calloutCommand, inMemoryCalloutUnit, registeredBill, userCommand } from '../in-memory-callouts.fake';
import { ExportCalloutsUseCase } from './export-callouts.usecase';
import { RecordCalloutUseCase } from './record-callout.usecase';

describe('ExportCalloutsUseCase', () => {
  it('answers the latest callout per report of the caller\'s lab; a report without one is absent', async () => {
    const unit = inMemoryCalloutUnit();
    await registeredBill(unit);
    await new RecordCalloutUseCase().execute(calloutCommand({}), unit);
    await new RecordCalloutUseCase().execute(calloutCommand({ status: 'done', contacted_person: 'Dr. Mehta', read_back: true }), unit);
    const records = await new ExportCalloutsUseCase().execute(userCommand({ lab_report_ids: [101, 102] }), unit);
    expect(records).toEqual([expect.objectContaining({
      lab_report_id: 101, bill_id: 12, status: 'done', patient_name: 'Asha Rao', org_name: null, referral_name: null,
      performed_by_user_name: 'Dr. Smith', performed_by_doctor_name: null,
      critical_callout_meta: expect.objectContaining({ contacted_person: 'Dr. Mehta', read_back: true, callout_for: [5] }),
    })]);
    expect(await new ExportCalloutsUseCase().execute(userCommand({ lab_report_ids: [101] }, { labId: 72 }), unit)).toEqual([]);
  });

  it('names a doctor\'s callout as the doctor\'s', async () => {
    const unit = inMemoryCalloutUnit();
    await registeredBill(unit);
    await new RecordCalloutUseCase().execute(calloutCommand({}, { loginType: 'doctor' }), unit);
    const [record] = await new ExportCalloutsUseCase().execute(userCommand({ lab_report_ids: [101] }), unit);
    expect(record).toMatchObject({ performed_by_user_name: null, performed_by_doctor_name: 'Dr. Smith' });
  });
});
