import { CommonConfig } from '@labflow/platform/config';
import { failureOf, LAB, labUser, REPORT, rerunStores, SAMPLE, userCommand } from '../in-memory-rerun.fake';
import { GetRerunValuesUseCase } from './get-rerun-values.usecase';
import { emptyLifecycle, RerunValueRecord } from './rerun-lifecycle';

const config = (enabled = true) => Object.assign(new CommonConfig(), { DOCUMENT_DB_ENABLED: enabled });
const value = (index: number, v: string, rerun_number = 1): RerunValueRecord => ({
  _id: `v${index}-${rerun_number}`, lab_id: LAB, sample_id: SAMPLE, value: v, order: 1, index, rerun_type: 'manual_rerun', rerun_number,
  parameter_name: `p${index}`, device_id: '42', device_name: 'Sysmex', created_at: new Date('2026-06-01T10:00:00Z'),
});

describe('GetRerunValuesUseCase (seed 000 §1)', () => {
  it('refuses with 503 and a clear message when DOCUMENT_DB_ENABLED is false, before any read', async () => {
    const stores = rerunStores();
    expect(await failureOf(new GetRerunValuesUseCase(config(false)).execute(userCommand({ labReportId: REPORT }), stores.unitFor(null)))).toEqual({
      status: 503, code: 'DOCUMENT_DB_DISABLED', message: 'Sample rerun values are unavailable: the document store is not enabled (DOCUMENT_DB_ENABLED)',
    });
    expect(stores.reporting.asked).toEqual([]);
  });

  it('answers the stored values of an open lifecycle from the document, without asking reporting', async () => {
    const stores = rerunStores();
    stores.lifecycles.states.set(`${LAB}:${REPORT}`, { ...emptyLifecycle(LAB, REPORT), version: 2, values: [value(1, '12.5'), value(3, '14.1')] });
    const answer = await new GetRerunValuesUseCase(config()).execute(userCommand({ labReportId: REPORT }), stores.unitFor(null));
    expect(answer.reruns.map((r) => [r.index, r.value, r.created_at])).toEqual([[1, '12.5', '2026-06-01T10:00:00.000Z'], [3, '14.1', '2026-06-01T10:00:00.000Z']]);
    expect(stores.reporting.asked).toEqual([]);
  });

  it('answers no values for a closed lifecycle, without asking reporting', async () => {
    const stores = rerunStores();
    stores.lifecycles.states.set(`${LAB}:${REPORT}`, { ...emptyLifecycle(LAB, REPORT), version: 3, closed: true });
    expect(await new GetRerunValuesUseCase(config()).execute(userCommand({ labReportId: REPORT }), stores.unitFor(null))).toEqual({ reruns: [] });
    expect(stores.reporting.asked).toEqual([]);
  });

  it('asks reporting for a report it has never seen: empty for one of the lab, 404 for an unknown or another lab\'s', async () => {
    const stores = rerunStores();
    const sut = new GetRerunValuesUseCase(config());
    expect(await sut.execute(userCommand({ labReportId: REPORT }), stores.unitFor(null))).toEqual({ reruns: [] });
    expect(await failureOf(sut.execute(userCommand({ labReportId: REPORT + 1 }), stores.unitFor(null))))
      .toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' });
    stores.lifecycles.states.set(`${LAB}:${REPORT}`, { ...emptyLifecycle(LAB, REPORT), version: 1, values: [value(1, '12.5')] });
    expect(await failureOf(sut.execute(userCommand({ labReportId: REPORT }, 'm', labUser(LAB + 1)), stores.unitFor(null))))
      .toEqual({ status: 404, code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' });
    expect(stores.reporting.asked).toEqual([`context ${LAB}:${REPORT}`, `context ${LAB}:${REPORT + 1}`, `context ${LAB + 1}:${REPORT}`]);
  });
});
