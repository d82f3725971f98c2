import { CommandRequest, REPORT_READ_COMMANDS } from '@labflow/contracts';
import { VerificationBlocks } from './verification-blocks';
import { blockOf, VerificationStatusStore } from './verification-status.store';

const decision = { decidedStatus: 'held' as const, reasons: ['delta_check'], ruleSetVersion: 2, heldParameters: [4], decisionId: 'd-2', decidedAt: '2026-05-25T10:00:00.000Z' };
const request = (input: object): CommandRequest => ({ principal: { labId: 1 } as CommandRequest['principal'], input });

describe('blockOf', () => {
  it('shows the review of the decision it reviewed', () => {
    const review = { decisionId: 'd-2', action: 'released' as const, by: '7', comment: 'ok', at: '2026-05-25T11:00:00.000Z' };
    expect(blockOf(decision, review)).toEqual({ ...decision, status: 'released', review: { action: 'released', by: '7', comment: 'ok', at: review.at } });
  });

  it('ignores a review of an earlier decision', () => {
    expect(blockOf(decision, { decisionId: 'd-1', action: 'released', by: '7', comment: '', at: '2026-05-25T09:00:00.000Z' })).toMatchObject({ status: 'held', review: null });
  });
});

describe('VerificationBlocks', () => {
  const store = { blocks: jest.fn(async (_lab: number, ids: number[]) => new Map(ids.filter((id) => id === 11).map((id) => [id, blockOf(decision, undefined)]))) };
  const sut = new VerificationBlocks(store as unknown as VerificationStatusStore);

  it('adds `verification` to the report entry and keeps every field of the spec', async () => {
    const reply = await sut.attach(REPORT_READ_COMMANDS.reportEntry.pattern, request({ labReportId: 11 }), { ok: true, status: 200, body: { value: [1], qcArray: [] } });
    expect(reply).toEqual({ ok: true, status: 200, body: { value: [1], qcArray: [], verification: { ...decision, status: 'held', review: null } } });
  });

  it('adds `verification_mapper` by lab report id to the patient overview, null where nothing was decided', async () => {
    const reply = await sut.attach(REPORT_READ_COMMANDS.patientReports.pattern, request({ labReportId: 11 }), {
      ok: true, status: 200, body: { reports: [{ labReportId: 11 }, { labReportId: 12 }] },
    });
    expect(reply.ok && (reply.body as Record<string, unknown>).verification_mapper).toEqual({ 11: { ...decision, status: 'held', review: null }, 12: null });
  });

  it('leaves a failed reply as it is', async () => {
    const failed = { ok: false as const, status: 404, error: { code: 'LAB_REPORT_NOT_FOUND', message: 'Lab report not found' } };
    expect(await sut.attach(REPORT_READ_COMMANDS.reportEntry.pattern, request({ labReportId: 11 }), failed)).toBe(failed);
  });
});
