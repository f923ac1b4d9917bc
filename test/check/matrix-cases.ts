// The generated `check` matrix: each of the 17 compared parameters changed alone on the device
// side, for every dialect, single and dual tunnel, plus the unchanged pair — with the parameter
// the report must name and the two values it must show.
import { BASE, describeExport, downloadExport } from './matrix-cloud.js';
import { baseSpec, deviceFiles, MATRIX_DIALECTS, type DeviceSpec, type MatrixDialect } from './matrix-device.js';

export interface MatrixCase {
  name: string;
  dialect: MatrixDialect;
  tunnels: 'single' | 'dual' | 'download';
  cloud: Record<string, unknown>;
  device: { name: string; text: string }[];
  /** The changed parameter, and the values the report must show for it (cloud first); absent for the unchanged pair. */
  changed?: { parameter: string; cloud: string; device: string };
}

interface Variant {
  parameter: string;
  apply: (s: DeviceSpec) => void;
  cloud: string;
  device: string;
  /** Dialects that cannot express the change (strongSwan cannot turn NAT traversal off). */
  skip?: readonly MatrixDialect[];
}

export const VARIANTS: readonly Variant[] = [
  { parameter: 'IkeVersion', apply: (s) => (s.version = 'ikev2'), cloud: 'ikev1', device: 'ikev2' },
  { parameter: 'IkeMode', apply: (s) => (s.mode = 'aggressive'), cloud: 'main', device: 'aggressive' },
  { parameter: 'IkeEncAlg', apply: (s) => (s.ikeEnc = 'aes'), cloud: 'aes256', device: 'aes' },
  { parameter: 'IkeAuthAlg', apply: (s) => (s.ikeAuth = 'sha1'), cloud: 'sha256', device: 'sha1' },
  { parameter: 'IkePfs', apply: (s) => (s.ikeDh = 'group5'), cloud: 'group14', device: 'group5' },
  { parameter: 'IkeLifetime', apply: (s) => (s.ikeLifetime = 28800), cloud: '86400', device: '28800' },
  { parameter: 'LocalId', apply: (s) => (s.remoteId = 'vpn.example.com'), cloud: '*', device: 'vpn.example.com' },
  { parameter: 'RemoteId', apply: (s) => (s.localId = 'idc.example.com'), cloud: BASE.customerIp, device: 'idc.example.com' },
  { parameter: 'Psk', apply: (s) => (s.psk = 'Other-Key-55b2c0'), cloud: '[not shown]', device: '[not shown]' },
  { parameter: 'IpsecEncAlg', apply: (s) => (s.espEnc = 'aes'), cloud: 'aes256', device: 'aes' },
  { parameter: 'IpsecAuthAlg', apply: (s) => (s.espAuth = 'sha1'), cloud: 'sha256', device: 'sha1' },
  { parameter: 'IpsecPfs', apply: (s) => (s.pfs = 'disabled'), cloud: 'group14', device: 'disabled' },
  { parameter: 'IpsecLifetime', apply: (s) => (s.ipsecLifetime = 1800), cloud: '3600', device: '1800' },
  { parameter: 'LocalSubnet', apply: (s) => (s.remoteSubnet = '172.17.0.0/16'), cloud: BASE.LocalSubnet, device: '172.17.0.0/16' },
  { parameter: 'RemoteSubnet', apply: (s) => (s.localSubnet = '10.10.1.0/24'), cloud: BASE.RemoteSubnet, device: '10.10.1.0/24' },
  { parameter: 'EnableDpd', apply: (s) => (s.dpd = false), cloud: 'true', device: 'false' },
  { parameter: 'EnableNatTraversal', apply: (s) => (s.natt = false), cloud: 'true', device: 'false', skip: ['swanctl', 'strongswan-ipsec-conf'] },
];

/** Parameters a DownloadVpnConnectionConfig does not carry (compared as unverifiable there). */
const NOT_IN_DOWNLOAD = new Set(['EnableDpd', 'EnableNatTraversal']);

export function matrixCases(): MatrixCase[] {
  const out: MatrixCase[] = [];
  for (const dialect of MATRIX_DIALECTS) {
    for (const tunnels of ['single', 'dual', 'download'] as const) {
      const gws = tunnels === 'dual' ? BASE.gatewayIps : [BASE.gatewayIps[0]];
      const cloud = tunnels === 'download' ? downloadExport() : describeExport(tunnels === 'dual');
      out.push({ name: `${dialect}/${tunnels}/unchanged`, dialect, tunnels, cloud, device: deviceFiles(dialect, baseSpec(), gws) });
      for (const v of VARIANTS) {
        if (v.skip?.includes(dialect) || (tunnels === 'download' && NOT_IN_DOWNLOAD.has(v.parameter))) continue;
        const spec = baseSpec();
        v.apply(spec);
        out.push({ name: `${dialect}/${tunnels}/${v.parameter}`, dialect, tunnels, cloud, device: deviceFiles(dialect, spec, gws), changed: { parameter: v.parameter, cloud: v.cloud, device: v.device }});
      }
    }
  }
  return out;
}
