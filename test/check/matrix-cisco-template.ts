// The Cisco IOS half of the generated `check` matrix device side: a complete `show running-config`
// for a DeviceSpec, written in IOS syntax from tables of its own (not the dialect's spellings, so a
// wrong mapping there shows up here). One crypto map entry per tunnel IP. IKEv1 → ISAKMP policy,
// global key, an ISAKMP profile per peer (remote identity, self identity, `initiate-mode
// aggressive`); IKEv2 → proposal, policy, keyring and a profile per peer. Two things IOS cannot
// say: IKEv2 has no aggressive mode, and IKEv2 NAT detection cannot be switched off (the
// `no crypto ipsec nat-transparency` line is written but only ISAKMP heeds it).
import type { DeviceSpec } from './matrix-device.js';
import { BASE } from './matrix-cloud.js';

const V1_ENC: Record<string, string> = { aes: 'aes', aes192: 'aes 192', aes256: 'aes 256', '3des': '3des', des: 'des' };
const V1_HASH: Record<string, string> = { md5: 'md5', sha1: 'sha', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const V2_ENC: Record<string, string> = { aes: 'aes-cbc-128', aes192: 'aes-cbc-192', aes256: 'aes-cbc-256', '3des': '3des', des: 'des' };
const V2_INTEG: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const ESP_ENC: Record<string, string> = { aes: 'esp-aes', aes192: 'esp-aes 192', aes256: 'esp-aes 256', '3des': 'esp-3des', des: 'esp-des' };
const ESP_AUTH: Record<string, string> = { md5: 'esp-md5-hmac', sha1: 'esp-sha-hmac', sha256: 'esp-sha256-hmac', sha384: 'esp-sha384-hmac', sha512: 'esp-sha512-hmac' };
const num = (group: string): string => group.replace(/^group/, '');
const isIp = (v: string): boolean => /^\d+\.\d+\.\d+\.\d+$/.test(v);

/** `10.10.0.0/24` → `10.10.0.0 0.0.0.255` (a wildcard mask, as IOS ACLs write it). */
function wildcard(cidr: string): string {
  const [addr, bits] = cidr.split('/');
  const n = Number(bits ?? 32);
  if (n === 32) return `host ${addr}`;
  const w = n === 0 ? 0xffffffff : (0xffffffff >>> n) >>> 0;
  return `${addr} ${[24, 16, 8, 0].map((sh) => (w >>> sh) & 255).join('.')}`;
}

function ikev1(s: DeviceSpec, gws: readonly string[]): string[] {
  const out = ['crypto isakmp policy 10', ` encr ${V1_ENC[s.ikeEnc]}`, ` hash ${V1_HASH[s.ikeAuth]}`, ' authentication pre-share', ` group ${num(s.ikeDh)}`, ` lifetime ${s.ikeLifetime}`];
  for (const gw of gws) out.push(`crypto isakmp key ${s.psk} address ${gw}`);
  if (s.dpd) out.push('crypto isakmp keepalive 10 3');
  out.push('!');
  gws.forEach((gw, i) => {
    const rid = s.remoteId ?? gw;
    // The local identity: the interface address, or a user FQDN (IOS has no way to send another IP).
    const self = s.localId === BASE.customerIp ? 'self-identity address' : `self-identity user-fqdn ${s.localId}`;
    out.push(`crypto isakmp profile ALI-PROF${i + 1}`, ` ${self}`, ` match identity ${isIp(rid) ? `address ${rid} 255.255.255.255` : `host ${rid}`}`);
    if (s.mode === 'aggressive') out.push(' initiate-mode aggressive');
    out.push('!');
  });
  return out;
}

function ikev2(s: DeviceSpec, gws: readonly string[]): string[] {
  const out = ['crypto ikev2 proposal ALI-PROP', ` encryption ${V2_ENC[s.ikeEnc]}`, ` integrity ${V2_INTEG[s.ikeAuth]}`, ` group ${num(s.ikeDh)}`, '!', 'crypto ikev2 policy ALI-POL', ' proposal ALI-PROP', '!', 'crypto ikev2 keyring ALI-KR'];
  gws.forEach((gw, i) => out.push(` peer ALI${i + 1}`, `  address ${gw}`, `  pre-shared-key ${s.psk}`, ' !'));
  out.push('!');
  gws.forEach((gw, i) => {
    const rid = s.remoteId ?? gw;
    const id = (v: string): string => (isIp(v) ? `address ${v}` : v.includes('@') ? `email ${v}` : `fqdn ${v}`);
    out.push(`crypto ikev2 profile ALI-PROF${i + 1}`, ` match identity remote ${isIp(rid) ? `address ${rid} 255.255.255.255` : id(rid)}`, ` identity local ${id(s.localId)}`, ' authentication remote pre-share', ' authentication local pre-share', ' keyring local ALI-KR', ` lifetime ${s.ikeLifetime}`);
    if (s.dpd) out.push(' dpd 10 3 periodic');
    out.push('!');
  });
  return out;
}

/** The running-config of a Cisco router for the given tunnels' gateway IPs. */
export function ciscoFiles(s: DeviceSpec, gws: readonly string[]): { name: string; text: string }[] {
  const out = ['Building configuration...', '', 'version 15.4', 'hostname matrix-rtr', '!'];
  out.push(...(s.version === 'ikev1' ? ikev1(s, gws) : ikev2(s, gws)));
  if (!s.natt) out.push('no crypto ipsec nat-transparency udp-encapsulation', '!');
  out.push(`crypto ipsec transform-set ALI-TS ${ESP_ENC[s.espEnc]} ${ESP_AUTH[s.espAuth]}`, ' mode tunnel', '!');
  gws.forEach((gw, i) => {
    out.push(`crypto map ALI-MAP ${(i + 1) * 10} ipsec-isakmp`, ` set peer ${gw}`, ` set security-association lifetime seconds ${s.ipsecLifetime}`, ' set transform-set ALI-TS');
    if (s.pfs !== 'disabled') out.push(` set pfs group${num(s.pfs)}`);
    out.push(s.version === 'ikev1' ? ` set isakmp-profile ALI-PROF${i + 1}` : ` set ikev2-profile ALI-PROF${i + 1}`, ` match address ${101 + i}`, '!');
  });
  out.push('interface GigabitEthernet0/0', ` ip address ${BASE.customerIp} 255.255.255.252`, ' crypto map ALI-MAP', '!');
  gws.forEach((_gw, i) => out.push(`access-list ${101 + i} permit ip ${wildcard(s.localSubnet)} ${wildcard(s.remoteSubnet)}`));
  out.push('!', 'end', '');
  return [{ name: 'router.cfg', text: out.join('\n') }];
}
