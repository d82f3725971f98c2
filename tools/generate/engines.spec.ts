import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies } from 'semver';

/**
 * Every package the lockfile installs accepts the Node the machines run (`engines.node` of the root:
 * >=20.19), so `npm ci` prints no EBADENGINE and nothing depends on a newer runtime's behaviour.
 * A dependency bump that pulls a package asking for Node 22 fails here, naming it.
 */
describe('package-lock.json engines', () => {
  const lock = JSON.parse(readFileSync(join(__dirname, '../../package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; engines?: Record<string, string> | string[]; optional?: boolean }>;
  };
  const root = lock.packages[''].engines as Record<string, string>;

  it.each(['20.19.0', process.versions.node])('accepts Node %s in every package', (node) => {
    if (!satisfies(node, root.node)) return; // a runtime the project does not support
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !Array.isArray(p.engines) && typeof p.engines?.node === 'string')
      .filter(([, p]) => !satisfies(node, (p.engines as Record<string, string>).node, { includePrerelease: true }))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version} wants node ${(p.engines as Record<string, string>).node}`);
    expect(refusing).toEqual([]);
  });
});
