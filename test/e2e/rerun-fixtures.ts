import { MongoClient } from 'mongodb';
import { Client } from 'pg';
import { closeRedis, connectRedis, RedisClient } from '@labflow/platform/persistence';
import { call, eventually } from '@labflow/testing';

/** A haematology test whose parameters exercise each auto-rerun condition (seed 000 §6). */
export function rerunFormat(testName: string): Record<string, unknown> {
  return {
    testData: { addFlag: 0, testID: 1, test: { testName, test_type: 'Normal', enable_device_flags: false } },
    reportData: [
      { index: 1, name: 'WBC Count', lower: 4, upper: 11, critical_lower: 2, critical_upper: 30, auto_rerun_allowed: true, auto_rerun_condition: 'abnormal' },
      { index: 3, name: 'Hemoglobin', lower: 12, upper: 16, critical_lower: 7, critical_upper: 20, auto_rerun_allowed: true, auto_rerun_condition: 'critical' },
      { index: 5, name: 'Platelets', lower: 150, upper: 400, auto_rerun_allowed: true, auto_rerun_condition: 'custom', auto_rerun_lower: 50, auto_rerun_upper: 1000 },
      { index: 7, name: 'RBC Count', lower: 4.5, upper: 5.5 },
    ],
    // A child's haemoglobin is critical above 18 (an adult's above 20).
    ageRangeData: [{ index: 3, gender: 'any', age_from: 0, age_to: 18, age_unit: 'years', lower: 11, upper: 14, critical_lower: 9, critical_upper: 18 }],
    calculations: [],
    addTestToChildLabsData: { childLabIds: [] },
  };
}

export const ADULT = { name: 'Asha Rao', dateOfBirth: '1984-02-29', gender: 'female' };
export const CHILD = { name: 'Ravi Rao', dateOfBirth: '2016-01-01', gender: 'male' };

export async function createRerunTest(token: string, testName = 'CBC rerun'): Promise<number> {
  const res = await call('POST', '/reporting/report-format/create/', { token, body: rerunFormat(testName) });
  if (res.status !== 201) throw new Error(`create test: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.testId;
}

/** Registers one patient with one lab report of the test; returns the lab report id. */
export async function newLabReport(token: string, testId: number, sampleId: string, patient = ADULT): Promise<number> {
  const res = await call('POST', '/api-v3/registrations', {
    token, body: { patient, samples: [{ sampleId, collectedAt: '2026-05-25T08:00:00.000Z' }], tests: [{ testId, sampleId }] },
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.labReports[0].labReportId;
}

/** The stores themselves, read to prove effects (never written by the tests). */
export class Stores {
  private constructor(readonly pg: Client, readonly redis: RedisClient, readonly mongo: MongoClient) {}

  static async open(): Promise<Stores> {
    const pg = new Client({ connectionString: process.env.POSTGRES_URL });
    await pg.connect();
    const redis = await connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { name: 'e2e-stores' });
    const mongo = await new MongoClient(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/labflow').connect();
    return new Stores(pg, redis, mongo);
  }

  async close(): Promise<void> {
    await this.pg.end();
    closeRedis(this.redis);
    await this.mongo.close();
  }

  async redrawFlag(labReportId: number): Promise<number> {
    const { rows } = await this.pg.query('SELECT sample_redraw_flag FROM reporting.lab_reports WHERE id = $1', [labReportId]);
    return rows[0].sample_redraw_flag;
  }

  async flagBecomes(labReportId: number, flag: number): Promise<void> {
    await eventually(() => this.redrawFlag(labReportId), (f) => f === flag);
  }

  async reportValues(labReportId: number): Promise<{ index: number; value: string }[]> {
    const { rows } = await this.pg.query('SELECT index, value FROM reporting.report_values WHERE lab_report_id = $1 ORDER BY index', [labReportId]);
    return rows;
  }

  async cachedRerun(labId: number, labReportId: number): Promise<string | null> {
    return this.redis.hGet(`sample_rerun_${labId}`, String(labReportId));
  }

  /** Stored documents that still hold a rerun request or a rerun value of the report. */
  async rerunDocuments(labId: number, labReportId: number): Promise<number> {
    const docs = await this.mongo.db().collection('sample_rerun_lifecycles').find({ labId, labReportId }).toArray();
    return docs.filter((d) => d.requests.length > 0 || d.values.length > 0).length;
  }

  async indexedFlag(labReportId: number): Promise<number | undefined> {
    const res = await fetch(`${process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200'}/${process.env.ELASTICSEARCH_INDEX_PREFIX ?? 'labflow'}-lab-reports/_doc/${labReportId}`);
    if (res.status !== 200) return undefined;
    return ((await res.json()) as { _source: { sampleRedrawFlag: number } })._source.sampleRedrawFlag;
  }
}
