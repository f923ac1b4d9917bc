// What the simulated cloud contains: connections (single- or dual-tunnel) with their settings,
// the cloud's diagnosis verdicts, logs and gateway-diagnosis results, plus scenario-wide behaviour
// (denied RAM actions, gateways that cannot diagnose, diagnoses already running or timing out).
// Built-in scenarios are assembled from the embedded lab excerpts.
import type { AccessKey } from './signature.js';
import { HEALTHY_TUNNEL_LOG, P1_HASH_MISMATCH_LOG, PFS_MISMATCH_TUNNEL_LOG } from './demo-data.js';

export type Json = Record<string, unknown>;

export interface SimTunnel {
  tunnelId: string;
  role: 'master' | 'slave';
  /** DiagnoseVpnConnections entry for this tunnel. */
  diagnose: Json;
  logs: readonly string[];
}

export interface SimConnection {
  vpnConnectionId: string;
  vpnGatewayId: string;
  /** DescribeVpnConnections entry; carries `Psk` like the real API does. */
  describe: Json;
  /** Single-tunnel: DiagnoseVpnConnections entry and logs. */
  diagnose?: Json;
  logs?: readonly string[];
  /** Dual-tunnel mode. */
  tunnels?: SimTunnel[];
  /** DiagnoseResult items of GetVpnGatewayDiagnoseResult. */
  gatewayDiagnosis?: Json[];
}

export interface Scenario {
  name: string;
  description: string;
  regionId: string;
  /** AccessKeyId → secret (and STS token); the simulator signs nothing without one. */
  accessKeys: Record<string, AccessKey>;
  connections: SimConnection[];
  /** Actions the RAM policy does not allow: always 403 Forbidden. */
  deny?: string[];
  /** Gateways whose version cannot diagnose (OperationUnsupported.DiagnoseVpn). */
  unsupportedGateways?: string[];
  /** Polls a gateway diagnosis takes to finish (default 3). */
  diagnosisPolls?: number;
  /** Connections whose gateway diagnosis ends in IncorrectStatus.DiagnoseTimeout. */
  diagnosisTimeouts?: string[];
  /** Diagnoses already running when the simulator starts. */
  runningDiagnoses?: { vpnGatewayId: string; resourceId: string }[];
}

export const DEMO_ACCESS_KEY_ID = 'LTAI5tSimulatorDemoKey';
export const DEMO_ACCESS_KEY_SECRET = 'simulator-demo-secret-0000';
export const DEMO_REGION = 'cn-hangzhou';

