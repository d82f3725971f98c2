import createClient, { type Client } from 'openapi-fetch';
// eslint-disable-next-line @nx/enforce-module-boundaries -- an alias on purpose: the drift spec points it at a client generated from the live document
import type { components, paths } from '@labflow/tools/api-schema';

/**
 * The gateway's typed client: paths, parameters, bodies and answers come from the OpenAPI document
 * (openapi.generated.ts, written by tools/scripts/generate-api-client.sh from a live gateway), so a
 * route or a field the document no longer has fails the typecheck of every caller.
 */
export type GatewayPaths = paths;
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type GatewayApi = Client<paths>;

export function gatewayApi(baseUrl: string, token?: string, headers: Record<string, string> = {}): GatewayApi {
  return createClient<paths>({ baseUrl, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
}

/** The body of an answer that must have `status` (the typed success body); anything else throws with the answer. */
export function expectAnswer<T>(result: { data?: T; error?: unknown; response: Response }, status: number, what: string): T {
  if (result.response.status !== status || result.data === undefined) {
    throw new Error(`${what}: expected ${status}, got ${result.response.status} ${JSON.stringify(result.error ?? result.data)}`);
  }
  return result.data;
}
