import { checkWebhookUrl, ResolveHost, webhookUrlRefusal, WebhookUrlPolicy } from './webhook-url-policy';

const STRICT: WebhookUrlPolicy = { allowHttp: false, allowPrivateAddresses: false };
const LOCAL: WebhookUrlPolicy = { allowHttp: true, allowPrivateAddresses: true };

/** A resolver answering from a table, as DNS would (unknown names fail like NXDOMAIN). */
const dns = (table: Record<string, string[]>): ResolveHost => async (host) => {
  const found = table[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};
const PUBLIC = dns({ 'hooks.example-lims.test': ['203.0.113.10'], 'mixed.example-lims.test': ['203.0.113.10', '10.1.2.3'] });

describe('webhookUrlRefusal', () => {
  it('accepts an https URL whose every address is public', async () => {
    expect(await webhookUrlRefusal('https://hooks.example-lims.test/labflow', STRICT, PUBLIC)).toBeNull();
    expect(await webhookUrlRefusal('https://203.0.113.10/labflow', STRICT, PUBLIC)).toBeNull();
  });

  it('refuses http unless local development allows it', async () => {
    expect(await webhookUrlRefusal('http://hooks.example-lims.test/labflow', STRICT, PUBLIC)).toBe('url must use https');
    expect(await webhookUrlRefusal('http://hooks.example-lims.test/labflow', { ...STRICT, allowHttp: true }, PUBLIC)).toBeNull();
    expect(await webhookUrlRefusal('ftp://hooks.example-lims.test/labflow', LOCAL, PUBLIC)).toBe('url must use https');
  });

  it.each([
    ['loopback', 'https://127.0.0.1/h', '127.0.0.1'],
    ['loopback range', 'https://127.10.0.5/h', '127.10.0.5'],
    ['IPv6 loopback', 'https://[::1]/h', '::1'],
    ['private 10/8', 'https://10.0.0.7/h', '10.0.0.7'],
    ['private 172.16/12', 'https://172.20.1.1/h', '172.20.1.1'],
    ['private 192.168/16', 'https://192.168.1.20/h', '192.168.1.20'],
    ['carrier-grade NAT', 'https://100.64.0.1/h', '100.64.0.1'],
    ['link-local', 'https://169.254.10.10/h', '169.254.10.10'],
    ['IPv6 link-local', 'https://[fe80::1]/h', 'fe80::1'],
    ['IPv6 unique local', 'https://[fd12:3456::1]/h', 'fd12:3456::1'],
    ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/h', '::ffff:7f00:1'],
    ['unspecified', 'https://0.0.0.0/h', '0.0.0.0'],
  ])('refuses a %s address', async (_, url, address) => {
    expect(await webhookUrlRefusal(url, STRICT, PUBLIC)).toBe(
      `url must not point at a private, loopback or link-local address (${new URL(url).hostname.replace(/^\[(.*)\]$/, '$1')} is ${address})`,
    );
  });

  it('refuses a name that resolves to a private address, even among public ones', async () => {
    expect(await webhookUrlRefusal('https://mixed.example-lims.test/h', STRICT, PUBLIC))
      .toBe('url must not point at a private, loopback or link-local address (mixed.example-lims.test is 10.1.2.3)');
    expect(await webhookUrlRefusal('https://localhost/h', STRICT, dns({ localhost: ['127.0.0.1', '::1'] })))
      .toBe('url must not point at a private, loopback or link-local address (localhost is 127.0.0.1)');
  });

  it('refuses the cloud metadata service even where private addresses are allowed', async () => {
    expect(await webhookUrlRefusal('http://169.254.169.254/latest/meta-data/', LOCAL, PUBLIC))
      .toBe('url must not point at a cloud metadata address (169.254.169.254 is 169.254.169.254)');
    expect(await webhookUrlRefusal('http://metadata.google.internal/', LOCAL, dns({ 'metadata.google.internal': ['169.254.169.254'] })))
      .toBe('url must not point at a cloud metadata address (metadata.google.internal is 169.254.169.254)');
    expect(await webhookUrlRefusal('https://[fd00:ec2::254]/', LOCAL, PUBLIC)).toBe('url must not point at a cloud metadata address (fd00:ec2::254 is fd00:ec2::254)');
  });

  it('accepts loopback where tests allow private addresses', async () => {
    expect(await webhookUrlRefusal('http://127.0.0.1:4000/hooks', LOCAL, PUBLIC)).toBeNull();
  });

  it('refuses a name that does not resolve, and credentials in the URL', async () => {
    expect(await webhookUrlRefusal('https://nowhere.example-lims.test/h', STRICT, PUBLIC)).toBe('url host nowhere.example-lims.test could not be resolved');
    expect(await webhookUrlRefusal('https://user:pw@hooks.example-lims.test/h', STRICT, PUBLIC)).toBe('url must not carry credentials');
  });
});

describe('checkWebhookUrl (at delivery)', () => {
  it('answers the checked address to connect to, asking the resolver once', async () => {
    const asked: string[] = [];
    const resolve: ResolveHost = async (host) => { asked.push(host); return ['203.0.113.10', '2001:db8::10']; };
    const check = await checkWebhookUrl('https://hooks.example-lims.test:8443/labflow?x=1', STRICT, resolve);
    expect(check).toEqual({ target: { url: new URL('https://hooks.example-lims.test:8443/labflow?x=1'), address: '203.0.113.10', family: 4 } });
    expect(asked).toEqual(['hooks.example-lims.test']);
    expect(await checkWebhookUrl('https://v6.example-lims.test/h', STRICT, async () => ['2001:db8::10']))
      .toMatchObject({ target: { address: '2001:db8::10', family: 6 } });
  });

  it('refuses a name that now resolves to loopback (it was public at registration), as a final refusal', async () => {
    let answer = ['203.0.113.10'];
    const rebinding: ResolveHost = async () => answer;
    expect(await checkWebhookUrl('https://hooks.example-lims.test/h', STRICT, rebinding)).toHaveProperty('target');
    answer = ['127.0.0.1'];
    expect(await checkWebhookUrl('https://hooks.example-lims.test/h', STRICT, rebinding)).toEqual({
      refusal: 'url must not point at a private, loopback or link-local address (hooks.example-lims.test is 127.0.0.1)', final: true,
    });
  });

  it('keeps loopback refused where only http is allowed (local development without private addresses)', async () => {
    expect(await checkWebhookUrl('http://localhost:4000/h', { allowHttp: true, allowPrivateAddresses: false }, dns({ localhost: ['127.0.0.1'] })))
      .toEqual({ refusal: 'url must not point at a private, loopback or link-local address (localhost is 127.0.0.1)', final: true });
  });

  it('treats a name that does not resolve as worth a retry, a scheme or metadata refusal as final', async () => {
    expect(await checkWebhookUrl('https://nowhere.example-lims.test/h', STRICT, PUBLIC))
      .toEqual({ refusal: 'url host nowhere.example-lims.test could not be resolved', final: false });
    expect(await checkWebhookUrl('https://gone.example-lims.test/h', STRICT, async () => []))
      .toEqual({ refusal: 'url host gone.example-lims.test could not be resolved', final: false });
    expect(await checkWebhookUrl('http://hooks.example-lims.test/h', STRICT, PUBLIC)).toEqual({ refusal: 'url must use https', final: true });
    expect(await checkWebhookUrl('http://metadata.google.internal/', LOCAL, dns({ 'metadata.google.internal': ['169.254.169.254'] })))
      .toMatchObject({ final: true });
  });
});
