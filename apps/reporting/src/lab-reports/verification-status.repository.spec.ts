import { blockOf } from './verification-status.repository';

const decision = { decidedStatus: 'held' as const, reasons: ['delta_check'], ruleSetVersion: 2, heldParameters: [4], decisionId: 'd-2', decidedAt: '2026-05-25T10:00:00.000Z' };

describe('blockOf', () => {
  it('shows the review of the decision it reviewed', () => {
    const review = { decisionId: 'd-2', action: 'released' as const, by: '7', comment: 'ok', at: '2026-05-25T11:00:00.000Z' };
    expect(blockOf(decision, review)).toEqual({ ...decision, status: 'released', review: { action: 'released', by: '7', comment: 'ok', at: review.at } });
  });

  it('ignores a review of an earlier decision', () => {
    expect(blockOf(decision, { decisionId: 'd-1', action: 'released', by: '7', comment: '', at: '2026-05-25T09:00:00.000Z' })).toMatchObject({ status: 'held', review: null });
  });
});
