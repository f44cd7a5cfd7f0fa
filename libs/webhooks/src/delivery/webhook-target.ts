import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Every address a host name resolves to (injectable: tests resolve without DNS). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'metadata' | 'reserved';

const RANGES: readonly [Exclude<AddressClass, 'public'>, string, number][] = [
  ['loopback', '127.0.0.0', 8],
  ['loopback', '::1', 128],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['private', 'fc00::', 7],
  // Shared address space (carrier NAT); Alibaba Cloud's metadata service is in it.
  ['reserved', '100.64.0.0', 10],
  // Link-local: 169.254.169.254 is the metadata service of AWS, GCP, Azure and others.
  ['link-local', '169.254.0.0', 16],
  ['link-local', 'fe80::', 10],
  ['reserved', '0.0.0.0', 8],
  ['reserved', '192.0.0.0', 24],
  ['reserved', '192.0.2.0', 24],
  ['reserved', '198.18.0.0', 15],
  ['reserved', '198.51.100.0', 24],
  ['reserved', '203.0.113.0', 24],
  ['reserved', '224.0.0.0', 3],
  ['reserved', '::', 128],
  // IPv4 embedded in IPv6 (mapped, NAT64, 6to4, Teredo) could reach any IPv4 address.
  ['reserved', '::ffff:0:0', 96],
  ['reserved', '64:ff9b::', 96],
  ['reserved', '2002::', 16],
  ['reserved', '2001::', 32],
  ['reserved', '2001:db8::', 32],
  ['reserved', 'ff00::', 8],
];

/** Public addresses that answer as a cloud's metadata or host agent. */
const METADATA_ADDRESSES = ['168.63.129.16', 'fd00:ec2::254'];
const METADATA_NAMES =
  /^(metadata|metadata\.google\.internal|metadata\.goog|instance-data(\..*)?)$/;
/** Names that never leave the machine or the private network. */
const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/;

type Family = 'ipv4' | 'ipv6';

/** One list per class and family: a BlockList's IPv6 rules would also match IPv4 addresses. */
const blockLists = new Map<`${AddressClass}/${Family}`, BlockList>();
for (const [kind, network, prefix] of RANGES) {
  const family: Family = network.includes(':') ? 'ipv6' : 'ipv4';
  const list = blockLists.get(`${kind}/${family}`) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  blockLists.set(`${kind}/${family}`, list);
}

const classOf = (address: string): AddressClass => {
  if (METADATA_ADDRESSES.includes(address.toLowerCase())) return 'metadata';
  const family: Family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  for (const [key, list] of blockLists) {
    const [kind, listFamily] = key.split('/') as [AddressClass, Family];
    if (listFamily === family && list.check(address, family)) return kind;
  }
  return 'public';
};

export type TargetPolicyOptions = {
  /** Loopback targets (127.0.0.0/8, ::1, localhost): off unless configured; tests use it. */
  allowLoopback?: boolean;
  /** RFC 1918 and unique-local targets, for receivers inside the same private network. */
  allowPrivateNetworks?: boolean;
  /** Ports the API itself listens on: refused on loopback even when loopback is allowed. */
  selfPorts?: readonly number[];
  resolve?: Resolve;
};

export type CheckedTarget =
  { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

/** What every refused delivery says: nothing about what was found at the address. */
export const TARGET_REFUSED =
  'target refused: the URL is not allowed or its host resolves to an address webhooks may not reach';

/**
 * Which URLs webhooks may reach. A URL is checked when it is registered (its form, and its host
 * when that is an address or a local name) and again before each delivery, after resolving its
 * host: every address must be public (or loopback / private when configured), and the delivery
 * connects to the address that was checked, so a DNS answer that changes in between cannot
 * point it elsewhere.
 */
export class WebhookTargetPolicy {
  private readonly resolve: Resolve;

  constructor(private readonly options: TargetPolicyOptions = {}) {
    this.resolve = options.resolve ?? systemResolve;
  }

  /** Why this URL may not be registered, or null; needs no DNS. */
  problemWith(url: string): string | null {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'url must be an absolute http or https URL';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return 'url must be an absolute http or https URL';
    }
    if (parsed.username || parsed.password) return 'url must not carry a user name or password';
    const host = hostOf(parsed);
    if (isIP(host)) return this.problemWithAddress(host, portOf(parsed));
    if (METADATA_NAMES.test(host)) return 'url must not point at a cloud metadata service';
    if (LOCAL_NAMES.test(host)) {
      return /(^|\.)localhost$/.test(host)
        ? this.problemWithAddress('127.0.0.1', portOf(parsed))
        : 'url must name a host on the internet, not a local or internal name';
    }
    return null;
  }

  /** Before a delivery: the checked address to connect to, or why not. */
  async check(url: string): Promise<CheckedTarget> {
    const problem = this.problemWith(url);
    if (problem) return { ok: false, reason: problem };
    const parsed = new URL(url);
    const host = hostOf(parsed);
    const family = isIP(host);
    let addresses: ResolvedAddress[];
    if (family === 4 || family === 6) addresses = [{ address: host, family }];
    else if (/(^|\.)localhost$/.test(host)) addresses = [{ address: '127.0.0.1', family: 4 }];
    else {
      try {
        addresses = await this.resolve(host);
      } catch {
        return { ok: false, reason: 'the host name does not resolve' };
      }
    }
    const [first] = addresses;
    if (!first) return { ok: false, reason: 'the host name does not resolve' };
    // All of them: a name answering one public and one private address is refused.
    for (const { address } of addresses) {
      const refused = this.problemWithAddress(address, portOf(parsed));
      if (refused) return { ok: false, reason: refused };
    }
    return { ok: true, address: first.address, family: first.family };
  }

  private problemWithAddress(address: string, port: number): string | null {
    const kind = classOf(address);
    if (kind === 'public') return null;
    if (kind === 'loopback' && this.options.allowLoopback) {
      return this.options.selfPorts?.includes(port) ? 'url must not point at this service' : null;
    }
    if (kind === 'private' && this.options.allowPrivateNetworks) return null;
    return `url must not point at a ${kind} address${kind === 'loopback' || kind === 'private' ? ' (see WEBHOOK_ALLOW_LOOPBACK / WEBHOOK_ALLOW_PRIVATE_NETWORKS)' : ''}`;
  }
}

/** The host as an address or a lower-case name without brackets or a trailing dot. */
const hostOf = (url: URL): string =>
  url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();

const portOf = (url: URL): number =>
  url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
