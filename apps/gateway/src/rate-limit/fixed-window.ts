import type { RedisClient } from '@labflow/platform/persistence';

export interface WindowCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetInMs: number;
}

// One round trip, atomic across gateway instances: the first request of a window starts its clock.
// A key left without an expiry (a crash between INCR and PEXPIRE cannot happen inside a script) would
// block a caller for good, so the script also repairs one whose TTL is missing.
const COUNT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

/** A fixed-window request counter in Redis, shared by every gateway instance on the same Redis. */
export class FixedWindowCounter {
  constructor(private readonly redis: RedisClient, private readonly prefix = 'ratelimit') {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const reply = await this.redis.eval(COUNT_SCRIPT, { keys: [`${this.prefix}:${key}`], arguments: [String(windowMs)] });
    const [count, ttl] = reply as [number, number];
    return { count, resetInMs: Math.max(0, ttl) };
  }
}
