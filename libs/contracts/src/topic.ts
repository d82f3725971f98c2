import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export type AppName =
  | 'gateway'
  | 'reporting'
  | 'device-ingestion'
  | 'rerun'
  | 'critical-callout'
  | 'specimen'
  | 'orders'
  | 'audit'
  | 'verification'
  | 'analyzer-bridge'
  | 'fhir';

export const APP_NAMES: readonly AppName[] = [
  'gateway',
  'reporting',
  'device-ingestion',
  'rerun',
  'critical-callout',
  'specimen',
  'orders',
  'audit',
  'verification',
  'analyzer-bridge',
  'fhir',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PayloadClass<P> = new (...args: any[]) => P;

/** A topic of the catalog: its name, the one payload type it carries, how messages are keyed. */
export interface TopicSpec<P extends object> {
  readonly name: string;
  readonly version: number;
  readonly payload: PayloadClass<P>;
  /** Kafka key: the aggregate id, so one aggregate's events stay in order on one partition. */
  readonly key: (payload: P) => string;
  readonly keyDescription: string;
  readonly producers: readonly AppName[];
  readonly consumers: readonly AppName[];
  readonly description: string;
}

export function defineTopic<P extends object>(spec: TopicSpec<P>): TopicSpec<P> {
  return Object.freeze(spec);
}

/** Payload type of a topic spec. */
export type PayloadOf<T> = T extends TopicSpec<infer P> ? P : never;

export function formatValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    // the property as a whole word only: `property e should not exist` must not become `propdata.erty …`
    const word = new RegExp(`(^|\\s)${e.property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`);
    const own = Object.values(e.constraints ?? {}).map((m) => (path === e.property ? m : m.replace(word, `$1${path}`)));
    return [...own, ...formatValidationErrors(e.children ?? [], path)];
  });
}

/**
 * Validates a plain object against a payload (or DTO) class.
 * Unknown fields are problems too: a message or request never carries fields nobody declared.
 */
export function validatePayload<P extends object>(
  cls: PayloadClass<P>,
  plain: unknown,
): { value: P; problems: [] } | { value: null; problems: string[] } {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { value: null, problems: ['payload must be an object'] };
  }
  const value = plainToInstance(cls, plain);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) return { value: null, problems: formatValidationErrors(errors) };
  return { value, problems: [] };
}
