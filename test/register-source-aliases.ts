// Jest's global setup runs outside Jest's module registry, so moduleNameMapper does not apply there:
// resolve the @labflow/* aliases against the TypeScript sources instead.
import { register } from 'tsconfig-paths';
import { resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compilerOptions } = require('../tsconfig.base.json') as { compilerOptions: { paths: Record<string, string[]> } };
register({ baseUrl: resolve(__dirname, '..'), paths: compilerOptions.paths });
