// The device half of the generated `check` matrix: one device configuration per dialect, written
// from a small spec in each daemon's own syntax (independently of the dialects' own spellings, so
// a wrong mapping there shows up here). Dual tunnel = one device connection per tunnel IP.
import { BASE } from './matrix-cloud.js';
import { huaweiFiles } from './matrix-huawei-template.js';
import { ciscoFiles } from './matrix-cisco-template.js';

export type MatrixDialect = 'swanctl' | 'strongswan-ipsec-conf' | 'libreswan' | 'fortios' | 'huawei' | 'cisco-ios';
export const MATRIX_DIALECTS: readonly MatrixDialect[] = ['swanctl', 'strongswan-ipsec-conf', 'libreswan', 'fortios', 'huawei', 'cisco-ios'];

export interface DeviceSpec {
  version: 'ikev1' | 'ikev2';
  mode: 'main' | 'aggressive';
  ikeEnc: string;
  ikeAuth: string;
  ikeDh: string;
  ikeLifetime: number;
  /** What the device sends (= the cloud's RemoteId) and expects (= the cloud's LocalId; per tunnel when absent). */
  localId: string;
  remoteId?: string;
  psk: string;
  espEnc: string;
  espAuth: string;
  pfs: string;
  ipsecLifetime: number;
  localSubnet: string;
  remoteSubnet: string;
  dpd: boolean;
  natt: boolean;
}

/** The device spec that matches the cloud baseline. */
export function baseSpec(): DeviceSpec {
  return {
    version: BASE.IkeVersion,
    mode: BASE.IkeMode,
    ikeEnc: BASE.IkeEncAlg,
    ikeAuth: BASE.IkeAuthAlg,
    ikeDh: BASE.IkePfs,
    ikeLifetime: BASE.IkeLifetime,
    localId: BASE.customerIp,
    psk: BASE.psk,
    espEnc: BASE.IpsecEncAlg,
    espAuth: BASE.IpsecAuthAlg,
    pfs: BASE.IpsecPfs,
    ipsecLifetime: BASE.IpsecLifetime,
    localSubnet: BASE.RemoteSubnet,
    remoteSubnet: BASE.LocalSubnet,
    dpd: BASE.EnableDpd,
    natt: BASE.EnableNatTraversal,
  };
}

const MODP: Record<string, string> = { group1: 'modp768', group2: 'modp1024', group5: 'modp1536', group14: 'modp2048' };
const DHNUM: Record<string, string> = { group1: '1', group2: '2', group5: '5', group14: '14' };
const SWAN_ENC: Record<string, string> = { aes: 'aes128', aes192: 'aes192', aes256: 'aes256', '3des': '3des', des: 'des' };
const LSW_AUTH: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha256: 'sha2_256', sha384: 'sha2_384', sha512: 'sha2_512' };
const FGT_ENC: Record<string, string> = { aes: 'aes128', aes192: 'aes192', aes256: 'aes256', '3des': '3des', des: 'des' };

const swanEsp = (s: DeviceSpec): string => `${SWAN_ENC[s.espEnc]}-${s.espAuth}${s.pfs === 'disabled' ? '' : `-${MODP[s.pfs]}`}`;

function swanctl(s: DeviceSpec, gws: readonly string[]): string {
  const conns = gws.map((gw, i) => `  alibaba${i + 1} {
    version = ${s.version === 'ikev1' ? 1 : 2}
    local_addrs = ${BASE.customerIp}
    remote_addrs = ${gw}
    proposals = ${SWAN_ENC[s.ikeEnc]}-${s.ikeAuth}-${MODP[s.ikeDh]}
    aggressive = ${s.mode === 'aggressive' ? 'yes' : 'no'}
    rekey_time = ${s.ikeLifetime}s
    dpd_delay = ${s.dpd ? '30s' : '0s'}
    local {
      auth = psk
      id = ${s.localId}
    }
    remote {
      auth = psk
      id = ${s.remoteId ?? gw}
    }
    children {
      vpc${i + 1} {
        local_ts = ${s.localSubnet}
        remote_ts = ${s.remoteSubnet}
        esp_proposals = ${swanEsp(s)}
        rekey_time = ${s.ipsecLifetime}s
        start_action = start
      }
    }
  }`);
  const secrets = gws.map((gw, i) => `  ike-alibaba${i + 1} {
    id-1 = ${s.remoteId ?? gw}
    secret = "${s.psk}"
  }`);
  return `# swanctl.conf (generated for the check matrix)\nconnections {\n${conns.join('\n')}\n}\n\nsecrets {\n${secrets.join('\n')}\n}\n`;
}

function starter(s: DeviceSpec, gws: readonly string[]): { conf: string; secrets: string } {
  const conns = gws.map((gw, i) => `conn alibaba${i + 1}
    keyexchange=${s.version}
    left=${BASE.customerIp}
    leftid=${s.localId}
    leftsubnet=${s.localSubnet}
    right=${gw}
    rightid=${s.remoteId ?? gw}
    rightsubnet=${s.remoteSubnet}
    authby=secret
    ike=${SWAN_ENC[s.ikeEnc]}-${s.ikeAuth}-${MODP[s.ikeDh]}!
    esp=${swanEsp(s)}!
    aggressive=${s.mode === 'aggressive' ? 'yes' : 'no'}
    ikelifetime=${s.ikeLifetime}s
    lifetime=${s.ipsecLifetime}s
    dpdaction=${s.dpd ? 'restart' : 'none'}
    dpddelay=30s
    auto=start
`);
  const secrets = gws.map((gw) => `${BASE.customerIp} ${gw} : PSK "${s.psk}"`).join('\n');
  return { conf: `# ipsec.conf - strongSwan IPsec configuration file\nconfig setup\n    charondebug="ike 1"\n\n${conns.join('\n')}`, secrets: `${secrets}\n` };
}

