import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, freshLabId, GATEWAY_URL, WebhookReceiver } from '@labflow/testing';
import { fuzzConfig } from './support/fuzz-config';
import { OpenApiDocument, successCoverage } from './support/fuzz-coverage';
import { RULE_REFUSALS } from './support/fuzz-refusals';
import { buildFuzzRecords, FuzzRecords } from './support/fuzz-world';
import { buildLabWorld, LabWorld } from './support/lab-world';

/**
 * Schemathesis fuzzes every operation of the gateway's OpenAPI document with every check it has
 * (`--checks all`: no 5xx, every status, header and body as documented, invalid input refused,
 * valid input accepted), then the stateful phase follows the document's links from the operations
 * that create to those that read. A bounded number of examples keeps it within CI's time.
 * Afterwards, every operation that documents a success must have answered one at least once.
 */
const SCHEMATHESIS = join(process.env.LABFLOW_HOME ?? join(homedir(), '.cache', 'labflow'), 'venv-schemathesis', 'bin', 'schemathesis');
const TIME_LIMIT_MS = 240_000;

/**
 * Operations whose success a fuzzer cannot reach, and why. Keep it short: an operation belongs
 * here only when no generated request can succeed, never because the server refuses valid data.
 */
const NO_REACHABLE_SUCCESS: Record<string, string> = {};

describe('OpenAPI fuzzing (Schemathesis)', () => {
  let hooks: WebhookReceiver;
  let world: LabWorld;
  let records: FuzzRecords;
  beforeAll(async () => {
    hooks = await WebhookReceiver.start();
    world = await buildLabWorld(freshLabId(), hooks);
    records = await buildFuzzRecords(world, hooks);
  });
  afterAll(() => hooks.stop());

  it('finds no failed check, and reaches every documented success', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'labflow-fuzz-'));
    const config = join(reports, 'schemathesis.toml');
    const refusals = join(reports, 'refusals.json');
    writeFileSync(refusals, JSON.stringify(RULE_REFUSALS));
    writeFileSync(config, fuzzConfig(world, records, join(__dirname, 'support', 'fuzz_hooks.py')));
    const document = (await call<OpenApiDocument>('GET', '/docs/openapi.json')).body;
    // Asynchronous on purpose: a run that blocked this process for minutes left the pooled keep-alive
    // sockets of the suites after it closed by the server unnoticed (their first call: 'other side closed').
    const run = await runSchemathesis([
      '--config-file', config, 'run', `${GATEWAY_URL}/docs/openapi.json`,
      '--header', `Authorization: Bearer ${world.token}`,
      '--checks', 'all',
      '--phases', 'examples,coverage,fuzzing,stateful',
      '--max-examples', process.env.FUZZ_MAX_EXAMPLES ?? '10',
      '--seed', process.env.FUZZ_SEED ?? '20261124',
      '--report', 'ndjson,json', '--report-dir', reports,
      '--no-color',
    ], { LABFLOW_FUZZ_REFUSALS: refusals });
    const output = `${run.stdout}\n${run.stderr}`;
    const summary = output.split('\n').filter((l) => /passed|failed|Test cases|generated|Selected|Tested|dropped|❌|⚠️/.test(l)).join('\n');
    console.log(`[fuzz]\n${summary}`);
    if (run.status !== 0) console.log(output.slice(-12000));
    expect(run.error).toBeNull();

    const ndjson = readdirSync(reports).find((f) => f.endsWith('.ndjson'));
    expect(ndjson).toBeDefined();
    const coverage = successCoverage(document, join(reports, ndjson!), NO_REACHABLE_SUCCESS);
    console.log(`[fuzz] ${coverage.reached.length} operations answered a 2xx, ${coverage.unreached.length} never did\n${coverage.lines.join('\n')}`);
    expect(run.status).toBe(0);
    expect(coverage.unreached).toEqual([]);
  }, TIME_LIMIT_MS + 30_000);
});

interface SchemathesisRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Why it did not run to an exit code (not found, killed at the time limit); null when it exited. */
  error: string | null;
}

async function runSchemathesis(args: string[], env: Record<string, string>): Promise<SchemathesisRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(SCHEMATHESIS, args, {
      encoding: 'utf8', timeout: TIME_LIMIT_MS, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env },
    });
    return { status: 0, stdout, stderr, error: null };
  } catch (failure) {
    const f = failure as { code?: number | string; killed?: boolean; stdout?: string; stderr?: string; message: string };
    // an exit code other than 0 is a result (failed checks); anything else is an error of the run itself
    const exited = typeof f.code === 'number' && !f.killed;
    return { status: exited ? (f.code as number) : null, stdout: f.stdout ?? '', stderr: f.stderr ?? '', error: exited ? null : f.message };
  }
}
