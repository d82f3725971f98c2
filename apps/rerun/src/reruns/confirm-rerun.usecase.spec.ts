import { ConfirmRerunInput } from '@labflow/contracts';
import { failureOf, LAB, REPORT, rerunStores, SAMPLE, userCommand } from '../in-memory-rerun.fake';
import { ConfirmRerunUseCase } from './confirm-rerun.usecase';
import { ReceiveRerunValuesUseCase } from './receive-rerun-values.usecase';
import { RequestRerunUseCase } from './request-rerun.usecase';

const confirm = (data: ConfirmRerunInput['rerun_confirmed_data']): ConfirmRerunInput => ({ labReportId: REPORT, rerun_confirmed_data: data });

/** A rerun 1 of WBC and Hb whose values arrived (WBC 12.5, Hb 14.0); the report's originals are 7.1 and 13.2. */
async function withRerunValues() {
  const stores = rerunStores();
  await new RequestRerunUseCase().execute(userCommand({
    labReportId: REPORT, type: 'Manual' as const, rerun_number: '1', requested_parameters: '[1, 3]', lab_id: LAB,
  }, 'm-request'), stores.unitFor('m-request'));
  await new ReceiveRerunValuesUseCase().execute(userCommand({
    labReportId: REPORT, lab_id: LAB, sample_id: SAMPLE, device_id: '42', device_name: 'Sysmex', rerun_type: 'manual_rerun', rerun_number: 1,
    device_data: [{ index: 1, value: '12.5', parameter_name: 'WBC Count' }, { index: 3, value: '14.0', parameter_name: 'Hemoglobin' }],
  }, 'm-values'), stores.unitFor('m-values'));
  stores.published.length = 0;
  return stores;
}

describe('ConfirmRerunUseCase (seed 000 §4)', () => {
  const sut = new ConfirmRerunUseCase();

  it('closes the lifecycle and publishes rerun.confirmed with originals, rerun values and each choice, then activity 980', async () => {
    const stores = await withRerunValues();
    const data = confirm([{ index: 1, value: '12.5' }, { index: 3, value: '13.2' }, { index: 5, value: 300 }]);
    expect(await sut.execute(userCommand(data, 'm-confirm'), stores.unitFor('m-confirm'))).toEqual({ message: 'Rerun data updated' });
    expect(stores.lifecycles.find(LAB, REPORT)).toMatchObject({ closed: true, values: [], requests: [] });
    const [confirmed, activity] = stores.published;
    expect(confirmed).toMatchObject({ topic: 'rerun.confirmed', payload: { labId: LAB, labReportId: REPORT, confirmedBy: '7', originalValues: [{ index: 1, value: '7.1' }, { index: 3, value: '13.2' }, { index: 5, value: '250' }] } });
    expect((confirmed.payload as { confirmed: object[] }).confirmed).toEqual([
      expect.objectContaining({ index: 1, value: '12.5', choice: 'rerun', chosenRerunNumber: 1 }),
      expect.objectContaining({ index: 3, value: '13.2', choice: 'original', chosenRerunNumber: undefined }),
      expect.objectContaining({ index: 5, value: '300', choice: 'entered' }),
    ]);
    expect(activity).toMatchObject({ topic: 'activity.logged', payload: { logCategoryId: 980, activityText: 'Sample rerun values confirmed' } });
    expect(stores.cache.hash.size).toBe(0);
  });

  it('applies a repeat once', async () => {
    const stores = await withRerunValues();
    await sut.execute(userCommand(confirm([{ index: 1, value: '12.5' }]), 'm-confirm'), stores.unitFor('m-confirm'));
    expect(await sut.execute(userCommand(confirm([{ index: 1, value: '12.5' }]), 'm-confirm'), stores.unitFor('m-confirm'))).toEqual({ message: 'Rerun data updated' });
    expect(stores.published).toHaveLength(2);
  });

  it('refuses a mismatched report, a repeated or unknown index, and no rerun in progress, writing nothing', async () => {
    const stores = await withRerunValues();
    const refused = async (data: ConfirmRerunInput['rerun_confirmed_data']) => failureOf(sut.execute(userCommand(confirm(data)), stores.unitFor()));
    expect(await refused([{ index: 1, value: '1', reportForId_id: REPORT + 1 }])).toEqual({
      status: 400, code: 'LAB_REPORT_MISMATCH', message: 'rerun_confirmed_data: reportForId_id must equal the lab report id of the path',
    });
    expect(await refused([{ index: 1, value: '1' }, { index: 1, value: '2' }])).toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'rerun_confirmed_data must not repeat an index' });
    expect(await refused([{ index: 4, value: '1' }])).toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'rerun_confirmed_data: index 4 is not a parameter of this test' });
    expect(stores.published).toEqual([]);
    expect(await failureOf(sut.execute(userCommand(confirm([{ index: 1, value: '1' }])), rerunStores().unitFor())))
      .toEqual({ status: 404, code: 'NO_RERUN_IN_PROGRESS', message: 'No sample rerun in progress for this lab report' });
  });
});
