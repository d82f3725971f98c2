import { call } from '@labflow/testing';

export interface RouteOperation {
  method: string;
  /** OpenAPI path template, e.g. `/api-v3/sample-rerun/{labReportId}/request`. */
  path: string;
  params: string[];
  secured: boolean;
  operationId: string;
}

/** The gateway's route table, read from its OpenAPI document (built from the controllers). */
export async function gatewayRoutes(): Promise<RouteOperation[]> {
  const res = await call('GET', '/docs/openapi.json');
  if (res.status !== 200) throw new Error(`OpenAPI document unavailable: ${res.status}`);
  const doc = res.body as {
    paths: Record<string, Record<string, { security?: unknown[]; operationId: string; parameters?: { in: string; name: string }[] }>>;
    security?: unknown[];
  };
  const routes: RouteOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      routes.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        secured: (op.security ?? doc.security ?? []).length > 0,
        operationId: op.operationId,
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
