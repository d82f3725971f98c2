import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedWebhookTarget } from './webhook-url-policy';

export interface WebhookPostResult {
  statusCode: number;
}

/**
 * A lookup that answers only the address already checked: the socket connects to it and the host
 * name is never resolved a second time between the check and the connection (no DNS rebinding
 * window). Node asks with `all: true` when it tries several address families (autoSelectFamily).
 */
export function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, all: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    } else {
      callback(null, address, family);
    }
  };
}

/**
 * POSTs a webhook to the checked target: TLS still verifies the certificate for the URL's host
 * name (SNI and Host stay the name), only the connection's address is pinned. Redirects are not
 * followed (a 3xx is the answer); the response body is read and dropped.
 */
export function postToPinnedTarget(target: CheckedWebhookTarget, headers: Record<string, string>, body: string,
  timeoutMs: number): Promise<WebhookPostResult> {
  const { url } = target;
  const options: RequestOptions = {
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup: pinnedLookup(target.address, target.family),
    signal: AbortSignal.timeout(timeoutMs),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(options, (res) => {
      res.resume();
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
