import { rerunError } from './rerun.errors';

const MALFORMED = 'requested_parameters must be a JSON array of parameter indexes as a string, e.g. "[1, 3, 5]"';

/** seed 000 §3: `requested_parameters` travels as a JSON-array string ("[1, 3, 5]"). */
export function parseRequestedParameters(raw: string): number[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw rerunError('INVALID_REQUESTED_PARAMETERS', MALFORMED);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((i) => Number.isInteger(i) && (i as number) >= 0)) {
    throw rerunError('INVALID_REQUESTED_PARAMETERS', MALFORMED);
  }
  const indexes = parsed as number[];
  if (new Set(indexes).size !== indexes.length) {
    throw rerunError('INVALID_REQUESTED_PARAMETERS', 'requested_parameters must not repeat an index');
  }
  return indexes;
}
