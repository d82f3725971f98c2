import { call } from '@labflow/testing';
import { fillPath, gatewayRoutes, RouteOperation } from './route-table';

/**
 * Every route the OpenAPI document marks as bearer-protected answers 401 without a token and with a
 * forged one, whatever its parameters: generated from the route table, so a new route is covered.
 */
describe('every protected route refuses a missing or invalid token', () => {
  let routes: RouteOperation[];
  beforeAll(async () => {
    routes = (await gatewayRoutes()).filter((r) => r.secured);
  });

  it('lists the protected routes', () => {
    expect(routes.length).toBeGreaterThan(0);
  });

  it('answers 401 "Invalid access token" on each, changing nothing', async () => {
    const anyValue = new Proxy({}, { get: () => '1' }) as Record<string, string>;
    const failures: string[] = [];
    for (const route of routes) {
      for (const token of [undefined, 'not-a-jwt']) {
        const res = await call(route.method, fillPath(route, anyValue), { token, body: ['POST', 'PATCH', 'PUT'].includes(route.method) ? {} : undefined });
        // FHIR routes answer errors as OperationOutcome: the message is the issue's diagnostics
        const message = res.body?.message ?? res.body?.issue?.[0]?.diagnostics;
        if (res.status !== 401 || message !== 'Invalid access token') {
          failures.push(`${route.method} ${route.path} (${token ? 'forged' : 'no'} token): ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
