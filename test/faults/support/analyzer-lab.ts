import { call, eventually, freshLabId, tokenFor } from '@labflow/testing';
import { createTest, registerPatient } from '../../e2e/lab-fixtures';

export interface AnalyzerLab {
  labId: number;
  token: string;
  deviceAuth: string;
  samples: { sampleId: string; labReportId: number }[];
}

/** A lab with a CBC document test, `count` registered samples and a mapped analyzer. */
export async function analyzerLab(count: number): Promise<AnalyzerLab> {
  const labId = freshLabId();
  const token = await tokenFor({ lab_id: labId });
  const testId = await createTest(token, true, 'CBC');
  const samples: AnalyzerLab['samples'] = [];
  for (let i = 0; i < count; i++) {
    const sampleId = `F${labId}-${i}`;
    const registered = await registerPatient(token, sampleId, [testId]);
    samples.push({ sampleId, labReportId: registered.labReports[0].labReportId });
  }
  const device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Fault Analyzer' } })).body;
  const mapped = await call('POST', `/api-v3/devices/${device.id}/mappings`, {
    token, body: { testId, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }] },
  });
  if (mapped.status !== 201) throw new Error(`mapping: ${mapped.status} ${JSON.stringify(mapped.body)}`);
  const lab = { labId, token, deviceAuth: device.deviceAuth as string, samples };
  // device-ingestion learns samples from bill.registered: wait until it knows the last one
  await eventually(() => postValue(lab, samples.length - 1, 0), (r) => r.status === 200, 30_000);
  return lab;
}

/** One analyzer result: Haemoglobin of sample `i`, a normal value unique to `n` (so never a duplicate). */
export function postValue(lab: AnalyzerLab, i: number, n: number) {
  return call('POST', '/dataPartialFromDevice/', {
    body: {
      labId: lab.labId, sampleId: lab.samples[i].sampleId, deviceAuth: lab.deviceAuth, test_flags: [],
      data: { values: [{ testName: 'hmg', value: Number((13 + n / 10000).toFixed(4)), param_flags: [] }] },
    },
  });
}

/**
 * One worker per sample posts results one after another, each retried (same payload, so the same
 * idempotency) on 503/504/network errors until accepted, as an interfacing bridge does.
 */
export class AnalyzerStream {
  readonly accepted: string[][];
  readonly refusals = new Map<number, number>();
  private running = false;
  private workers: Promise<void>[] = [];

  constructor(private readonly lab: AnalyzerLab, private readonly firstN = 1) {
    this.accepted = lab.samples.map(() => []);
  }

  start(): this {
    this.running = true;
    this.workers = this.lab.samples.map((_, i) => this.work(i));
    return this;
  }

  get acceptedCount(): number {
    return this.accepted.reduce((n, a) => n + a.length, 0);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  private async work(i: number): Promise<void> {
    for (let n = this.firstN; this.running; n++) {
      for (;;) {
        let status = 0;
        let body: Record<string, unknown> = {};
        try {
          ({ status, body } = await postValue(this.lab, i, n));
        } catch {
          status = 0;
        }
        if (status === 200) {
          this.accepted[i].push(String(body.resultId));
          break;
        }
        this.refusals.set(status, (this.refusals.get(status) ?? 0) + 1);
        if (status >= 400 && status < 500) throw new Error(`result refused with ${status}: ${JSON.stringify(body)}`);
        await new Promise((r) => setTimeout(r, 300));
      }
      await new Promise((r) => setTimeout(r, 250)); // ~4 results/s per analyzer: a busy morning, not a flood
    }
  }
}
