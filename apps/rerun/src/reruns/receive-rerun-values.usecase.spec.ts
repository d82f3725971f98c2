import { RerunValuesInput } from '@labflow/contracts';
import { failureOf, LAB, REPORT, rerunStores, SAMPLE, userCommand } from '../in-memory-rerun.fake';
import { ReceiveRerunValuesUseCase } from './receive-rerun-values.usecase';
import { RequestRerunUseCase } from './request-rerun.usecase';

const input = (over: Partial<RerunValuesInput> = {}): RerunValuesInput => ({
  labReportId: REPORT, lab_id: LAB, sample_id: SAMPLE, device_id: '42', device_name: 'Sysmex', rerun_type: 'manual_rerun', rerun_number: 1,
  device_data: [{ index: 1, value: '12.5', parameter_name: 'WBC Count' }], ...over,
});

async function requested(parameters = '[1, 3]') {
  const stores = rerunStores();
  await new RequestRerunUseCase().execute(userCommand({
    labReportId: REPORT, type: 'Manual' as const, rerun_number: '1', requested_parameters: parameters, lab_id: LAB,
  }, 'm-request'), stores.unitFor('m-request'));
  stores.published.length = 0;
  return stores;
}

describe('ReceiveRerunValuesUseCase (seed 000 §2)', () => {
  const sut = new ReceiveRerunValuesUseCase();

  it('instrument triggered (-1): stores every value under the next rerun number, fulfilled at once', async () => {
    const stores = rerunStores();
    const answer = await sut.execute(userCommand(input({ rerun_number: -1, device_data: [{ index: 1, value: 12.5, parameter_name: 'WBC Count' }, { index: 5, value: '900', parameter_name: 'Platelets' }] })), stores.unitFor());
    expect(answer).toEqual({ message: 'Rerun data updated', type: 'instrument triggered' });
    expect(stores.lifecycles.find(LAB, REPORT)?.values.map((v) => [v.index, v.value, v.rerun_number, v.order])).toEqual([[1, '12.5', 1, 1], [5, '900', 1, 1]]);
    expect(stores.published).toEqual([{ topic: 'rerun.values_received', payload: expect.objectContaining({
      trigger: 'instrument triggered', rerunNumber: 1, fulfilled: true, missingParameters: [], sequence: 1,
    }) }]);
  });

  it('manual triggered: keeps only the requested indexes, fulfilled when every requested parameter arrived', async () => {
    const stores = await requested();
    await sut.execute(userCommand(input({ device_data: [{ index: 1, value: '12.5', parameter_name: 'WBC Count' }, { index: 5, value: '1', parameter_name: 'Platelets' }] }), 'm-1'), stores.unitFor('m-1'));
    expect(stores.published[0].payload).toMatchObject({ trigger: 'manual triggered', fulfilled: false, missingParameters: [3] });
    await sut.execute(userCommand(input({ device_data: [{ index: 3, value: '14.0', parameter_name: 'Hemoglobin' }] }), 'm-2'), stores.unitFor('m-2'));
    expect(stores.published[1].payload).toMatchObject({ fulfilled: true, missingParameters: [] });
    expect(stores.lifecycles.find(LAB, REPORT)?.values.map((v) => v.index)).toEqual([1, 3]);
    expect(stores.lifecycles.find(LAB, REPORT)?.requests[0]).toMatchObject({ receivedParameters: [1, 3], fulfilled: true });
  });

  it('applies a repeat once', async () => {
    const stores = await requested();
    await sut.execute(userCommand(input(), 'm-1'), stores.unitFor('m-1'));
    expect(await sut.execute(userCommand(input(), 'm-1'), stores.unitFor('m-1'))).toEqual({ message: 'Rerun data updated', type: 'manual triggered' });
    expect(stores.lifecycles.find(LAB, REPORT)?.values).toHaveLength(1);
    expect(stores.published).toHaveLength(1);
  });

  it('refuses with the specification\'s codes and messages, writing nothing', async () => {
    const stores = await requested('[3]');
    const refused = async (over: Partial<RerunValuesInput>) => failureOf(sut.execute(userCommand(input(over)), stores.unitFor()));
    expect(await refused({ lab_id: LAB + 1 })).toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' });
    expect(await refused({ lab_report_id: REPORT + 1 })).toEqual({ status: 400, code: 'LAB_REPORT_MISMATCH', message: 'lab_report_id must equal the lab report id of the path' });
    expect(await refused({ rerun_number: 0 })).toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'rerun_number must be -1 (instrument triggered) or at least 1' });
    expect(await refused({ device_data: [{ index: 1, value: '1', parameter_name: 'a' }, { index: 1, value: '2', parameter_name: 'a' }] }))
      .toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'device_data must not repeat an index' });
    expect(await refused({ sample_id: 'S-other' })).toEqual({ status: 400, code: 'SAMPLE_MISMATCH', message: 'sample_id S-other does not belong to this lab report' });
    expect(await refused({ rerun_number: 2 })).toEqual({ status: 404, code: 'RERUN_NOT_REQUESTED', message: 'No sample rerun 2 was requested for this lab report' });
    expect(await refused({})).toEqual({ status: 400, code: 'PARAMETERS_NOT_REQUESTED', message: 'None of the device_data indexes was requested for sample rerun 1' });
    expect(stores.lifecycles.find(LAB, REPORT)?.values).toEqual([]);
    expect(stores.published).toEqual([]);
  });
});
