import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface WebhookUrlPolicy {
  /** Local development only: accept http:// receivers. */
  allowHttp: boolean;
  /** Tests and on-premises receivers: accept loopback and private addresses (metadata stays refused). */
  allowPrivateAddresses: boolean;
}

export type ResolveHost = (host: string) => Promise<string[]>;

// Addresses a webhook must never reach from inside the platform (SSRF): the host itself, private
// networks, link-local (with the cloud metadata service at 169.254.169.254 / fd00:ec2::254), CGNAT,
// multicast and reserved ranges. IPv4-mapped IPv6 addresses are checked against the IPv4 rules.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}
const METADATA = new BlockList();
METADATA.addAddress('169.254.169.254', 'ipv4');
METADATA.addAddress('169.254.170.2', 'ipv4'); // ECS task metadata
METADATA.addAddress('fd00:ec2::254', 'ipv6');

const LOOKUP_TIMEOUT_MS = 3000;

function matches(list: BlockList, address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return list.check(mapped[1], 'ipv4');
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

export async function resolveHost(host: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('lookup timed out')), LOOKUP_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout]);
    return found.map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why a webhook URL is refused, or null when it may be called. Every address the host resolves to
 * is checked (one private answer is enough to refuse): at registration and again before each
 * delivery, since what a name resolves to can change after it was registered.
 */
export async function webhookUrlRefusal(url: string, policy: WebhookUrlPolicy, resolve: ResolveHost = resolveHost): Promise<string | null> {
  if (!URL.canParse(url)) return 'url is not a valid URL';
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !(policy.allowHttp && parsed.protocol === 'http:')) return 'url must use https';
  if (parsed.username || parsed.password) return 'url must not carry credentials';
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return `url host ${host} could not be resolved`;
  }
  if (addresses.length === 0) return `url host ${host} could not be resolved`;
  const metadata = addresses.find((a) => matches(METADATA, a));
  if (metadata) return `url must not point at a cloud metadata address (${host} is ${metadata})`;
  if (policy.allowPrivateAddresses) return null;
  const refused = addresses.find((a) => matches(PRIVATE, a));
  return refused ? `url must not point at a private, loopback or link-local address (${host} is ${refused})` : null;
}
