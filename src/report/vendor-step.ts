// The device half of a fix for a Cisco (IOS, ASA) or Huawei / H3C device known from its log alone:
// which command of the vendor's configuration sets each differing parameter, with the cloud's
// value spelled the vendor's way (the one spelling table, src/vocabulary/spellings.ts). The log
// does not show the configuration's names (policy numbers, map names), so those are placeholders
// the user fills in; a configuration given beside the logs gets exact edits instead (device-step.ts).
import type { DiffEntry, RemediationStep } from '../types.js';
import type { SubjectFacts } from '../facts/facts.js';
import { deviceSpelling, type SpellingDialect } from '../vocabulary/spellings.js';
import { ESP_ENC, ESP_HASH, IKEV2_ENC } from '../../grammars/config/cisco-ios/spelling.js';
import { PSK_PLACEHOLDER } from '../check/fix.js';

type Vendor = 'ios' | 'asa' | 'huawei' | 'h3c';

interface Values {
  get(p: string): string | undefined;
  has(p: string): boolean;
  v2: boolean;
  gateway: string;
}

const ALG_PARAMS = ['IkeEncAlg', 'IkeAuthAlg', 'IkePfs', 'IpsecEncAlg', 'IpsecAuthAlg', 'IpsecPfs', 'Psk', 'LocalSubnet', 'RemoteSubnet', 'IkeVersion', 'IkeMode', 'IkeLifetime', 'IpsecLifetime'];

/** `group14` → `14`. */
const num = (dh: string | undefined): string | undefined => (dh && /^group\d+$/.test(dh) ? dh.slice(5) : undefined);

/** `10.0.0.0/24` → `10.0.0.0 0.0.0.255` (IOS and VRP ACLs: address and wildcard) or, `netmask`, `10.0.0.0 255.255.255.0` (ASA). */
function addressAndMask(cidr: string, netmask = false): string | undefined {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr.trim());
  if (!m) return undefined;
  const bits = Number(m[2]);
  const host = bits === 0 ? 0xffffffff : (2 ** (32 - bits) - 1) >>> 0;
  const mask = netmask ? ~host >>> 0 : host;
  return `${m[1]} ${[24, 16, 8, 0].map((s) => (mask >>> s) & 255).join('.')}`;
}

/** The ACL lines of the protected traffic: device side (the cloud's RemoteSubnet) to the cloud side (LocalSubnet). */
function aclLine(x: Values, word: (src: string, dst: string) => string, netmask = false): string[] {
  if (!x.get('LocalSubnet') && !x.get('RemoteSubnet')) return [];
  const dev = x.get('RemoteSubnet')?.split(',').map((c) => addressAndMask(c, netmask));
  const cloud = x.get('LocalSubnet')?.split(',').map((c) => addressAndMask(c, netmask));
  const out: string[] = [];
  for (const s of dev?.length ? dev : [undefined]) for (const d of cloud?.length ? cloud : [undefined]) out.push(word(s ?? '<device subnet> <mask>', d ?? '<cloud subnet> <mask>'));
  return out;
}

function iosLines(x: Values): string[] {
  const out: string[] = [];
  // Only what the inputs give a value for: a block of nothing but placeholders says nothing.
  const p1 = ['IkeEncAlg', 'IkeAuthAlg', 'IkePfs', 'IkeLifetime'].some((p) => x.get(p));
  if (p1 && x.v2) {
    out.push('crypto ikev2 proposal <proposal name>');
    if (x.get('IkeEncAlg')) out.push(` encryption ${IKEV2_ENC[x.get('IkeEncAlg')!] ?? x.get('IkeEncAlg')}`);
    if (x.get('IkeAuthAlg')) out.push(` integrity ${x.get('IkeAuthAlg')}`);
    if (num(x.get('IkePfs'))) out.push(` group ${num(x.get('IkePfs'))}`);
    if (x.get('IkeLifetime')) out.push('crypto ikev2 profile <profile name>', ` lifetime ${x.get('IkeLifetime')}`);
  } else if (p1) {
    out.push('crypto isakmp policy <priority>');
    const e = x.get('IkeEncAlg') && deviceSpelling('cisco', 'enc', x.get('IkeEncAlg')!);
    const h = x.get('IkeAuthAlg') && deviceSpelling('cisco', 'hash', x.get('IkeAuthAlg')!);
    if (e) out.push(` encryption ${e}`);
    if (h) out.push(` hash ${h}`);
    if (num(x.get('IkePfs'))) out.push(` group ${num(x.get('IkePfs'))}`);
    if (x.get('IkeLifetime')) out.push(` lifetime ${x.get('IkeLifetime')}`);
  }
  if (x.get('IpsecEncAlg') || x.get('IpsecAuthAlg')) {
    const e = ESP_ENC[x.get('IpsecEncAlg') ?? ''] ?? '<esp cipher>';
    const h = ESP_HASH[x.get('IpsecAuthAlg') ?? ''] ?? '<esp hmac>';
    out.push(`crypto ipsec transform-set <transform-set name> ${e} ${h}`, ' mode tunnel');
  }
  if (x.get('IpsecPfs') || x.get('IpsecLifetime')) {
    out.push('crypto map <map name> <seq> ipsec-isakmp');
    const pfs = x.get('IpsecPfs');
    if (pfs === 'disabled') out.push(' no set pfs');
    else if (num(pfs)) out.push(` set pfs group${num(pfs)}`);
    if (x.get('IpsecLifetime')) out.push(` set security-association lifetime seconds ${x.get('IpsecLifetime')}`);
  }
  out.push(...aclLine(x, (s, d) => `ip access-list extended <crypto ACL>\n permit ip ${s} ${d}`).flatMap((l) => l.split('\n')));
  if (x.has('Psk')) out.push(x.v2 ? 'crypto ikev2 keyring <keyring name>' : `crypto isakmp key ${PSK_PLACEHOLDER} address ${x.gateway}`);
  if (x.has('Psk') && x.v2) out.push(` peer alibaba`, `  address ${x.gateway}`, `  pre-shared-key ${PSK_PLACEHOLDER}`);
  return out;
}

