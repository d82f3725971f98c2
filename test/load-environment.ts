// Every test process sees the settings of its LABFLOW_ENV (topic prefix, database URLs, gateway URL),
// also when Jest is run directly rather than through `npm test`.
import { currentEnvironment } from '@labflow/tools/dev';

for (const [name, value] of Object.entries(currentEnvironment().variables)) {
  if (process.env[name] === undefined) process.env[name] = value;
}
