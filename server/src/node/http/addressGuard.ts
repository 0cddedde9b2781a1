/**
 * Where outgoing requests may go. Link-local and cloud-metadata addresses never (they answer with a
 * machine's credentials); private, loopback, CGNAT and unspecified addresses only when listed in
 * `weekly.network.allowPrivateHosts` (by host name, address or CIDR range); everything else, yes.
 * The ranges come from ipaddr.js (IANA's special-purpose registries), not hand-kept tables.
 */
import * as ipaddr from 'ipaddr.js';

export type AddressClass = 'public' | 'private' | 'loopback' | 'link-local' | 'metadata' | 'unspecified' | 'reserved';

/** Cloud metadata services that sit outside the link-local range (Alibaba, AWS over IPv6, Oracle's IPv6). */
const METADATA = new Set(['100.100.100.200', 'fd00:ec2::254', '169.254.169.254', '169.254.170.2']);
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

export function classifyAddress(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return 'reserved';
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is the IPv4 address.
  const ip = ipaddr.process(address);
  const text = ip.toString();
  if (METADATA.has(text)) return 'metadata';
  const range = ip.range();
  switch (range) {
    case 'unicast':
      return 'public';
    case 'loopback':
      return 'loopback';
    case 'linkLocal':
      return 'link-local';
    case 'unspecified':
      return 'unspecified';
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return 'private';
    default:
      // broadcast, multicast, reserved, 6to4/teredo wrappers, documentation ranges…
      return 'reserved';
  }
}

export interface AddressPolicy {
  /** Host names, addresses or CIDR ranges (`127.0.0.1`, `10.0.0.0/8`, `intranet.local`). */
  allowPrivateHosts: readonly string[];
}

export type AddressVerdict = { allowed: true } | { allowed: false; forbidden: boolean; cls: AddressClass };

function listed(policy: AddressPolicy, host: string, address: string): boolean {
  const ip = ipaddr.isValid(address) ? ipaddr.process(address) : undefined;
  for (const entry of policy.allowPrivateHosts) {
    const e = entry.trim().toLowerCase();
    if (!e) continue;
    if (e === host.toLowerCase() || e === address) return true;
    if (!ip) continue;
    try {
      if (e.includes('/')) {
        const [net, bits] = ipaddr.parseCIDR(e);
        if (net.kind() === ip.kind() && ip.match([net, bits] as never)) return true;
      } else if (ipaddr.isValid(e) && ipaddr.process(e).toString() === ip.toString()) return true;
    } catch {
      // A malformed entry allows nothing.
    }
  }
  return false;
}

export function isMetadataHost(host: string): boolean {
  return METADATA_HOSTS.has(host.toLowerCase().replace(/\.$/, ''));
}

/** May a request to `host`, resolved to `address`, go out? */
export function checkAddress(policy: AddressPolicy, host: string, address: string): AddressVerdict {
  if (isMetadataHost(host)) return { allowed: false, forbidden: true, cls: 'metadata' };
  const cls = classifyAddress(address);
  if (cls === 'public') return { allowed: true };
  if (cls === 'link-local' || cls === 'metadata') return { allowed: false, forbidden: true, cls };
  return listed(policy, host, address) ? { allowed: true } : { allowed: false, forbidden: false, cls };
}
