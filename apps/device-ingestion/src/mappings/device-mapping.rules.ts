import { DeviceMappingInput } from '@labflow/contracts';
import { deviceError } from '../device-ingestion.errors';
import { isHl7Interpretation } from './flag-normalization';
import { MAPPING_FUNCTIONS, mappingFunction } from './mapping-functions';

/** What the mapping itself must satisfy: a known function, no repeated code or index, HL7 flag codes. */
export function checkDeviceMapping(input: DeviceMappingInput): void {
  if (!mappingFunction(input.functionName)) {
    throw deviceError('UNKNOWN_MAPPING_FUNCTION', input.functionName, Object.keys(MAPPING_FUNCTIONS).join(', '));
  }
  const codes = new Set<string>();
  const indexes = new Set<number>();
  input.parameters.forEach((p, i) => {
    if (codes.has(p.testName)) throw deviceError('VALIDATION_FAILED', `parameters.${i}.testName ${p.testName} is repeated`);
    if (indexes.has(p.index)) throw deviceError('VALIDATION_FAILED', `parameters.${i}.index ${p.index} is repeated`);
    codes.add(p.testName);
    indexes.add(p.index);
  });
  for (const [flag, code] of Object.entries(input.flagInterpretations ?? {})) {
    if (typeof code !== 'string' || !isHl7Interpretation(code)) {
      throw deviceError('VALIDATION_FAILED', `flagInterpretations.${flag} must be an HL7 Table 0078 code`);
    }
  }
}

/**
 * Every mapped index must be a parameter of the test's format: reporting would store a value for any
 * other index without a parameter to judge it by (no reference or critical range).
 */
export function checkMappedIndexes(parameters: DeviceMappingInput['parameters'], testIndexes: readonly number[]): void {
  const known = new Set(testIndexes);
  parameters.forEach((p, i) => {
    if (!known.has(p.index)) throw deviceError('UNKNOWN_TEST_PARAMETER', String(i), String(p.index));
  });
}
