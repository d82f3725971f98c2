import { RequestSampleRerunInput } from '@labflow/contracts';
import { failureOf, LAB, REPORT, rerunStores, SAMPLE, userCommand } from '../in-memory-rerun.fake';
import { RequestRerunUseCase } from './request-rerun.usecase';

const input = (over: Partial<RequestSampleRerunInput> = {}): RequestSampleRerunInput => ({
  labReportId: REPORT, type: 'Manual', rerun_number: '1', requested_parameters: '[1, 3]', parameter_names: ['WBC Count', 'Hemoglobin'],
  is_active: true, lab_id: LAB, ...over,
});

describe('RequestRerunUseCase (seed 000 §3)', () => {
  const sut = new RequestRerunUseCase();

  it('records the request, publishes rerun.request_recorded and activity 981, and caches the rerun number', async () => {
    const stores = rerunStores();
    expect(await sut.execute(userCommand(input()), stores.unitFor())).toEqual({ message: 'Manual Sample rerun requested successfully' });
    const state = stores.lifecycles.find(LAB, REPORT);
    expect(state).toMatchObject({ sampleId: SAMPLE, sequence: 1, closed: false, autoRerunQueued: false });
    expect(state?.requests).toEqual([expect.objectContaining({
      rerunNumber: 1, type: 'Manual', requestedParameters: [1, 3], parameterNames: ['WBC Count', 'Hemoglobin'], fulfilled: false, createdBy: '7',
    })]);
    expect(stores.published).toEqual([
      { topic: 'rerun.request_recorded', payload: expect.objectContaining({ labId: LAB, labReportId: REPORT, type: 'Manual', rerunNumber: 1, requestedParameters: [1, 3], requestedBy: '7', sequence: 1 }) },
      { topic: 'activity.logged', payload: expect.objectContaining({ logCategoryId: 981, labReportId: REPORT, userId: '7', activityText: 'Manual sample rerun 1 requested' }) },
    ]);
    expect(stores.cache.hash.get(`${LAB}:${REPORT}`)).toBe('1');
  });

  it('answers a repeat of the same command as the first time and applies it once', async () => {
    const stores = rerunStores();
    await sut.execute(userCommand(input()), stores.unitFor('m-1'));
    stores.cache.hash.clear(); // the first try's Redis write was lost
    expect(await sut.execute(userCommand(input()), stores.unitFor('m-1'))).toEqual({ message: 'Manual Sample rerun requested successfully' });
    expect(stores.published).toHaveLength(2);
    expect(stores.lifecycles.find(LAB, REPORT)?.version).toBe(1);
    expect(stores.cache.hash.get(`${LAB}:${REPORT}`)).toBe('1');
  });

  it('is 409 while a rerun is in progress, and changes nothing', async () => {
    const stores = rerunStores();
    await sut.execute(userCommand(input()), stores.unitFor('m-1'));
    expect(await failureOf(sut.execute(userCommand(input({ rerun_number: '2' })), stores.unitFor('m-2')))).toEqual({
      status: 409, code: 'RERUN_ALREADY_ACTIVE', message: 'A sample rerun is already in progress for this lab report; confirm or abort it first',
    });
    expect(stores.lifecycles.find(LAB, REPORT)?.requests.map((r) => r.rerunNumber)).toEqual([1]);
    expect(stores.published).toHaveLength(2);
  });

  it('refuses malformed or unknown parameters and another lab with the specification\'s answers, before asking or writing', async () => {
    const stores = rerunStores();
    expect(await failureOf(sut.execute(userCommand(input({ requested_parameters: '1, 3' })), stores.unitFor()))).toEqual({
      status: 400, code: 'INVALID_REQUESTED_PARAMETERS', message: 'requested_parameters must be a JSON array of parameter indexes as a string, e.g. "[1, 3, 5]"',
    });
    expect(await failureOf(sut.execute(userCommand(input({ requested_parameters: '[1, 1]' })), stores.unitFor()))).toEqual({
      status: 400, code: 'INVALID_REQUESTED_PARAMETERS', message: 'requested_parameters must not repeat an index',
    });
    expect(await failureOf(sut.execute(userCommand(input({ lab_id: LAB + 1 })), stores.unitFor())))
      .toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' });
    expect(stores.reporting.asked).toEqual([]);
    expect(await failureOf(sut.execute(userCommand(input({ requested_parameters: '[1, 4]' })), stores.unitFor()))).toEqual({
      status: 400, code: 'INVALID_REQUESTED_PARAMETERS', message: 'requested_parameters: index 4 is not a parameter of this test',
    });
    expect(await failureOf(sut.execute(userCommand(input({ labReportId: REPORT + 1 })), stores.unitFor())))
      .toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' });
    expect(stores.lifecycles.states.size).toBe(0);
    expect(stores.published).toEqual([]);
  });

  it('a save that fails logs RERUN_FAILED (984) and answers 500 with the specification\'s message', async () => {
    const stores = rerunStores();
    stores.lifecycles.failNextWrite = new Error('connection refused');
    expect(await failureOf(sut.execute(userCommand(input()), stores.unitFor())))
      .toEqual({ status: 500, code: 'RERUN_SAVE_FAILED', message: 'Something went wrong when saving sample rerun' });
    expect(stores.failures.saved).toEqual([{ labId: LAB, labReportId: REPORT, reason: 'connection refused', by: '7' }]);
    expect(stores.cache.hash.size).toBe(0);
  });
});
