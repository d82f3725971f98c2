import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { WebhookSender } from './webhook-sender';
import { ResolveHost } from './webhook-url-policy';

/**
 * Against a real HTTP server on 127.0.0.1: the sender connects to the address it checked (a name no
 * DNS knows reaches the server through the pinned address alone, resolved once), and a name that
 * resolves to loopback at delivery is refused where only http is allowed, nothing sent.
 */
describe('WebhookSender (real HTTP server)', () => {
  let server: Server;
  let port: number;
  const received: { host?: string; path?: string; signature?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ host: req.headers.host, path: req.url, signature: req.headers['webhook-signature'] as string, body: Buffer.concat(chunks).toString() });
        res.writeHead(req.url === '/busy' ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => received.splice(0));

  it('connects to the checked address of a name only the resolver knows, resolving it once', async () => {
    const asked: string[] = [];
    const resolve: ResolveHost = async (host) => { asked.push(host); return ['127.0.0.1']; };
    const sender = new WebhookSender({ policy: { allowHttp: true, allowPrivateAddresses: true }, timeoutMs: 2000, resolve });
    const outcome = await sender.send(`http://receiver.labflow.invalid:${port}/hooks?x=1`, { 'webhook-signature': 'v1,abc' }, '{"a":1}');
    expect(outcome).toMatchObject({ statusCode: 204, error: null });
    expect(asked).toEqual(['receiver.labflow.invalid']);
    expect(received).toEqual([{ host: `receiver.labflow.invalid:${port}`, path: '/hooks?x=1', signature: 'v1,abc', body: '{"a":1}' }]);
    expect(await sender.send(`http://receiver.labflow.invalid:${port}/busy`, {}, '{}')).toMatchObject({ statusCode: 503, error: 'HTTP 503' });
  });

  it('refuses a name that resolves to 127.0.0.1 at delivery when private addresses are not allowed, sending nothing', async () => {
    const sender = new WebhookSender({ policy: { allowHttp: true, allowPrivateAddresses: false }, timeoutMs: 2000 });
    const outcome = await sender.send(`http://localhost:${port}/hooks`, {}, '{}');
    expect(outcome).toMatchObject({
      statusCode: null, final: true,
      error: expect.stringMatching(/^refused: url must not point at a private, loopback or link-local address \(localhost is (127\.0\.0\.1|::1)\)$/),
    });
    const rebound = new WebhookSender({ policy: { allowHttp: true, allowPrivateAddresses: false }, timeoutMs: 2000, resolve: async () => ['127.0.0.1'] });
    expect(await rebound.send(`http://hooks.example-lims.test:${port}/hooks`, {}, '{}')).toMatchObject({
      error: 'refused: url must not point at a private, loopback or link-local address (hooks.example-lims.test is 127.0.0.1)', final: true,
    });
    expect(received).toEqual([]);
  });

  it('records a closed port and a slow receiver as retryable failures', async () => {
    const sender = new WebhookSender({ policy: { allowHttp: true, allowPrivateAddresses: true }, timeoutMs: 300 });
    expect(await sender.send('http://127.0.0.1:9/hooks', {}, '{}')).toMatchObject({ statusCode: null, error: 'ECONNREFUSED' });
    const slow = createServer(() => { /* never answers */ });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', () => resolve()));
    try {
      const outcome = await sender.send(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, {}, '{}');
      expect(outcome).toMatchObject({ statusCode: null, error: 'timeout after 300 ms' });
      expect(outcome.final).toBeUndefined();
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
