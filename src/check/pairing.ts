// Which device connection configures which cloud tunnel: by the address the device names as its
// peer (the tunnel's gateway IP), then by the device's own address (the customer gateway IP),
// then — one of each — by elimination. A dual-tunnel connection needs two device connections, one
// per tunnel IP; a tunnel no device connection names is reported, not guessed.
import type { CloudTunnel } from '../parse/cloud-settings.js';
import type { DeviceConnection } from './device-model.js';

export interface Pairing {
  tunnel: CloudTunnel;
  connection?: DeviceConnection;
  /** How the pair was made: `peer address`, `own address`, `only one of each`. */
  by?: string;
}

const bare = (a: string | undefined): string | undefined => a?.trim().replace(/^%/, '').toLowerCase();

/**
 * Pairs every cloud tunnel with at most one device connection. Connections of a cloud export that
 * nothing on the device names at all are left out when some other connection was paired (a
 * region's DescribeVpnConnections holds connections to other devices); they are counted in `ignored`.
 */
export function pairTunnels(tunnels: readonly CloudTunnel[], connections: readonly DeviceConnection[]): { pairs: Pairing[]; ignored: CloudTunnel[]; unusedConnections: DeviceConnection[] } {
  const used = new Set<DeviceConnection>();
  const pairs: Pairing[] = tunnels.map((tunnel) => ({ tunnel }));
  const take = (p: Pairing, c: DeviceConnection, by: string): void => {
    p.connection = c;
    p.by = by;
    used.add(c);
  };
  for (const p of pairs) {
    const gw = bare(p.tunnel.gatewayIp);
    const c = gw ? connections.find((x) => !used.has(x) && bare(x.remoteAddress?.value) === gw) : undefined;
    if (c) take(p, c, 'peer address');
  }
  // Own address: only when it singles out one connection (both tunnels of a dual pair share it).
  for (const p of pairs.filter((x) => !x.connection)) {
    const cgw = bare(p.tunnel.customerIp);
    const free = connections.filter((x) => !used.has(x) && cgw !== undefined && bare(x.localAddress?.value) === cgw && (!x.remoteAddress || x.remoteAddress.defaulted));
    if (free.length === 1) take(p, free[0]!, 'own address');
  }
  const unpaired = pairs.filter((x) => !x.connection);
  const free = connections.filter((x) => !used.has(x));
  if (unpaired.length === 1 && free.length === 1 && used.size === 0) take(unpaired[0]!, free[0]!, 'only one of each');
  // Drop whole cloud connections nothing on the device is about, once something was paired.
  const pairedIds = new Set(pairs.filter((x) => x.connection).map((x) => x.tunnel.vpnConnectionId ?? x.tunnel.pointer));
  const keep = (p: Pairing): boolean => p.connection !== undefined || pairedIds.size === 0 || pairedIds.has(p.tunnel.vpnConnectionId ?? p.tunnel.pointer);
  return { pairs: pairs.filter(keep), ignored: pairs.filter((p) => !keep(p)).map((p) => p.tunnel), unusedConnections: connections.filter((x) => !used.has(x)) };
}
