import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { classifyAnswer, postUpload } from './gateway-client';

describe('gateway answers', () => {
  it('accepts 2xx, retries 503/504/5xx/429, refuses other 4xx with the gateway\'s message', () => {
    expect(classifyAnswer(200, { message: 'Data received' })).toMatchObject({ kind: 'accepted' });
    expect(classifyAnswer(503, { message: 'Service unavailable' })).toEqual({ kind: 'retry', status: 503, reason: '503 Service unavailable' });
    expect(classifyAnswer(504, null)).toMatchObject({ kind: 'retry' });
    expect(classifyAnswer(500, null)).toMatchObject({ kind: 'retry' });
    expect(classifyAnswer(429, null)).toMatchObject({ kind: 'retry' });
    expect(classifyAnswer(404, { statusCode: 404, message: 'Sample not found', code: 'SAMPLE_NOT_FOUND' }))
      .toEqual({ kind: 'refused', status: 404, reason: '404 Sample not found (SAMPLE_NOT_FOUND)', code: 'SAMPLE_NOT_FOUND', message: 'Sample not found' });
    expect(classifyAnswer(400, { message: ['a must be a string', 'b should not exist'] }))
      .toMatchObject({ kind: 'refused', status: 400, reason: '400 a must be a string; b should not exist', code: '' });
  });

  describe('postUpload over HTTP', () => {
    let server: Server;
    let url: string;
    const seen: { headers: Record<string, unknown>; body: string }[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          seen.push({ headers: req.headers, body });
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"Data received"}');
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    it('posts the body with the upload id as Idempotency-Key', async () => {
      const upload = { labId: 1, sampleId: 'S', deviceAuth: 'a', test_flags: [], data: { values: [{ testName: 'x', value: 1, param_flags: [] }] }, device_extra_data: {} };
      await expect(postUpload(url, upload, 'key-1', 5000)).resolves.toMatchObject({ kind: 'accepted', status: 200 });
      expect(seen[0].headers['idempotency-key']).toBe('key-1');
      expect(JSON.parse(seen[0].body)).toEqual(upload);
    });

    it('a network error is a retry', async () => {
      const answer = await postUpload('http://127.0.0.1:1', { labId: 1, sampleId: 'S', deviceAuth: 'a', test_flags: [], data: { values: [] }, device_extra_data: {} }, 'k', 2000);
      expect(answer).toMatchObject({ kind: 'retry', status: null });
    });
  });
});
