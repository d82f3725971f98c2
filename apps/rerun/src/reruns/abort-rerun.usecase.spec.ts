import { failureOf, LAB, REPORT, rerunStores, userCommand } from '../in-memory-rerun.fake';
import { AbortRerunUseCase } from './abort-rerun.usecase';
import { RequestRerunUseCase } from './request-rerun.usecase';

async function requested() {
  const stores = rerunStores();
  await new RequestRerunUseCase().execute(userCommand({
    labReportId: REPORT, type: 'Manual' as const, rerun_number: '1', requested_parameters: '[1]', lab_id: LAB,
  }, 'm-request'), stores.unitFor('m-request'));
  stores.published.length = 0;
  return stores;
}

describe('AbortRerunUseCase (seed 000 §5)', () => {
  const sut = new AbortRerunUseCase();

  it('closes the lifecycle, publishes rerun.cancelled and activity 985, and clears the cache', async () => {
    const stores = await requested();
    expect(await sut.execute(userCommand({ labReportId: REPORT }, 'm-abort'), stores.unitFor('m-abort'))).toEqual({ message: 'Successfully aborted sample rerun' });
    expect(stores.lifecycles.find(LAB, REPORT)).toMatchObject({ closed: true, requests: [], values: [], sequence: 2 });
    expect(stores.published).toEqual([
      { topic: 'rerun.cancelled', payload: expect.objectContaining({ labId: LAB, labReportId: REPORT, sequence: 2, rerunValues: [], cancelledBy: '7' }) },
      { topic: 'activity.logged', payload: expect.objectContaining({ logCategoryId: 985, activityText: 'Sample rerun aborted' }) },
    ]);
    expect(stores.cache.hash.size).toBe(0);
  });

  it('answers a repeat as the first time, writing nothing', async () => {
    const stores = await requested();
    await sut.execute(userCommand({ labReportId: REPORT }, 'm-abort'), stores.unitFor('m-abort'));
    expect(await sut.execute(userCommand({ labReportId: REPORT }, 'm-abort'), stores.unitFor('m-abort'))).toEqual({ message: 'Successfully aborted sample rerun' });
    expect(stores.published).toHaveLength(2);
  });

  it('is 404 when no rerun is in progress (none, already closed), and changes nothing', async () => {
    const stores = rerunStores();
    expect(await failureOf(sut.execute(userCommand({ labReportId: REPORT }), stores.unitFor())))
      .toEqual({ status: 404, code: 'NO_RERUN_IN_PROGRESS', message: 'No sample rerun in progress for this lab report' });
    const closed = await requested();
    await sut.execute(userCommand({ labReportId: REPORT }, 'm-1'), closed.unitFor('m-1'));
    expect(await failureOf(sut.execute(userCommand({ labReportId: REPORT }, 'm-2'), closed.unitFor('m-2'))))
      .toEqual({ status: 404, code: 'NO_RERUN_IN_PROGRESS', message: 'No sample rerun in progress for this lab report' });
    expect(closed.published).toHaveLength(2);
  });
});
