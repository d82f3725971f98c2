import { DataSource } from 'typeorm';
import { currentEnvironment, spawnApp, APP_PORTS, waitForReady } from '@labflow/tools/dev';
import { call, eventually, freshLabId, TopicProbe, tokenFor } from '@labflow/testing';
import { createTest, registerPatient } from '../e2e/lab-fixtures';
import { killApp, restartApp } from './support/fault-kit';

const env = currentEnvironment();
const pgUrl = env.variables.POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/labflow';
const SAMPLES = 20;

/**
 * device-ingestion's event consumers stopped (KAFKA_CONSUME_EVENTS=false) while registrations go on:
 * it never learns the new samples from bill.registered, yet every upload for them is accepted (it
 * asks reporting), and once the consumers resume, every accepted value is applied exactly once.
 */
describe('faults: registrations while device-ingestion consumes no events', () => {
  const labId = freshLabId();
  let db: DataSource;
  let probe: TopicProbe;

  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: pgUrl }).initialize();
    probe = await TopicProbe.start(['device.data.received']);
  });
  afterAll(async () => {
    await probe.stop();
    await db.destroy();
  });

  it('accepts every upload for the new samples (never 404) and applies each value once after the consumers resume', async () => {
    const token = await tokenFor({ lab_id: labId });
    const testId = await createTest(token, false, 'CBC');
    const device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Lagging analyzer' } })).body;
    expect((await call('POST', `/api-v3/devices/${device.id}/mappings`, {
      token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }] },
    })).status).toBe(201);

    await killApp('device-ingestion');
    spawnApp('device-ingestion', { env: { NODE_ENV: 'test', KAFKA_CONSUME_EVENTS: 'false' } });
    await waitForReady(`http://127.0.0.1:${APP_PORTS['device-ingestion']}/health/ready`, 120_000);

    const refusals = new Map<number, number>();
    const accepted: { sampleId: string; labReportId: number; value: number; resultId: string }[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const sampleId = `LAG${labId}-${i}`;
      const registered = await registerPatient(token, sampleId, [testId]);
      const value = 13 + i / 100;
      const res = await call('POST', '/dataPartialFromDevice/', {
        body: { labId, sampleId, deviceAuth: device.deviceAuth, test_flags: [], data: { values: [{ testName: 'hmg', value }] } },
      });
      if (res.status === 200) accepted.push({ sampleId, labReportId: registered.labReports[0].labReportId, value, resultId: res.body.resultId });
      else refusals.set(res.status, (refusals.get(res.status) ?? 0) + 1);
    }
    const learnedWhileStopped: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM device_ingestion.sample_reports WHERE lab_id = $1', [labId]);

    await killApp('device-ingestion');
    await restartApp('device-ingestion'); // consumers resume: the held bill.registered events add the same rows (no-ops)
    await eventually(async () => (await db.query(
      'SELECT count(DISTINCT lab_report_id)::int AS n FROM reporting.report_values WHERE lab_id = $1', [labId]))[0].n, (n) => n >= accepted.length, 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // anything applied twice would have landed by now

    const rows: { lab_report_id: number; value: string }[] = await db.query(
      'SELECT lab_report_id, value FROM reporting.report_values WHERE lab_id = $1 AND index = 4', [labId]);
    const published = probe.matching((m) => m.envelope.payload.labId === labId);
    const counts = {
      uploads: SAMPLES,
      accepted: accepted.length,
      refusals: Object.fromEntries(refusals),
      learnedFromReporting: learnedWhileStopped[0].n,
      applied: accepted.filter((a) => rows.some((r) => r.lab_report_id === a.labReportId && Math.abs(Number(r.value) - a.value) < 1e-9)).length,
      appliedTwice: rows.length - new Set(rows.map((r) => r.lab_report_id)).size,
      publishedTwice: published.length - new Set(published.map((m) => m.envelope.payload.resultId)).size,
      lost: accepted.filter((a) => !rows.some((r) => r.lab_report_id === a.labReportId)).length,
    };
    console.log(`[fault:registration-lag] ${JSON.stringify(counts)}`);
    expect(counts.refusals).toEqual({});
    expect(counts.accepted).toBe(SAMPLES);
    expect(counts.learnedFromReporting).toBe(SAMPLES);
    expect(counts.applied).toBe(SAMPLES);
    expect(counts.appliedTwice).toBe(0);
    expect(counts.lost).toBe(0);
    const sampleRows: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM device_ingestion.sample_reports WHERE lab_id = $1', [labId]);
    expect(sampleRows[0].n).toBe(SAMPLES); // the later bill.registered added nothing twice
  });
});