function libreswan(s: DeviceSpec, gws: readonly string[]): { conf: string; secrets: string } {
  const conns = gws.map((gw, i) => `conn alibaba${i + 1}
    ikev2=${s.version === 'ikev2' ? 'insist' : 'no'}
    left=${BASE.customerIp}
    leftid=${s.localId}
    leftsubnet=${s.localSubnet}
    right=${gw}
    rightid=${s.remoteId ?? gw}
    rightsubnet=${s.remoteSubnet}
    authby=secret
    ike=${SWAN_ENC[s.ikeEnc]}-${LSW_AUTH[s.ikeAuth]};${MODP[s.ikeDh]}
    phase2=esp
    phase2alg=${SWAN_ENC[s.espEnc]}-${LSW_AUTH[s.espAuth]}${s.pfs === 'disabled' ? '' : `;${MODP[s.pfs]}`}
    pfs=${s.pfs === 'disabled' ? 'no' : 'yes'}
    aggrmode=${s.mode === 'aggressive' ? 'yes' : 'no'}
    ikelifetime=${s.ikeLifetime}s
    salifetime=${s.ipsecLifetime}s
    dpddelay=${s.dpd ? '30' : '0'}
    dpdtimeout=120
    dpdaction=${s.dpd ? 'restart' : 'clear'}
    encapsulation=${s.natt ? 'auto' : 'no'}
    auto=start
`);
  const secrets = gws.map((gw) => `${BASE.customerIp} ${gw} : PSK "${s.psk}"`).join('\n');
  return { conf: `# /etc/ipsec.conf - Libreswan IPsec configuration file\nconfig setup\n    logfile=/var/log/pluto.log\n\n${conns.join('\n')}`, secrets: `${secrets}\n` };
}

const mask = (cidr: string): string => {
  const [addr, bits] = cidr.split('/');
  const n = Number(bits ?? 32);
  const m = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return `${addr} ${[24, 16, 8, 0].map((sh) => (m >>> sh) & 255).join('.')}`;
};

function fortios(s: DeviceSpec, gws: readonly string[]): string {
  const p1 = gws.map((gw, i) => `    edit "alibaba${i + 1}"
        set interface "wan1"
        set ike-version ${s.version === 'ikev2' ? 2 : 1}
        set keylife ${s.ikeLifetime}
        set peertype any
        set net-device disable
        set mode ${s.mode}
        set proposal ${FGT_ENC[s.ikeEnc]}-${s.ikeAuth}
        set dpd ${s.dpd ? 'on-idle' : 'disable'}
        set dhgrp ${DHNUM[s.ikeDh]}
        set nattraversal ${s.natt ? 'enable' : 'disable'}
        set localid "${s.localId}"
        set peerid "${s.remoteId ?? gw}"
        set remote-gw ${gw}
        set psksecret ${s.psk}
    next`);
  const p2 = gws.map((_gw, i) => `    edit "alibaba${i + 1}-p2"
        set phase1name "alibaba${i + 1}"
        set proposal ${FGT_ENC[s.espEnc]}-${s.espAuth}
        set pfs ${s.pfs === 'disabled' ? 'disable' : 'enable'}${s.pfs === 'disabled' ? '' : `\n        set dhgrp ${DHNUM[s.pfs]}`}
        set keylifeseconds ${s.ipsecLifetime}
        set src-subnet ${mask(s.localSubnet)}
        set dst-subnet ${mask(s.remoteSubnet)}
    next`);
  return `config vpn ipsec phase1-interface\n${p1.join('\n')}\nend\nconfig vpn ipsec phase2-interface\n${p2.join('\n')}\nend\n`;
}

/** The device configuration files of one dialect for the given tunnels' gateway IPs. */
export function deviceFiles(dialect: MatrixDialect, s: DeviceSpec, gws: readonly string[]): { name: string; text: string }[] {
  switch (dialect) {
    case 'swanctl':
      return [{ name: 'swanctl.conf', text: swanctl(s, gws) }];
    case 'strongswan-ipsec-conf': {
      const f = starter(s, gws);
      return [{ name: 'ipsec.conf', text: f.conf }, { name: 'ipsec.secrets', text: f.secrets }];
    }
    case 'libreswan': {
      const f = libreswan(s, gws);
      return [{ name: 'ipsec.conf', text: f.conf }, { name: 'ipsec.secrets', text: f.secrets }];
    }
    case 'fortios':
      return [{ name: 'fortigate.conf', text: fortios(s, gws) }];
    case 'huawei':
      return huaweiFiles(s, gws);
    case 'cisco-ios':
      return ciscoFiles(s, gws);
  }
}
