import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { appEntry, REPO_ROOT } from '@labflow/tools/dev';

/** The built gateway (dist/, as `npm test` builds it) started as production would start it. */
describe('gateway start with NODE_ENV=production', () => {
  it('exits 1 naming the development secret and the missing JWKS URL, before it connects to anything', () => {
    const run = spawnSync(process.execPath, ['-r', join(REPO_ROOT, 'tools/runtime/register-aliases.js'), appEntry('gateway')], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', KAFKA_BROKERS: '127.0.0.1:1' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('gateway: invalid configuration:');
    expect(run.stderr).toContain('JWT_SECRET is the public development secret, which anyone can sign tokens with: not in production');
    expect(run.stderr).toContain('JWKS_URL must be the URL of the identity provider\'s keys when NODE_ENV=production');
  });
});
