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

/** Where a delivery may connect: the host's checked address, pinned so nothing resolves it again. */
export interface CheckedWebhookTarget {
  url: URL;
  /** The address the connection goes to (the first of the host's checked addresses). */
  address: string;
  family: 4 | 6;
}

/**
 * A URL's check: the target to connect to, or why it is refused. `final` is a refusal that a retry
 * cannot change (scheme, credentials, a forbidden address); a host that does not resolve is not final
 * (DNS may answer later).
 */
export type WebhookUrlCheck = { target: CheckedWebhookTarget } | { refusal: string; final: boolean };

/**
 * Checks a webhook URL and answers the address to connect to. Every address the host resolves to is
 * checked (one private answer is enough to refuse): at registration and again before each delivery,
 * since what a name resolves to can change after it was registered.
 */
export async function checkWebhookUrl(url: string, policy: WebhookUrlPolicy, resolve: ResolveHost = resolveHost): Promise<WebhookUrlCheck> {
  if (!URL.canParse(url)) return { refusal: 'url is not a valid URL', final: true };
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !(policy.allowHttp && parsed.protocol === 'http:')) return { refusal: 'url must use https', final: true };
  if (parsed.username || parsed.password) return { refusal: 'url must not carry credentials', final: true };
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) return { refusal: `url host ${host} could not be resolved`, final: false };
  const metadata = addresses.find((a) => matches(METADATA, a));
  if (metadata) return { refusal: `url must not point at a cloud metadata address (${host} is ${metadata})`, final: true };
  const refused = policy.allowPrivateAddresses ? undefined : addresses.find((a) => matches(PRIVATE, a));
  if (refused) return { refusal: `url must not point at a private, loopback or link-local address (${host} is ${refused})`, final: true };
  return { target: { url: parsed, address: addresses[0], family: isIP(addresses[0]) === 6 ? 6 : 4 } };
}

/** Why a webhook URL is refused, or null when it may be called (see checkWebhookUrl). */
export async function webhookUrlRefusal(url: string, policy: WebhookUrlPolicy, resolve: ResolveHost = resolveHost): Promise<string | null> {
  const check = await checkWebhookUrl(url, policy, resolve);
  return 'refusal' in check ? check.refusal : null;
}
