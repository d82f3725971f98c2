import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GATEWAY_URL } from '@labflow/testing';

const ROOT = resolve(__dirname, '../..');
/** The callers of the typed client: the demo and the e2e suites' set-up. */
const CALLERS = [
  'tools/api-client/index.ts', 'tools/demo/run.ts', 'test/e2e/lab-fixtures.ts',
  'test/e2e/support/registration.ts', 'test/e2e/autoverification-fixtures.ts',
];

/**
 * The typed client's types are generated from the live gateway's OpenAPI document, and its callers
 * are typechecked against them: a route, parameter or field that the server's document no longer
 * has (or has differently) fails here, as does a committed client that is not the live document's.
 */
describe('typed gateway client against the live OpenAPI document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'labflow-api-client-'));
  const live = join(dir, 'openapi.generated.ts');

  beforeAll(() => {
    const run = spawnSync('bash', [join(ROOT, 'tools/scripts/generate-api-client.sh'), live], {
      encoding: 'utf8', env: { ...process.env, LABFLOW_GATEWAY_URL: GATEWAY_URL }, timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`generate-api-client.sh: ${run.stderr}`);
  });

  it('is the committed client (regenerate with tools/scripts/generate-api-client.sh)', () => {
    expect(readFileSync(live, 'utf8')).toBe(readFileSync(join(ROOT, 'tools/api-client/openapi.generated.ts'), 'utf8'));
  });

  it('typechecks the demo and the e2e set-up against the live document', () => {
    const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    const tsconfig = {
      extends: join(ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, baseUrl: ROOT, typeRoots: [join(ROOT, 'node_modules/@types')], paths: { ...compilerOptions.paths, '@labflow/tools/api-schema': [live] } },
      files: CALLERS.map((file) => join(ROOT, file)),
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', timeout: 300_000 });
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
  });
});
