import { currentEnvironment } from '../dev/environment';

/** Prints `export NAME=value` lines of the current LABFLOW_ENV for shell scripts to eval. */
for (const [name, value] of Object.entries(currentEnvironment().variables)) {
  console.log(`export ${name}='${value.replace(/'/g, "'\\''")}'`);
}
