import { DevicePayloadValueDto, DeviceValue } from '@labflow/contracts';
import { normalizeFlags } from './flag-normalization';

export interface StoredMapping {
  id: number;
  labId: number;
  deviceId: number;
  testId: number;
  functionName: string;
  parameters: { testName: string; index: number }[];
}

/** What a mapping function gets: one mapped test ordered on the sample, and the analyzer values. */
export interface MappingCall {
  mapping: StoredMapping;
  labReportId: number;
  values: readonly DevicePayloadValueDto[];
  flagTable: Readonly<Record<string, string>>;
}

export type MappingFunction = (call: MappingCall) => DeviceValue[];

/** seed 002 §2 PartialFill: fills only the mapped parameters present in the payload, with their flags. */
const partialFill: MappingFunction = ({ mapping, labReportId, values, flagTable }) => {
  const byCode = new Map(mapping.parameters.map((p) => [p.testName, p.index]));
  const filled: DeviceValue[] = [];
  for (const v of values) {
    const index = byCode.get(v.testName);
    if (index === undefined) continue;
    const paramFlags = v.param_flags ?? [];
    filled.push({
      labReportId, testId: mapping.testId, index, testName: v.testName, value: String(v.value),
      numericValue: typeof v.value === 'number' ? v.value : undefined,
      paramFlags, interpretation: normalizeFlags(paramFlags, flagTable),
    });
  }
  return filled;
};

/**
 * The registry of mapping functions (seed 002: `getattr(devices.functions, test.functionName)`),
 * closed on purpose: a stored name is looked up here, never resolved dynamically.
 */
export const MAPPING_FUNCTIONS: Readonly<Record<string, MappingFunction>> = Object.freeze({
  PartialFill: partialFill,
});

export function mappingFunction(name: string): MappingFunction | undefined {
  return Object.prototype.hasOwnProperty.call(MAPPING_FUNCTIONS, name) ? MAPPING_FUNCTIONS[name] : undefined;
}
