// Resolves the @labflow/* import aliases of tsconfig.base.json against the compiled tree in dist/.
// Loaded with `node -r` by every app and CLI so compiled code keeps the same imports as the sources.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.base.json');

const distRoot = path.resolve(__dirname, '../../dist');
const paths = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  paths[alias] = [target.replace(/\.ts$/, '.js')];
}
tsconfigPaths.register({ baseUrl: distRoot, paths });