const LAB_IKE = { IkeVersion: 'ikev1', IkeMode: 'main', IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14', IkeLifetime: 28800, LocalId: '198.51.100.1', RemoteId: '198.51.100.2' };
const LAB_IPSEC = { IpsecEncAlg: 'aes256', IpsecAuthAlg: 'sha256', IpsecPfs: 'group14', IpsecLifetime: 86400 };

/** The neutral result of a gateway diagnosis when a scenario gives none: quotas fine, no conflicts. */
export function neutralGatewayDiagnosis(): Json[] {
  const item = (name: string, desc: Json, level = 'normal'): Json => ({ DiagnoseName: name, DiagnoseResultDescription: JSON.stringify(desc), DiagnoseResultLevel: level });
  return [
    item('VpnIPsecQuota', { quotaName: 'vpn_quota_ipsec_connections_per_gateway', quantity: 10, used: 1 }),
    item('VpnRouteQuota', { quotaName: 'vpn_quota_route_entries_per_gateway', quantity: 20, used: 2 }),
    item('VpnPbrRouteQuota', { quotaName: 'vpn_quota_policy_route_entries_per_gateway', quantity: 20, used: 0 }),
    item('VcoConfigConsistency', { vcoLackConf: true }),
    item('RouteEntryConflict', {}),
  ];
}

/** A DescribeVpnConnections entry with the lab's settings. */
export function describeEntry(id: string, gw: string, extra: Json = {}): Json {
  return {
    VpnConnectionId: id, VpnGatewayId: gw, Name: `sim-${id.slice(-6)}`, CustomerGatewayId: 'cgw-bp1labpeer00000001',
    LocalSubnet: '203.0.113.0/25', RemoteSubnet: '203.0.113.128/25', Status: 'ike_sa_not_established', State: 'active',
    EffectImmediately: false, EnableDpd: true, EnableNatTraversal: true, CreateTime: 1795219200000,
    IkeConfig: { ...LAB_IKE, Psk: 'sim-psk-Vx7pQ2-do-not-print' }, IpsecConfig: { ...LAB_IPSEC }, ...extra,
  };
}

function single(): Scenario {
  const id = 'vco-bp103da4211aff62a283';
  const gw = 'vpn-bp1labgateway000001';
  const diag = neutralGatewayDiagnosis();
  diag.push({ DiagnoseName: 'VcoUserInternetIpConnectivity', DiagnoseResultDescription: JSON.stringify({ targetIp: '198.51.100.2', rtt: 1.2, lossRate: 0 }), DiagnoseResultLevel: 'normal' });
  return {
    name: 'single', description: 'one single-tunnel connection whose IKE hash differs (cloud sha256, peer sha1)', regionId: DEMO_REGION,
    accessKeys: { [DEMO_ACCESS_KEY_ID]: { secret: DEMO_ACCESS_KEY_SECRET } },
    connections: [{
      vpnConnectionId: id, vpnGatewayId: gw, describe: describeEntry(id, gw), logs: P1_HASH_MISMATCH_LOG, gatewayDiagnosis: diag,
      diagnose: {
        VpnConnectionId: id, FailedReasonCode: 'ProposalMismatch', FailedReason: 'proposal mismatch', FailedTime: 1795299254000,
        SourceLog: P1_HASH_MISMATCH_LOG.find((l) => l.includes('no suitable proposal found')), Severity: 'Critical',
        MismatchLocalParam: 'SHA256', MismatchRemoteParam: 'SHA',
      },
    }],
  };
}

function dualTunnel(): Scenario {
  const id = 'vco-bp1dualconn000000001';
  const gw = 'vpn-bp1dualgateway00001';
  const [t1, t2] = ['tun-bp1dualtunnel0001', 'tun-bp1dualtunnel0002'];
  const tunnelOption = (tunnelId: string, role: string, index: number): Json => ({
    TunnelId: tunnelId, Role: role, TunnelIndex: index, State: 'active', Status: index === 1 ? 'ipsec_sa_not_established' : 'ipsec_sa_established',
    CustomerGatewayId: `cgw-bp1dualpeer00000${index}`, EnableDpd: 'true', EnableNatTraversal: 'true', InternetIp: `198.51.100.${index}`, ZoneNo: `cn-hangzhou-${index === 1 ? 'h' : 'i'}`,
    TunnelIkeConfig: { ...LAB_IKE, IkeLifetime: '28800', Psk: `sim-tunnel-psk-${index}-do-not-print` },
    TunnelIpsecConfig: { ...LAB_IPSEC, IpsecLifetime: '86400' },
  });
  const describe = describeEntry(id, gw, { IkeConfig: undefined, IpsecConfig: undefined, EnableTunnelsBgp: false, TunnelOptionsSpecification: { TunnelOptions: [tunnelOption(t1, 'master', 1), tunnelOption(t2, 'slave', 2)] } });
  return {
    name: 'dual-tunnel', description: 'one dual-tunnel connection: the master tunnel fails on PFS, the slave is up', regionId: DEMO_REGION,
    accessKeys: { [DEMO_ACCESS_KEY_ID]: { secret: DEMO_ACCESS_KEY_SECRET } },
    connections: [{
      vpnConnectionId: id, vpnGatewayId: gw, describe: JSON.parse(JSON.stringify(describe)) as Json, gatewayDiagnosis: neutralGatewayDiagnosis(),
      tunnels: [
        { tunnelId: t1, role: 'master', logs: PFS_MISMATCH_TUNNEL_LOG, diagnose: {
          VpnConnectionId: id, TunnelId: t1, FailedReasonCode: 'PfsMismatch', FailedReason: 'pfs mismatch', FailedTime: 1795299435000,
          SourceLog: PFS_MISMATCH_TUNNEL_LOG.find((l) => l.includes('pfs group mismatched')), Severity: 'Critical' } },
        { tunnelId: t2, role: 'slave', logs: HEALTHY_TUNNEL_LOG, diagnose: { VpnConnectionId: id, TunnelId: t2, Severity: 'Normal' } },
      ],
    }],
  };
}

/** `count` healthy single-tunnel connections on one gateway, for paging. */
export function manyConnections(count: number): Scenario {
  const gw = 'vpn-bp1pagedgateway0001';
  const connections: SimConnection[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `vco-bp1paged${String(i).padStart(13, '0')}`;
    const logs = HEALTHY_TUNNEL_LOG.map((l) => l.replace('tun-bp1dualtunnel0002', id));
    connections.push({ vpnConnectionId: id, vpnGatewayId: gw, describe: { ...describeEntry(id, gw), Status: 'ipsec_sa_established' }, logs, diagnose: { VpnConnectionId: id, Severity: 'Normal' } });
  }
  return { name: `paged-${count}`, description: `${count} healthy connections on one gateway`, regionId: DEMO_REGION, accessKeys: { [DEMO_ACCESS_KEY_ID]: { secret: DEMO_ACCESS_KEY_SECRET } }, connections };
}

export const BUILTIN_SCENARIOS: Record<string, () => Scenario> = {
  single,
  demo: single,
  'dual-tunnel': dualTunnel,
  paged: () => manyConnections(23),
};
