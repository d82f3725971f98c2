import { labScopedKey } from '@labflow/contracts';
import { LAB, REPORT, rerunStores, systemCommand } from '../in-memory-rerun.fake';
import { GetOpenRerunsUseCase } from './get-open-reruns.usecase';
import { emptyLifecycle, RerunLifecycle, RerunRequestRecord } from './rerun-lifecycle';

const at = new Date('2026-06-01T10:00:00Z');
const request = (rerunNumber: number, over: Partial<RerunRequestRecord> = {}): RerunRequestRecord => ({
  rerunNumber, type: 'Manual', requestedParameters: [1, 3], parameterNames: ['WBC Count', 'Hemoglobin'], isActive: true,
  receivedParameters: [], fulfilled: false, createdBy: '7', updatedBy: '7', createdAt: at, updatedAt: at, ...over,
});

function storesWith(labReportId: number, over: Partial<RerunLifecycle>, labId = LAB) {
  const stores = rerunStores();
  stores.lifecycles.states.set(labScopedKey(labId, labReportId), { ...emptyLifecycle(labId, labReportId), version: 1, ...over });
  return stores;
}

const open = (labReportIds: number[], labId = LAB) => systemCommand({ labReportIds }, 'spec-message', labId);

describe('GetOpenRerunsUseCase (an analyzer host query\'s open reruns)', () => {
  it('answers the newest active unfulfilled request of a report in progress, with its requested and received parameters', async () => {
    const stores = storesWith(REPORT, {
      requests: [request(1, { fulfilled: true }), request(2, { requestedParameters: [1, 3, 5], receivedParameters: [3] })],
    });
    expect(await new GetOpenRerunsUseCase().execute(open([REPORT, REPORT]), stores.unitFor(null))).toEqual({
      reruns: [{ labReportId: REPORT, rerunNumber: 2, requestedParameters: [1, 3, 5], receivedParameters: [3] }],
    });
  });

  it('skips a withdrawn request for the one before it that is still awaited', async () => {
    const stores = storesWith(REPORT, { requests: [request(1), request(2, { isActive: false })] });
    expect((await new GetOpenRerunsUseCase().execute(open([REPORT]), stores.unitFor(null))).reruns.map((r) => r.rerunNumber)).toEqual([1]);
  });

  it.each([
    ['every request fulfilled', { requests: [request(1, { fulfilled: true })] }],
    ['a closed lifecycle', { requests: [request(1)], closed: true }],
    ['no request at all', {}],
  ])('answers no rerun for %s', async (_case, over: Partial<RerunLifecycle>) => {
    const stores = storesWith(REPORT, over);
    expect(await new GetOpenRerunsUseCase().execute(open([REPORT]), stores.unitFor(null))).toEqual({ reruns: [] });
  });

  it('answers only the lab\'s own reports: another lab\'s open rerun of the same id is not seen, nor a report never seen', async () => {
    const stores = storesWith(REPORT, { requests: [request(1)] }, LAB + 1);
    expect(await new GetOpenRerunsUseCase().execute(open([REPORT, REPORT + 1]), stores.unitFor(null))).toEqual({ reruns: [] });
    expect(stores.reporting.asked).toEqual([]);
  });
});
