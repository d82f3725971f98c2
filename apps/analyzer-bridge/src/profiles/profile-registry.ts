import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { formatValidationErrors } from '@labflow/contracts';
import astmStandard from './builtin/astm-lis2-a2.json';
import exampleChemistryHl7 from './builtin/example-chemistry-hl7.json';
import exampleHaematologyAstm from './builtin/example-haematology-astm.json';
import hl7Standard from './builtin/hl7-v2.json';
import { VendorProfile } from './vendor-profile';

export const BUILTIN_PROFILES: readonly unknown[] = [astmStandard, hl7Standard, exampleHaematologyAstm, exampleChemistryHl7];

/** Validates one profile (JSON data); throws with every problem and the source named. */
export function parseProfile(data: unknown, source: string): VendorProfile {
  const profile = plainToInstance(VendorProfile, data);
  const errors = validateSync(profile, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new Error(`vendor profile ${source}: ${formatValidationErrors(errors).join('; ')}`);
  for (const pattern of [profile.reportFlags.codePattern, profile.qc.sampleIdPattern]) {
    if (pattern === undefined) continue;
    try {
      new RegExp(pattern);
    } catch {
      throw new Error(`vendor profile ${source}: ${pattern} is not a regular expression`);
    }
  }
  return profile;
}

/** The built-in profiles and those of a lab's directory (`*.json`, one profile each); a lab's profile may replace a built-in one. */
export function loadProfiles(directory: string): Map<string, VendorProfile> {
  const profiles = new Map<string, VendorProfile>();
  for (const data of BUILTIN_PROFILES) {
    const profile = parseProfile(data, 'built-in');
    profiles.set(profile.name, profile);
  }
  if (!directory) return profiles;
  for (const file of readdirSync(directory).filter((f) => f.endsWith('.json')).sort()) {
    const path = join(directory, file);
    const profile = parseProfile(JSON.parse(readFileSync(path, 'utf8')), file);
    profiles.set(profile.name, profile);
  }
  return profiles;
}
