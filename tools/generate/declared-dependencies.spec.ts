import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const SOURCES = ['apps', 'libs', 'tools', 'test'];

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

/** `redis` of `redis`, `@nestjs/common` of `@nestjs/common/x`; null for our aliases, relative paths and Node's own. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('@labflow/') || specifier.startsWith('node:')) return null;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  return builtinModules.includes(name) ? null : name;
}

/**
 * Every package the code imports (types included) is declared in package.json, so it is installed
 * on purpose at a version we chose, not because another package happens to bring it along.
 */
describe('package.json declares what the code imports', () => {
  it('has every imported package in dependencies or devDependencies', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
    const missing = new Set<string>();
    for (const dir of SOURCES) {
      for (const file of tsFiles(join(ROOT, dir))) {
        for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*'([^']+)'/g)) {
          const name = packageOf(specifier);
          if (name && !declared.has(name)) missing.add(`${name} (${file.slice(ROOT.length + 1)})`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });
});
