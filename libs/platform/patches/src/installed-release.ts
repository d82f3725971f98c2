import { createRequire } from 'node:module';

const load = createRequire(__filename);

/** The installed release of a package (its package.json's version): what a patch of its internals was written for. */
export function installedRelease(pkg: 'class-validator' | 'kafkajs'): string {
  return (load(`${pkg}/package.json`) as { version: string }).version;
}
