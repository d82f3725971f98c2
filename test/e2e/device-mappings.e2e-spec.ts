import { Client as PgClient } from 'pg';
import { call, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { createTest } from './lab-fixtures';

/**
 * A device mapping names a test of the caller's lab (seed 002 §2 step 2): device-ingestion asks
 * reporting, the owner of tests, before it stores one.
 */
describe('device mappings: the mapped test must exist in the caller\'s lab', () => {
  const labId = freshLabId();
  let token: string;
  let pg: PgClient;
  let deviceId: number;
  let otherLabTest: number;

  const map = (testId: number, parameters = [{ testName: 'hmg', index: 4 }]) => call('POST', `/api-v3/devices/${deviceId}/mappings`, {
    token, body: { testId, functionName: 'PartialFill', parameters, flagInterpretations: { 'H~N': 'H' } },
  });
  /** What a mapping request of this lab could have changed: mappings, the flag table, events waiting in the outbox. */
  async function footprint(): Promise<unknown> {
    const mappings = await pg.query('SELECT test_id, parameters FROM device_ingestion.device_test_mappings WHERE lab_id = $1 ORDER BY test_id', [labId]);
    const device = await pg.query('SELECT flag_interpretations FROM device_ingestion.devices WHERE lab_id = $1 AND id = $2', [labId, deviceId]);
    const events = await pg.query(`SELECT count(*)::int AS n FROM device_ingestion.outbox WHERE envelope->>'labId' = $1`, [String(labId)]);
    return { mappings: mappings.rows, flagTable: device.rows[0].flag_interpretations, events: events.rows[0].n };
  }

  beforeAll(async () => {
    token = await tokenFor({ lab_id: labId });
    pg = new PgClient({ connectionString: process.env.POSTGRES_URL });
    await pg.connect();
    deviceId = (await call('POST', '/api-v3/devices', { token, body: { name: 'Sysmex XN-1000' } })).body.id;
    otherLabTest = await createTest(await tokenFor({ lab_id: labId + 1 }), true);
  });
  afterAll(() => pg.end());

  it.each([
    ['a test id nobody has', () => 2_000_000_000 + Math.floor(Math.random() * 100_000_000)],
    ['a test of another lab', () => otherLabTest],
  ])('refuses a mapping to %s with 404 Test not found, storing and publishing nothing', async (_name, testId) => {
    const before = await footprint();
    const res = await map(testId());
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'TEST_NOT_FOUND', message: 'Test not found' });
    expect(await footprint()).toEqual(before);
  });

  it('refuses an index the test\'s format does not have, naming it, storing nothing', async () => {
    const testId = await createTest(token, true);
    const before = await footprint();
    const res = await map(testId, [{ testName: 'hmg', index: 4 }, { testName: 'plt', index: 9 }]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'UNKNOWN_TEST_PARAMETER', message: 'parameters.1.index 9 is not a parameter of this test' });
    expect(await footprint()).toEqual(before);
  });

  it('accepts a mapping to a test of the lab made a moment before (no wait for report_format.saved)', async () => {
    const testId = await createTest(token, false, 'Haemogram');
    const res = await map(testId, [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }]);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(Number), deviceId, testId, functionName: 'PartialFill',
      parameters: [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }], flagInterpretations: { 'H~N': 'H' },
    });
    expect(await footprint()).toMatchObject({ mappings: [{ test_id: testId }], flagTable: { 'H~N': 'H' } });
  });

  it('reporting answers device-ingestion on device-ingestion.replies, never on the gateway\'s reply topic', async () => {
    const probe = await TopicProbe.start(['device-ingestion.replies', 'gateway.replies']);
    try {
      const testId = await createTest(token, true, 'Reply topic');
      const res = await map(testId);
      expect(res.status).toBe(201);
      // the reply is a CommandReply, not an event envelope: the probe hands it over as parsed JSON
      const isAnswer = (m: { envelope: unknown }) => {
        const body = (m.envelope as { body?: { testId?: number; parameterIndexes?: unknown } } | null)?.body;
        return body?.testId === testId && body.parameterIndexes !== undefined;
      };
      const [answer] = await probe.waitFor((m) => m.topic === 'device-ingestion.replies' && isAnswer(m));
      expect(answer.envelope).toMatchObject({ ok: true, status: 200, body: { testId, parameterIndexes: [4, 5, 6] } });
      expect(probe.matching((m) => m.topic === 'gateway.replies' && m.headers['request-id'] === answer.headers['request-id'])).toEqual([]);
      expect(probe.matching((m) => m.topic === 'gateway.replies' && isAnswer(m))).toEqual([]); // the test's creation was answered there, its parameter indexes were not
    } finally {
      await probe.stop();
    }
  });
});
