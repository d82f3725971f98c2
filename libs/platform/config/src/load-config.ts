import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { formatValidationErrors, PayloadClass } from '@labflow/contracts';

/** Thrown when a setting is missing or wrong: the app stops with this message at start. */
export class ConfigError extends Error {
  constructor(app: string, problems: string[]) {
    super(`${app}: invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads one validated config object from the environment, once, at start.
 * Fields of `cls` are UPPER_SNAKE environment names with defaults as initializers; values are
 * converted with class-transformer (`@Type(() => Number)`, `@Transform` for booleans) and validated.
 * This is the only place in LabFlow that reads `process.env`.
 */
export function loadConfig<T extends object>(
  app: string,
  cls: PayloadClass<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  const defaults = new cls() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    raw[key] = env[key] !== undefined && env[key] !== '' ? env[key] : defaults[key];
  }
  const config = plainToInstance(cls, raw, { enableImplicitConversion: false });
  const errors = validateSync(config as object, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(app, formatValidationErrors(errors));
  return Object.freeze(config);
}

/** `@Transform(toBoolean)`: 'true'/'1'/'yes' → true, 'false'/'0'/'no' → false. */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
}
