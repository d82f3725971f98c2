import { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import * as contracts from '@labflow/contracts';
import { PARAMETER_SOURCES } from './openapi-parameters';

type Schema = Record<string, unknown>;
/** A class whose properties class-validator checks. */
export type ValidatedClass = abstract new (...args: never[]) => object;
type Rule = (schema: Schema, constraints: unknown[]) => void;

/** Characters of a query value a request line certainly carries under Node's 16 KiB header limit. */
const URL_LIMIT = 8000;

/** class-validator decorators (by their metadata name) and what each says in OpenAPI 3.0 terms. */
const RULES: Record<string, Rule> = {
  arrayMinSize: (s, [n]) => { s.minItems = n; },
  arrayMaxSize: (s, [n]) => { s.maxItems = n; },
  arrayNotEmpty: (s) => { s.minItems = Math.max(Number(s.minItems ?? 0), 1); },
  arrayUnique: (s) => { s.uniqueItems = true; },
  min: (s, [n]) => { s.minimum = n; },
  max: (s, [n]) => { s.maximum = n; },
  isInt: (s) => { s.type = 'integer'; },
  isPositive: (s) => { s.minimum = 0; s.exclusiveMinimum = true; },
  minLength: (s, [n]) => { s.minLength = n; },
  maxLength: (s, [n]) => { s.maxLength = n; },
  isNotEmpty: (s) => { if (s.type === 'string') s.minLength = Math.max(Number(s.minLength ?? 0), 1); },
  // isIso8601 stays a plain string: date-time is narrower than what the validator accepts, and
  // fuzzers filter most of what they generate for it (Schemathesis' health check fails)
  isUuid: (s) => { s.format = 'uuid'; },
  isEmail: (s) => { s.format = 'email'; },
  isIn: (s, [values]) => { s.enum = [...(values as unknown[])]; },
  matches: (s, [pattern]) => { if (pattern instanceof RegExp && pattern.flags === '') s.pattern = pattern.source; },
};

/** The constraints class-validator enforces on one property of `cls`, written onto its OpenAPI schema. */
export function applyPropertyConstraints(cls: ValidatedClass, property: string, schema: Schema): void {
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
    if (meta.propertyName !== property) continue;
    const rule = RULES[meta.name ?? ''];
    if (!rule) continue;
    const target = meta.each ? (schema.items as Schema | undefined) : schema;
    // a nested class ($ref) carries its own constraints in its own schema
    if (target && !('$ref' in target) && !('allOf' in target)) rule(target, meta.constraints ?? []);
  }
}

/**
 * The OpenAPI document says what the validators enforce (min/max, minItems, integer, uuid, enums,
 * patterns), so a client or a fuzzer generating from it sends only what the server accepts: every
 * request schema from the class of the same name in the contracts, every path and query parameter
 * from the input property it is validated as (openapi-parameters.ts).
 */
export function documentValidationConstraints(document: OpenAPIObject): OpenAPIObject {
  const exported: unknown[] = Object.values(contracts);
  const classes = new Map(exported.filter((v): v is ValidatedClass => typeof v === 'function').map((c) => [c.name, c]));
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const cls = classes.get(name);
    const properties = (schema as { properties?: Record<string, Schema> }).properties ?? {};
    if (cls) for (const [property, propertySchema] of Object.entries(properties)) applyPropertyConstraints(cls, property, propertySchema);
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item)) {
      const parameters = (operation as { parameters?: { name: string; in: string; schema?: Schema }[] }).parameters ?? [];
      for (const parameter of parameters) {
        if (parameter.in !== 'path' && parameter.in !== 'query') continue;
        const source = PARAMETER_SOURCES[`${path} ${parameter.name}`] ?? PARAMETER_SOURCES[parameter.name];
        if (source && parameter.schema) applyPropertyConstraints(source[0], source[1], parameter.schema);
        // Node refuses a request line past its header limit (431) before the validator sees the
        // value, so a maxLength beyond what a URL can carry would promise a 400 that never comes
        if (parameter.in === 'query' && Number(parameter.schema?.maxLength) > URL_LIMIT) delete parameter.schema?.maxLength;
      }
    }
  }
  return document;
}
