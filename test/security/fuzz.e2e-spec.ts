import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { freshLabId, GATEWAY_URL, tokenFor } from '@labflow/testing';

/**
 * Schemathesis fuzzes every operation of the gateway's OpenAPI document (a bounded number of
 * examples so it fits in CI): no 5xx, every status and body as documented, invalid input refused.
 */
const SCHEMATHESIS = join(process.env.LABFLOW_HOME ?? join(homedir(), '.cache', 'labflow'), 'venv-schemathesis', 'bin', 'schemathesis');

describe('OpenAPI fuzzing (Schemathesis)', () => {
  it('finds no server error and no answer that contradicts the document', async () => {
    const token = await tokenFor({
      lab_id: freshLabId(), login_type: 'lab_user', department_data_type: 0, department_ids: [1],
      scope: 'specimen:process specimen:read specimen:admin party:admin', party_id: 'fuzz-party', client_id: 'fuzz-client',
    });
    const run = spawnSync(SCHEMATHESIS, [
      'run', `${GATEWAY_URL}/docs/openapi.json`,
      '--header', `Authorization: Bearer ${token}`,
      '--checks', 'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection',
      '--max-examples', process.env.FUZZ_MAX_EXAMPLES ?? '15',
      '--seed', '20261124',
      '--no-color',
    ], { encoding: 'utf8', timeout: 600_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    const summary = output.split('\n').filter((l) => /passed|failed|Test cases|generated/.test(l)).join('\n');
    console.log(`[fuzz]\n${summary}`);
    if (run.status !== 0) console.log(output.slice(-8000));
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
  });
});