function asaLines(x: Values): string[] {
  const out: string[] = [];
  if (['IkeEncAlg', 'IkeAuthAlg', 'IkePfs', 'IkeLifetime'].some((p) => x.get(p))) {
    out.push(x.v2 ? 'crypto ikev2 policy <priority>' : 'crypto ikev1 policy <priority>');
    const enc = x.get('IkeEncAlg');
    if (enc) out.push(` encryption ${enc === 'aes' ? 'aes' : enc.replace(/^aes(\d+)$/, 'aes-$1')}`);
    const auth = x.get('IkeAuthAlg');
    if (auth) out.push(x.v2 ? ` integrity ${auth === 'sha1' ? 'sha' : auth}` : ` hash ${auth === 'sha1' ? 'sha' : auth}`);
    if (num(x.get('IkePfs'))) out.push(` group ${num(x.get('IkePfs'))}`);
    if (x.get('IkeLifetime')) out.push(` lifetime seconds ${x.get('IkeLifetime')}`);
  }
  if (x.get('IpsecEncAlg') || x.get('IpsecAuthAlg')) {
    const enc = x.get('IpsecEncAlg');
    const auth = x.get('IpsecAuthAlg');
    if (x.v2) {
      out.push('crypto ipsec ikev2 ipsec-proposal <proposal name>');
      if (enc) out.push(` protocol esp encryption ${enc === 'aes' ? 'aes' : enc.replace(/^aes(\d+)$/, 'aes-$1')}`);
      if (auth) out.push(` protocol esp integrity ${auth === 'sha1' ? 'sha-1' : auth.replace(/^sha(\d+)$/, 'sha-$1')}`);
    } else {
      const e = enc ? `esp-${enc === 'aes' ? 'aes' : enc.replace(/^aes(\d+)$/, 'aes-$1')}` : '<esp cipher>';
      const h = auth ? `esp-${auth === 'sha1' ? 'sha' : auth.replace(/^sha(\d+)$/, 'sha-$1')}-hmac` : '<esp hmac>';
      out.push(`crypto ipsec ikev1 transform-set <transform-set name> ${e} ${h}`);
    }
  }
  const pfs = x.get('IpsecPfs');
  if (pfs === 'disabled' || num(pfs)) out.push(pfs === 'disabled' ? 'no crypto map <map name> <seq> set pfs' : `crypto map <map name> <seq> set pfs group${num(pfs)}`);
  if (x.get('IpsecLifetime')) out.push(`crypto map <map name> <seq> set security-association lifetime seconds ${x.get('IpsecLifetime')}`);
  out.push(...aclLine(x, (s, d) => `access-list <crypto ACL> extended permit ip ${s} ${d}`, true));
  if (x.has('Psk')) {
    out.push(`tunnel-group ${x.gateway} ipsec-attributes`);
    out.push(...(x.v2 ? [` ikev2 remote-authentication pre-shared-key ${PSK_PLACEHOLDER}`, ` ikev2 local-authentication pre-shared-key ${PSK_PLACEHOLDER}`] : [` ikev1 pre-shared-key ${PSK_PLACEHOLDER}`]));
  }
  return out;
}

