import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshLabId, GATEWAY_URL, tokenFor } from '@labflow/testing';
import { OpenApiDocument, successCoverage } from './support/fuzz-coverage';

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
  it('finds no failed check, and reaches every documented success', async () => {
    const token = await tokenFor({
      lab_id: freshLabId(), login_type: 'lab_user', department_data_type: 0, department_ids: [1],
      scope: 'specimen:process specimen:read specimen:admin party:admin', party_id: 'fuzz-party', client_id: 'fuzz-client',
    });
    const reports = mkdtempSync(join(tmpdir(), 'labflow-fuzz-'));
    const run = spawnSync(SCHEMATHESIS, [
      'run', `${GATEWAY_URL}/docs/openapi.json`,
      '--header', `Authorization: Bearer ${token}`,
      '--checks', 'all',
      '--phases', 'examples,coverage,fuzzing,stateful',
      '--max-examples', process.env.FUZZ_MAX_EXAMPLES ?? '15',
      '--seed', process.env.FUZZ_SEED ?? '20261124',
      '--report', 'ndjson,json', '--report-dir', reports,
      '--no-color',
    ], { encoding: 'utf8', timeout: TIME_LIMIT_MS, maxBuffer: 64 * 1024 * 1024 });
    const output = `${run.stdout}\n${run.stderr}`;
    const summary = output.split('\n').filter((l) => /passed|failed|Test cases|generated|Selected|Tested|❌|⚠️/.test(l)).join('\n');
    console.log(`[fuzz]\n${summary}`);
    if (run.status !== 0) console.log(output.slice(-12000));
    expect(run.error).toBeUndefined();

    const document = await (await fetch(`${GATEWAY_URL}/docs/openapi.json`)).json() as OpenApiDocument;
    const ndjson = readdirSync(reports).find((f) => f.endsWith('.ndjson'));
    expect(ndjson).toBeDefined();
    const coverage = successCoverage(document, join(reports, ndjson!), NO_REACHABLE_SUCCESS);
    console.log(`[fuzz] ${coverage.reached.length} operations answered a 2xx, ${coverage.unreached.length} never did\n${coverage.lines.join('\n')}`);
    expect(run.status).toBe(0);
    expect(coverage.unreached).toEqual([]);
  }, TIME_LIMIT_MS + 30_000);
});
