import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ValidationMessage { severity: string; file: string; location: string; message: string }
export interface ValidationReport { validated: string[]; messages: ValidationMessage[] }

const ROOT = resolve(__dirname, '../../..');

/**
 * The HL7 reference validator (HAPI FHIR's instance validator, tools/scripts/install-fhir-validator.sh)
 * run offline over resources: one JVM for all of them, with the StructureDefinitions the server serves.
 */
export function validateResources(resources: Record<string, unknown>[], servedProfiles: Record<string, unknown>[]): ValidationReport {
  const home = execFileSync('bash', [join(ROOT, 'tools/scripts/install-fhir-validator.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  const dir = mkdtempSync(join(tmpdir(), 'labflow-fhir-'));
  try {
    const profiles = join(dir, 'profiles');
    const input = join(dir, 'resources');
    mkdirSync(profiles);
    mkdirSync(input);
    servedProfiles.forEach((p, i) => writeFileSync(join(profiles, `${i}.json`), JSON.stringify(p)));
    const names = resources.map((r, i) => `${String(i).padStart(3, '0')}-${String(r.resourceType)}-${String(r.id ?? 'x')}.json`);
    resources.forEach((r, i) => writeFileSync(join(input, names[i]), JSON.stringify(r)));
    const out = execFileSync('java', ['-Xmx768m', '-cp', `${home}/lib/*:${home}/classes`, 'FhirValidate', profiles, input], {
      encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'],
    });
    const lines = out.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t'));
    return {
      validated: lines.filter((l) => l[0] === 'done').map((l) => l[1]),
      messages: lines.filter((l) => l[0] !== 'done').map(([severity, file, location, message]) => ({ severity, file, location, message })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