function vrpLines(x: Values, dialect: 'huawei' | 'h3c'): string[] {
  const sp = (kind: 'enc' | 'hash' | 'dh', p: string): string | undefined => (x.get(p) ? deviceSpelling(dialect as SpellingDialect, kind, x.get(p)!) : undefined);
  const out: string[] = [];
  if (['IkeEncAlg', 'IkeAuthAlg', 'IkePfs', 'IkeLifetime'].some((p) => x.get(p))) {
    out.push('ike proposal <number>');
    if (sp('enc', 'IkeEncAlg')) out.push(` encryption-algorithm ${sp('enc', 'IkeEncAlg')}`);
    if (sp('hash', 'IkeAuthAlg')) out.push(` authentication-algorithm ${sp('hash', 'IkeAuthAlg')}`);
    if (sp('dh', 'IkePfs')) out.push(` dh ${sp('dh', 'IkePfs')}`);
    if (x.get('IkeLifetime')) out.push(` sa duration ${x.get('IkeLifetime')}`);
  }
  if (sp('enc', 'IpsecEncAlg') || sp('hash', 'IpsecAuthAlg')) {
    out.push(dialect === 'h3c' ? 'ipsec transform-set <name>' : 'ipsec proposal <name>');
    if (sp('enc', 'IpsecEncAlg')) out.push(` esp encryption-algorithm ${sp('enc', 'IpsecEncAlg')}`);
    if (sp('hash', 'IpsecAuthAlg')) out.push(` esp authentication-algorithm ${sp('hash', 'IpsecAuthAlg')}`);
  }
  if (x.get('IpsecPfs') || x.get('IpsecLifetime')) {
    out.push('ipsec policy <name> <seq> isakmp');
    const pfs = x.get('IpsecPfs');
    if (pfs === 'disabled') out.push(' undo pfs');
    else if (num(pfs)) out.push(` pfs dh-group${num(pfs)}`);
    if (x.get('IpsecLifetime')) out.push(` sa duration time-based ${x.get('IpsecLifetime')}`);
  }
  const acl = aclLine(x, (s, d) => ` rule permit ip source ${s} destination ${d}`);
  if (acl.length > 0) out.push('acl number <ACL number>', ...acl);
  if (x.has('Psk')) out.push(...(dialect === 'h3c' ? ['ike keychain <name>', ` pre-shared-key address ${x.gateway} key cipher ${PSK_PLACEHOLDER}`] : ['ike peer <name>', ` pre-shared-key cipher ${PSK_PLACEHOLDER}`]));
  return out;
}

function vendorOf(s: SubjectFacts): Vendor | undefined {
  const d = s.peerDevice;
  if (!d || s.deviceConnection) return undefined;
  if (d.dialect === 'cisco') return d.family === 'asa' ? 'asa' : 'ios';
  if (d.dialect === 'huawei') return d.family === 'h3c' ? 'h3c' : 'huawei';
  if (d.dialect === 'h3c') return 'h3c';
  return undefined;
}

const NAMES: Record<Vendor, string> = { ios: 'the Cisco IOS router', asa: 'the Cisco ASA', huawei: 'the Huawei device', h3c: 'the H3C device' };

/** The vendor step of a finding about a Cisco or Huawei/H3C device known from its log, when the diff names what to set. */
export function vendorStep(diff: readonly DiffEntry[], s: SubjectFacts): RemediationStep | undefined {
  const vendor = vendorOf(s);
  if (!vendor) return undefined;
  const params = diff.map((d) => d.parameter).filter((p) => ALG_PARAMS.includes(p));
  if (params.length === 0) return undefined;
  const value = (p: string): string | undefined => diff.find((d) => d.parameter === p)?.cloud ?? s.cloudConfig?.[p] ?? undefined;
  const version = value('IkeVersion') ?? (s.values['ikeVersion'] === 2 ? 'ikev2' : 'ikev1');
  const x: Values = { get: (p) => (params.includes(p) ? value(p) : undefined), has: (p) => params.includes(p), v2: version === 'ikev2', gateway: s.gatewayAddress ?? '<gateway IP>' };
  const lines = vendor === 'ios' ? iosLines(x) : vendor === 'asa' ? asaLines(x) : vrpLines(x, vendor);
  if (lines.length === 0) return undefined;
  return { side: 'peer', step: `On ${NAMES[vendor]}, set ${params.join(', ')} to the cloud's values (names in <> are your configuration's; or change the connection with ModifyVpnConnectionAttribute instead):`, lines };
}
