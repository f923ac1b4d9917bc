// The cloud half of the generated `check` matrix: DescribeVpnConnection exports (single tunnel and
// dual tunnel) and a DownloadVpnConnectionConfig export of one baseline connection, in the shapes
// the API reference documents. Documentation addresses only.

/** The baseline connection, in Alibaba's vocabulary and the cloud's perspective. */
export const BASE = {
  vpnConnectionId: 'vco-matrix0000000001',
  regionId: 'cn-hangzhou',
  gatewayIps: ['192.0.2.10', '192.0.2.11'],
  customerIp: '198.51.100.2',
  psk: 'Matrix-Key-7f3a91',
  IkeVersion: 'ikev1',
  IkeMode: 'main',
  IkeEncAlg: 'aes256',
  IkeAuthAlg: 'sha256',
  IkePfs: 'group14',
  IkeLifetime: 86400,
  IpsecEncAlg: 'aes256',
  IpsecAuthAlg: 'sha256',
  IpsecPfs: 'group14',
  IpsecLifetime: 3600,
  LocalSubnet: '172.16.0.0/16',
  RemoteSubnet: '10.10.0.0/24',
  EnableDpd: true,
  EnableNatTraversal: true,
} as const;

const ike = (gw: string) => ({
  IkeVersion: BASE.IkeVersion,
  IkeMode: BASE.IkeMode,
  IkeEncAlg: BASE.IkeEncAlg,
  IkeAuthAlg: BASE.IkeAuthAlg,
  IkePfs: BASE.IkePfs,
  IkeLifetime: BASE.IkeLifetime,
  LocalId: gw,
  RemoteId: BASE.customerIp,
  Psk: BASE.psk,
});
const ipsec = () => ({ IpsecEncAlg: BASE.IpsecEncAlg, IpsecAuthAlg: BASE.IpsecAuthAlg, IpsecPfs: BASE.IpsecPfs, IpsecLifetime: BASE.IpsecLifetime });

/** A DescribeVpnConnection response: single tunnel (IkeConfig/IpsecConfig) or dual tunnel (TunnelOptionsSpecification). */
export function describeExport(dual: boolean): Record<string, unknown> {
  const common = {
    RequestId: '00000000-0000-4000-8000-000000000001',
    VpnConnectionId: BASE.vpnConnectionId,
    VpnGatewayId: 'vpn-matrix0000000001',
    Name: 'matrix',
    LocalSubnet: BASE.LocalSubnet,
    RemoteSubnet: BASE.RemoteSubnet,
    Status: 'ike_sa_not_established',
  };
  if (!dual) {
    return {
      ...common,
      CustomerGatewayId: 'cgw-matrix0000000001',
      VpnGatewayIp: BASE.gatewayIps[0],
      RemoteIp: BASE.customerIp,
      EnableDpd: BASE.EnableDpd,
      EnableNatTraversal: BASE.EnableNatTraversal,
      IkeConfig: ike(BASE.gatewayIps[0]),
      IpsecConfig: ipsec(),
    };
  }
  return {
    ...common,
    EnableTunnelsBgp: false,
    TunnelOptionsSpecification: {
      TunnelOptions: BASE.gatewayIps.map((gw, i) => ({
        TunnelId: `tun-matrix000000000${i + 1}`,
        Role: i === 0 ? 'master' : 'slave',
        TunnelIp: gw,
        CustomerGatewayId: 'cgw-matrix0000000001',
        CustomerGatewayIp: BASE.customerIp,
        EnableDpd: BASE.EnableDpd,
        EnableNatTraversal: BASE.EnableNatTraversal,
        TunnelIkeConfig: ike(gw),
        TunnelIpsecConfig: ipsec(),
      })),
    },
  };
}

/** A DownloadVpnConnectionConfig response (single tunnel): the peer's view, key in clear. */
export function downloadExport(): Record<string, unknown> {
  const gw = BASE.gatewayIps[0];
  return {
    RequestId: '00000000-0000-4000-8000-000000000002',
    VpnConnectionConfig: {
      Local: BASE.customerIp,
      Remote: gw,
      LocalSubnet: BASE.RemoteSubnet,
      RemoteSubnet: BASE.LocalSubnet,
      IkeConfig: { ...ike(gw), LocalId: BASE.customerIp, RemoteId: gw },
      IpsecConfig: ipsec(),
    },
  };
}
