/**
 * Whether a kafkajs error, or an error it wraps (`originalError`, `cause`; a few levels, as the
 * retrier and the producer nest them), is a broker answer of one of the given types.
 */
export function hasKafkaErrorType(error: unknown, types: ReadonlySet<string>): boolean {
  for (let e = error as { type?: unknown; originalError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.type === 'string' && types.has(e.type)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}
