import ipaddr from 'ipaddr.js';

/*
 * Lists of addresses and networks as people type them ("10.0.0.0/8, 192.0.2.1, 2001:db8::/32"): the
 * allowed networks of a partner's admin-panel users.
 */

/** The entries of a list, trimmed, without empty ones. */
export function networksOf(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** An IPv4 or IPv6 address, or a network in CIDR notation. */
export function isAddressOrNetwork(entry: string): boolean {
  if (ipaddr.isValid(entry)) return true;
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

/** Whether an address lies in one of the entries (an IPv4 address written as IPv6 counts as IPv4). */
export function addressInNetworks(address: string, entries: readonly string[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  return entries.some((entry) => {
    if (ipaddr.isValid(entry)) return ipaddr.process(entry).toNormalizedString() === ip.toNormalizedString();
    const [network, bits] = ipaddr.parseCIDR(entry);
    return ip.kind() === network.kind() && ip.match(network, bits);
  });
}
