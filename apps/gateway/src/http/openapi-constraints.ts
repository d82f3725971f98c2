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
  // every RFC 3339 date-time is an ISO 8601 one the validator accepts (the document promises less than
  // the server takes, never more); a field that is a calendar date says `format: 'date'` itself
  isIso8601: (s) => { if (s.type === 'string' && s.format === undefined) s.format = 'date-time'; },
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
  // after every rule: a @Matches of the same property writes its pattern first
  if (strictIso8601(cls, property) && !('$ref' in schema)) yearFrom100(schema);
}

function strictIso8601(cls: ValidatedClass, property: string): boolean {
  return getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)
    .some((meta) => meta.propertyName === property && meta.name === 'isIso8601' && !meta.each && (meta.constraints?.[0] as { strict?: boolean } | undefined)?.strict === true);
}

const YEAR_FROM_100 = '(0[1-9]|[1-9][0-9])[0-9]{2}';

/**
 * A strict ISO 8601 check refuses years before 100 (0004-02-23 is not a date to it): the pattern's
 * year says so, in front of the date pattern already there, or alone.
 */
function yearFrom100(schema: Schema): void {
  const pattern = typeof schema.pattern === 'string' ? schema.pattern : undefined;
  if (pattern === undefined) schema.pattern = `^${YEAR_FROM_100}-`;
  else if (pattern.startsWith('^\\d{4}')) schema.pattern = `^${YEAR_FROM_100}${pattern.slice('^\\d{4}'.length)}`;
}

interface OperationWithBody { requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema & { $ref?: string } }> } }

/**
 * A body whose class requires no field may be left out or sent as JSON `null`: the validation pipe
 * reads either as `{}` (PUT …/qc-hold with no reason holds the device), so the document says so.
 */
function optionalWhenNothingRequired(document: OpenAPIObject, operation: OperationWithBody): void {
  const content = operation.requestBody?.content?.['application/json'];
  const ref = content?.schema?.$ref;
  if (!ref || !operation.requestBody || !content) return;
  const schema = document.components?.schemas?.[ref.replace('#/components/schemas/', '')] as { required?: string[] } | undefined;
  if (!schema || (schema.required ?? []).length > 0) return;
  operation.requestBody.required = false;
  content.schema = { nullable: true, allOf: [{ $ref: ref }] };
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
      optionalWhenNothingRequired(document, operation as OperationWithBody);
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
