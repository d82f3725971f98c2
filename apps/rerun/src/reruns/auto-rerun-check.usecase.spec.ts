import { AutoRerunCheckInput } from '@labflow/contracts';
import { cbcReport, failureOf, LAB, labUser, REPORT, rerunStores, SAMPLE, systemCommand, userCommand } from '../in-memory-rerun.fake';
import { AUTO_ALREADY_EXISTS, AUTO_NOT_QUALIFIED, AUTO_QUEUED, AutoRerunCheckUseCase } from './auto-rerun-check.usecase';

const check = (device_data: AutoRerunCheckInput['device_data']): AutoRerunCheckInput => ({ labReportId: REPORT, device_data });

describe('AutoRerunCheckUseCase (seed 000 §6)', () => {
  const sut = new AutoRerunCheckUseCase();

  it('decides and records a qualifying auto rerun in one write with one context query: the request as the system user, its events, the cache', async () => {
    const stores = rerunStores();
    const answer = await sut.execute(systemCommand(check([{ index: 1, value: '15.2' }, { index: 3, value: '30' }])), stores.unitFor());
    expect(answer).toEqual({ message: AUTO_QUEUED });
    expect(stores.reporting.asked).toEqual([`context ${LAB}:${REPORT}`]);
    const state = stores.lifecycles.find(LAB, REPORT);
    expect(state).toMatchObject({ version: 1, sampleId: SAMPLE, autoRerunQueued: true, sequence: 1 });
    expect(state?.requests).toEqual([expect.objectContaining({
      rerunNumber: 1, type: 'auto', requestedParameters: [1], parameterNames: ['WBC Count'], isActive: true, createdBy: '-1',
    })]);
    expect(stores.published).toEqual([
      { topic: 'rerun.requested', payload: { labReportId: REPORT, type: 'auto', rerun_number: '1', requested_parameters: '[1]', parameter_names: ['WBC Count'], is_active: true, lab_id: LAB, sampleId: SAMPLE } },
      { topic: 'rerun.request_recorded', payload: expect.objectContaining({ type: 'auto', rerunNumber: 1, requestedParameters: [1], requestedBy: '-1', sequence: 1 }) },
      { topic: 'activity.logged', payload: expect.objectContaining({ logCategoryId: 981, userId: '-1', activityText: 'auto sample rerun 1 requested' }) },
    ]);
    expect(stores.cache.hash.get(`${LAB}:${REPORT}`)).toBe('1');
  });

  it('records the auto request as the lab\'s system user when a lab user asks for the check over HTTP', async () => {
    const stores = rerunStores();
    expect(await sut.execute(userCommand(check([{ index: 1, value: '15.2' }])), stores.unitFor())).toEqual({ message: AUTO_QUEUED });
    expect(stores.lifecycles.find(LAB, REPORT)?.requests[0]).toMatchObject({ type: 'auto', createdBy: '-1', updatedBy: '-1' });
    expect(stores.published.slice(1).map((e) => e.payload)).toEqual([
      expect.objectContaining({ requestedBy: '-1' }), expect.objectContaining({ logCategoryId: 981, userId: '-1' }),
    ]);
  });

  it('does not qualify values inside the ranges, nor a test without auto-rerun parameters, and writes nothing', async () => {
    const stores = rerunStores();
    expect(await sut.execute(systemCommand(check([{ index: 1, value: '8' }, { index: 5, value: 'Clumped' }])), stores.unitFor())).toEqual({ message: AUTO_NOT_QUALIFIED });
    stores.reporting.reports.set(`${LAB}:${REPORT}`, cbcReport({ parameters: cbcReport().parameters.map((p) => ({ ...p, autoRerunAllowed: false })) }));
    expect(await sut.execute(systemCommand(check([{ index: 1, value: '30' }])), stores.unitFor())).toEqual({ message: AUTO_NOT_QUALIFIED });
    expect(stores.lifecycles.states.size).toBe(0);
    expect(stores.published).toEqual([]);
  });

  it('returns early while an auto rerun is queued (a repeat of the queuing message too, as before the seam), writing nothing more', async () => {
    const stores = rerunStores();
    await sut.execute(systemCommand(check([{ index: 5, value: '1200' }]), 'm-1'), stores.unitFor('m-1'));
    expect(await sut.execute(systemCommand(check([{ index: 5, value: '1500' }]), 'm-2'), stores.unitFor('m-2'))).toEqual({ message: AUTO_ALREADY_EXISTS });
    expect(await sut.execute(systemCommand(check([{ index: 5, value: '1200' }]), 'm-1'), stores.unitFor('m-1'))).toEqual({ message: AUTO_ALREADY_EXISTS });
    expect(stores.published.filter((e) => e.topic === 'rerun.requested')).toHaveLength(1);
    expect(stores.lifecycles.find(LAB, REPORT)?.version).toBe(1);
  });

  it('is 404 for another lab\'s report, asking nothing more', async () => {
    const stores = rerunStores();
    expect(await failureOf(sut.execute(userCommand(check([{ index: 1, value: '20' }]), 'm', labUser(LAB + 1)), stores.unitFor())))
      .toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' });
    expect(stores.published).toEqual([]);
  });

  it('a save that fails logs RERUN_FAILED (984) as a request does, and fails with the store\'s error (the upload is retried)', async () => {
    const stores = rerunStores();
    stores.lifecycles.failNextWrite = new Error('not primary');
    await expect(sut.execute(systemCommand(check([{ index: 1, value: '30' }])), stores.unitFor())).rejects.toThrow('not primary');
    expect(stores.failures.saved).toEqual([{ labId: LAB, labReportId: REPORT, reason: 'not primary', by: '-1' }]);
    expect(stores.cache.hash.size).toBe(0);
  });
});
