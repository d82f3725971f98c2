import { call } from '@labflow/testing';

export interface QueryParameter {
  name: string;
  required: boolean;
}

export interface RouteOperation {
  method: string;
  /** OpenAPI path template, e.g. `/api-v3/sample-rerun/{labReportId}/request`. */
  path: string;
  params: string[];
  query: QueryParameter[];
  secured: boolean;
  operationId: string;
  /** Name of the request body's schema in `components.schemas`, when the operation takes a JSON body. */
  bodySchema: string | null;
}

export interface SchemaObject {
  type?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  $ref?: string;
  allOf?: SchemaObject[];
  additionalProperties?: boolean | SchemaObject;
}

interface OperationObject {
  security?: unknown[];
  operationId: string;
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  security?: unknown[];
  components: { schemas: Record<string, SchemaObject> };
}

/** The gateway's OpenAPI document (built from the controllers and the contracts' DTOs). */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const res = await call('GET', '/docs/openapi.json');
  if (res.status !== 200) throw new Error(`OpenAPI document unavailable: ${res.status}`);
  return res.body as OpenApiDocument;
}

/** The gateway's route table, read from its OpenAPI document (built from the controllers). */
export async function gatewayRoutes(doc?: OpenApiDocument): Promise<RouteOperation[]> {
  const document = doc ?? (await openApiDocument());
  const routes: RouteOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      // an optional body is `{ nullable, allOf: [$ref] }` (null reads as no body)
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const ref = schema?.$ref ?? schema?.allOf?.[0]?.$ref;
      routes.push({
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true })),
        secured: (op.security ?? document.security ?? []).length > 0,
        operationId: op.operationId,
        bodySchema: ref ? ref.split('/').pop() ?? null : null,
      });
    }
  }
  return routes;
}

export function fillPath(route: RouteOperation, values: Record<string, string | number>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no test value for path parameter {${name}} of ${route.method} ${route.path}`);
    return encodeURIComponent(String(v));
  });
}

/** `{labReportId}` in `/api-v3/sample-rerun/{labReportId}/new` → `sample-rerun/{labReportId}`: the collection names the id. */
export function paramSlots(route: RouteOperation): string[] {
  const segments = route.path.split('/').filter(Boolean);
  const slots: string[] = [];
  segments.forEach((segment, i) => {
    if (/^\{\w+\}$/.test(segment)) slots.push(`${segments[i - 1] ?? ''}/${segment}`);
  });
  return slots;
}

export const routeName = (route: RouteOperation) => `${route.method} ${route.path}`;
