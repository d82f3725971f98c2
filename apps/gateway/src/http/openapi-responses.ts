import { OpenAPIObject } from '@nestjs/swagger';
import { RESPONSE_SCHEMAS } from './response-schemas.generated';

type Schemas = typeof RESPONSE_SCHEMAS;
interface Operation { operationId?: string; responses: Record<string, { description?: string; content?: unknown }> }

/**
 * Every success answer of the document gets its body's schema, generated from the return type of the
 * route's controller method (`npm run generate`; tools/generate/response-schemas.ts), and the named
 * reply types join the components. An operation the generated file does not know fails the start:
 * a new route cannot reach the document without its response schema.
 */
export function documentResponseSchemas(document: OpenAPIObject, generated: Schemas = RESPONSE_SCHEMAS): OpenAPIObject {
  const components = (document.components ??= {}).schemas ??= {};
  const schemas = renamedApart(generated, new Set(Object.keys(components)));
  Object.assign(components, schemas.components);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (typeof value !== 'object' || value === null || !('responses' in value)) continue;
      const operation = value as Operation;
      const schema = operation.operationId ? schemas.operations[operation.operationId] : undefined;
      const successes = Object.keys(operation.responses).filter((code) => code.startsWith('2'));
      if (schema === null) { // it only refuses: no success answer to document
        for (const code of successes) delete operation.responses[code];
        continue;
      }
      if (!schema) {
        if (successes.length > 0) throw new Error(`OpenAPI: no response schema for ${method.toUpperCase()} ${path} (run \`npm run generate\`)`);
        continue;
      }
      for (const code of successes) {
        const response = operation.responses[code];
        operation.responses[code] = {
          ...response,
          description: response.description || describe(schema, schemas),
          content: { 'application/json': { schema } },
        };
      }
    }
  }
  return document;
}

/**
 * A reply type named like a request schema (a class the contracts use both ways) becomes `<Name>Reply`:
 * the request's schema carries its validation rules, the reply's what the server sends.
 */
function renamedApart(generated: Schemas, taken: Set<string>): Schemas {
  let text = JSON.stringify(generated);
  for (const name of Object.keys(generated.components)) {
    if (!taken.has(name)) continue;
    if (generated.components[`${name}Reply`] || taken.has(`${name}Reply`)) throw new Error(`OpenAPI: ${name}Reply is taken`);
    text = text.split(`"#/components/schemas/${name}"`).join(`"#/components/schemas/${name}Reply"`);
  }
  const renamed = JSON.parse(text) as Schemas;
  renamed.components = Object.fromEntries(Object.entries(renamed.components).map(([name, schema]) => [taken.has(name) ? `${name}Reply` : name, schema]));
  return renamed;
}

/** The reply type's own description (its doc comment), or what it is a list of. */
function describe(schema: Record<string, unknown>, schemas: Schemas): string {
  const ref = (schema.$ref ?? (schema.items as { $ref?: string } | undefined)?.$ref) as string | undefined;
  const named = ref ? schemas.components[ref.split('/').pop()!] : schema;
  const text = (named?.description as string | undefined) ?? '';
  if (text) return schema.type === 'array' ? `A list; each item: ${text}` : text;
  return 'The answer, as described by its schema';
}
