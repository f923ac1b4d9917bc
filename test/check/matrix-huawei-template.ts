// The Huawei VRP device of the generated `check` matrix: a `display current-configuration` an AR
// router would show for a DeviceSpec — one IKE proposal, one `ike peer` and one `ipsec policy`
// entry per tunnel, the ACL of the protected subnets and the interface applying the policy.
// Spellings are written here from the VRP command reference, independently of the dialect's own.
import { BASE } from './matrix-cloud.js';
import type { DeviceSpec } from './matrix-device.js';

const ENC: Record<string, string> = { aes: 'aes-128', aes192: 'aes-192', aes256: 'aes-256', '3des': '3des', des: 'des' };
const AUTH: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha256: 'sha2-256', sha384: 'sha2-384', sha512: 'sha2-512' };
const INTEG: Record<string, string> = { md5: 'hmac-md5-96', sha1: 'hmac-sha1-96', sha256: 'hmac-sha2-256', sha384: 'hmac-sha2-384', sha512: 'hmac-sha2-512' };

const isIp = (v: string): boolean => /^\d+\.\d+\.\d+\.\d+$/.test(v);

/** `10.10.0.0/24` → `10.10.0.0 0.0.0.255` (an ACL wildcard); a host → `A 0`. */
function wildcard(cidr: string): string {
  const [addr, bits] = cidr.split('/');
  const n = Number(bits ?? 32);
  if (n === 32) return `${addr} 0`;
  const w = n === 0 ? 0xffffffff : (2 ** (32 - n) - 1) >>> 0;
  return `${addr} ${[24, 16, 8, 0].map((sh) => (w >>> sh) & 255).join('.')}`;
}

function peer(s: DeviceSpec, gw: string, i: number): string[] {
  return [
    `ike peer alibaba${i + 1}`,
    s.version === 'ikev1' ? ' undo version 2' : ' version 2',
    ` exchange-mode ${s.mode}`,
    ` pre-shared-key simple ${s.psk}`,
    ' ike-proposal 10',
    ` local-id-type ${isIp(s.localId) ? 'ip' : 'fqdn'}`,
    ` local-id ${s.localId}`,
    ` remote-id-type ${isIp(s.remoteId ?? gw) ? 'ip' : 'fqdn'}`,
    ` remote-id ${s.remoteId ?? gw}`,
    ` remote-address ${gw}`,
    // DPD off and NAT traversal on are the VRP defaults, which the display output leaves out.
    ...(s.dpd ? [' dpd type periodic', ' dpd idle-time 30'] : []),
    ...(s.natt ? [] : [' undo nat traversal']),
  ];
}

/** The VRP configuration of the given tunnels' gateway IPs. */
export function huaweiFiles(s: DeviceSpec, gws: readonly string[]): { name: string; text: string }[] {
  const out: string[] = ['<AR-Matrix>display current-configuration', '[V200R010C10SPC700]', '#', ' sysname AR-Matrix', '#'];
  out.push('acl number 3000', ` rule 5 permit ip source ${wildcard(s.localSubnet)} destination ${wildcard(s.remoteSubnet)}`, '#');
  out.push('ipsec proposal alibaba', ' esp authentication-algorithm ' + AUTH[s.espAuth], ' esp encryption-algorithm ' + ENC[s.espEnc], '#');
  out.push('ike proposal 10', ` encryption-algorithm ${ENC[s.ikeEnc]}`, ` dh ${s.ikeDh}`, ` authentication-algorithm ${AUTH[s.ikeAuth]}`, ' authentication-method pre-share', ` integrity-algorithm ${INTEG[s.ikeAuth]}`, ` sa duration ${s.ikeLifetime}`, '#');
  gws.forEach((gw, i) => out.push(...peer(s, gw, i), '#'));
  gws.forEach((_gw, i) => {
    out.push(`ipsec policy alibaba ${(i + 1) * 10} isakmp`, ' security acl 3000', ` ike-peer alibaba${i + 1}`, ' proposal alibaba');
    if (s.pfs !== 'disabled') out.push(` pfs dh-${s.pfs}`);
    out.push(` sa duration time-based ${s.ipsecLifetime}`, '#');
  });
  out.push('interface GigabitEthernet0/0/1', ` ip address ${BASE.customerIp} 255.255.255.0`, ' ipsec policy alibaba', '#', 'return', '');
  return [{ name: 'huawei-ar.cfg', text: out.join('\n') }];
}
