import { OpenAPIObject } from '@nestjs/swagger';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'message', 'requestId'],
  properties: {
    statusCode: { type: 'integer' },
    message: { type: 'string', description: 'The specification\'s message, e.g. "Invalid access token"' },
    code: { type: 'string', description: 'Stable machine code, e.g. NOT_FOUND' },
    errors: { type: 'array', items: { type: 'string' }, description: 'Every validation problem' },
    requestId: { type: 'string' },
  },
};

const RETRY_AFTER = { description: 'Seconds until the window ends and requests are counted again', schema: { type: 'integer', minimum: 1 } };

const DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid input (the message names the failing field); nothing was changed',
  '401': 'Invalid access token (missing, malformed, forged or expired)',
  '403': 'Missing scope, or access denied by a policy of the owning service',
  '404': 'Not found in the caller\'s lab',
  '405': 'The path exists but not with this method',
  '409': 'Conflicts with the current state',
  '422': 'Well-formed but refused by a business rule',
  '431': 'The URL or the headers are too large (e.g. a query string past its documented maxLength)',
  '429': 'Too many requests from this caller or device token; retry after the Retry-After header\'s seconds',
  '503': 'A dependency is unreachable; retry (with the same Idempotency-Key)',
  '504': 'The owning service did not answer in time; retry with the same Idempotency-Key',
};

/**
 * Every operation documents the error answers the gateway can give, with one JSON error schema,
 * so clients (and the Schemathesis run) can rely on the document for every status they may see.
 */
export function documentErrorResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  // Request bodies refuse unknown fields (whitelist validation): say so in every object schema.
  // Optional fields (class-validator @IsOptional) also accept null: say so.
  for (const schema of Object.values(document.components.schemas ?? {})) {
    const s = schema as { type?: string; additionalProperties?: unknown; required?: string[]; properties?: Record<string, Record<string, unknown>> };
    if (s.type === 'object' && s.additionalProperties === undefined) s.additionalProperties = false;
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      if ((s.required ?? []).includes(name)) continue;
      if ('$ref' in property) {
        s.properties![name] = { allOf: [{ $ref: property.$ref }], nullable: true };
        continue;
      }
      property.nullable = true;
      if (Array.isArray(property.enum) && !property.enum.includes(null)) property.enum = [...property.enum, null];
    }
  }
  document.components.schemas = { ...(document.components.schemas ?? {}), ErrorBody: ERROR_SCHEMA };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const op = operation as { responses: Record<string, unknown> };
      // 401/403 also on public routes: an analyzer's deviceAuth is checked by the owning service.
      const codes = ['400', '401', '403', '404', '405', '409', '422', '429', '431', '503', '504'];
      for (const code of codes) {
        // 431 comes from Node's HTTP parser, before the gateway's error filter: no body of ours
        op.responses[code] = op.responses[code] ?? (code === '431' ? { description: DESCRIPTIONS[code] } : {
          description: DESCRIPTIONS[code],
          ...(code === '429' ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        });
      }
    }
  }
  documentFhirResponses(document);
  return document;
}

/** A FHIR date search value the FHIR app can read (years from 1000, days up to 28: any month has them). */
const FHIR_DATE_SEARCH = '^(eq|ge|gt|le|lt|sa|eb)?[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8])'
  + '(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,3})?)?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9])?)?)?)?$';

/** What the FHIR app accepts of each path and search parameter (FhirSearchQuery's rules, and a FHIR id). */
const FHIR_PARAMETERS: Record<string, Record<string, unknown>> = {
  id: { type: 'string', pattern: '^[A-Za-z0-9\\-.]{1,64}$' },
  // the FHIR app's search-params.ts: `Patient/<id>` or `<id>`, a FHIR id
  patient: { type: 'string', maxLength: 100, pattern: '^(Patient/)?[A-Za-z0-9.-]{1,64}$' },
  // repeated to bound both sides: `date=ge2026-05-01&date=le2026-05-31`; a prefix, then a calendar date of some precision
  date: { type: 'array', items: { type: 'string', maxLength: 40, pattern: FHIR_DATE_SEARCH } },
  status: { type: 'string', maxLength: 200 },
  code: { type: 'string', maxLength: 300 },
  requisition: { type: 'string', maxLength: 300 },
};

function documentFhirParameters(operation: { parameters?: { name: string; in: string; schema?: Record<string, unknown>; style?: string; explode?: boolean }[] }): void {
  for (const parameter of operation.parameters ?? []) {
    const schema = FHIR_PARAMETERS[parameter.name];
    if (!schema) continue;
    parameter.schema = schema;
    if (schema.type === 'array') Object.assign(parameter, { style: 'form', explode: true });
  }
}

const OPERATION_OUTCOME = {
  type: 'object', required: ['resourceType', 'issue'],
  properties: { resourceType: { type: 'string', enum: ['OperationOutcome'] }, issue: { type: 'array', items: { type: 'object' } } },
};

/**
 * The FHIR API (/fhir/R4) answers application/fhir+json: a resource or Bundle on success, an
 * OperationOutcome for every error (the error filter's FHIR branch), never LabFlow's JSON error body.
 */
function documentFhirResponses(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/fhir/R4')) continue;
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      documentFhirParameters(operation as { parameters?: { name: string; in: string; schema?: Record<string, unknown> }[] });
      const responses = (operation as { responses: Record<string, { description?: string; content?: unknown }> }).responses;
      for (const [code, response] of Object.entries(responses)) {
        if (code === '431') continue;
        const schema = code.startsWith('2')
          ? { type: 'object', required: ['resourceType'], properties: { resourceType: { type: 'string' } } }
          : OPERATION_OUTCOME;
        responses[code] = { ...response, description: response.description || 'A FHIR R4 resource', content: { 'application/fhir+json': { schema } } };
      }
    }
  }
}
