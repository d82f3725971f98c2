import mongoose, { Connection } from 'mongoose';
import { REPORT_VERIFICATIONS } from './report-verification.schema';
import { StoredDecision, VerificationStatusStore } from './verification-status.store';

/** Against the real document store: the newest decision and review are kept, each validated as written. */
describe('VerificationStatusStore (document store)', () => {
  let mongo: Connection;
  let store: VerificationStatusStore;
  const labId = 900_000 + Math.floor(Math.random() * 99_999);
  const report = 700_000 + Math.floor(Math.random() * 99_999);
  const decision = (decisionId: string, decidedAt: string): StoredDecision => ({
    decidedStatus: 'held', reasons: ['delta_check'], ruleSetVersion: 2, heldParameters: [4], decisionId, decidedAt,
  });

  beforeAll(async () => {
    mongo = await mongoose.createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/labflow', { retryWrites: false }).asPromise();
    store = new VerificationStatusStore(mongo);
  });
  afterAll(async () => {
    await mongo.collection(REPORT_VERIFICATIONS).deleteMany({ labId });
    await mongo.close();
  });

  it('keeps the newest decision and the review of it; a late decision changes nothing', async () => {
    await store.saveDecision(labId, report, decision('d-2', '2026-05-25T10:00:00.000Z'));
    await store.saveDecision(labId, report, decision('d-1', '2026-05-25T09:00:00.000Z'));
    await store.saveReview(labId, report, { decisionId: 'd-2', action: 'released', by: '7', comment: '', at: '2026-05-25T11:00:00.000Z' });
    const blocks = await store.blocks(labId, [report, report + 1]);
    expect([...blocks.keys()]).toEqual([report]);
    expect(blocks.get(report)).toMatchObject({ status: 'released', decisionId: 'd-2', review: { action: 'released', by: '7', comment: '', at: '2026-05-25T11:00:00.000Z' } });
    expect(await store.blocks(labId + 1, [report])).toEqual(new Map()); // another lab sees nothing
  });

  it('refuses a document that does not match its schema, writing nothing', async () => {
    const bad = report + 10;
    await expect(store.saveDecision(labId, bad, { ...decision('d-9', '2026-05-25T10:00:00.000Z'), decidedStatus: 'maybe' as never })).rejects.toThrow(/decidedStatus/);
    await expect(store.saveDecision(labId, bad, { ...decision('d-9', 'yesterday') })).rejects.toThrow(/decidedAt/);
    await expect(store.saveReview(labId, bad, { decisionId: 'd-9', action: 'released', by: '', comment: 'x', at: '2026-05-25T10:00:00.000Z' })).rejects.toThrow(/by/);
    await expect(store.saveDecision(labId, bad, { ...decision('d-9', '2026-05-25T10:00:00.000Z'), extra: 1 } as never)).rejects.toThrow(/extra/);
    expect(await mongo.collection(REPORT_VERIFICATIONS).countDocuments({ _id: String(bad) } as never)).toBe(0);
  });
});
