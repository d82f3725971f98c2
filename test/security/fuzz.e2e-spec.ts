import { spawnSync } from 'node:child_process';
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
    // read before the run: spawnSync blocks this process for minutes, past the server's keep-alive
    const document = (await call<OpenApiDocument>('GET', '/docs/openapi.json')).body;
    const run = spawnSync(SCHEMATHESIS, [
      '--config-file', config, 'run', `${GATEWAY_URL}/docs/openapi.json`,
      '--header', `Authorization: Bearer ${world.token}`,
      '--checks', 'all',
      '--phases', 'examples,coverage,fuzzing,stateful',
      '--max-examples', process.env.FUZZ_MAX_EXAMPLES ?? '10',
      '--seed', process.env.FUZZ_SEED ?? '20261124',
      '--report', 'ndjson,json', '--report-dir', reports,
      '--no-color',
    ], { encoding: 'utf8', timeout: TIME_LIMIT_MS, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LABFLOW_FUZZ_REFUSALS: refusals } });
    const output = `${run.stdout}\n${run.stderr}`;
    const summary = output.split('\n').filter((l) => /passed|failed|Test cases|generated|Selected|Tested|dropped|❌|⚠️/.test(l)).join('\n');
    console.log(`[fuzz]\n${summary}`);
    if (run.status !== 0) console.log(output.slice(-12000));
    expect(run.error).toBeUndefined();

    const ndjson = readdirSync(reports).find((f) => f.endsWith('.ndjson'));
    expect(ndjson).toBeDefined();
    const coverage = successCoverage(document, join(reports, ndjson!), NO_REACHABLE_SUCCESS);
    console.log(`[fuzz] ${coverage.reached.length} operations answered a 2xx, ${coverage.unreached.length} never did\n${coverage.lines.join('\n')}`);
    expect(run.status).toBe(0);
    expect(coverage.unreached).toEqual([]);
  }, TIME_LIMIT_MS + 30_000);
});
