// The ipsec.conf reader, for both daemons: `conn` sections → DeviceConnection, with `conn %default`
// under every connection and `also=` sections under the one naming them (own settings win), each
// daemon's keys and defaults. `left` is read as the device's own side, as both daemons' examples
// write it (Libreswan swaps sides itself when `right` is a local address; this reader does not).
import type { ConfigDialectId, ConfigLocation, DeviceChild, DeviceConnection, DeviceProposal, DeviceSecret, DeviceSetting } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem, quoteKey } from '../common/problems.js';
import { dashProposal, dashProposals } from '../common/proposals.js';
import { defaultSetting, readSetting } from '../common/setting.js';
import { isIpv4, normalizeSubnet, parseBool, parseDuration } from '../common/values.js';
import { STARTER_CHILD_LIFETIME, STARTER_IKE_LIFETIME, STRONGSWAN_ESP_DEFAULT, STRONGSWAN_IKE_DEFAULT, strongswanEspDefault, strongswanIkeDefault } from '../swanctl/defaults.js';
import { LIBRESWAN_ESPV1_DEFAULT, LIBRESWAN_ESPV2_DEFAULT, LIBRESWAN_IKE_LIFETIME, LIBRESWAN_IKEV1_DEFAULT, LIBRESWAN_IKEV2_DEFAULT, LIBRESWAN_SA_LIFETIME, libreswanEspDefault, libreswanIkeDefault } from './defaults.js';
import type { ConfSection } from './parser.js';
import type { SettingPayload } from './tokens.js';

type Flavour = Extract<ConfigDialectId, 'strongswan-ipsec-conf' | 'libreswan'>;
type Settings = Map<string, SettingPayload>;

const COMMON = 'also auto type authby left right leftid rightid leftsubnet rightsubnet leftnexthop rightnexthop leftsourceip rightsourceip leftprotoport rightprotoport leftcert rightcert leftupdown rightupdown ike esp ikelifetime keylife lifetime rekeymargin rekey dpddelay dpdaction dpdtimeout compress mark reqid installpolicy leftca rightca leftid2 rightid2 leftikeport rightikeport fragmentation mtu priority metric';
const KNOWN: Readonly<Record<Flavour, Set<string>>> = {
  'strongswan-ipsec-conf': new Set(`${COMMON} keyexchange aggressive forceencaps ah leftauth rightauth leftauth2 rightauth2 leftsendcert rightsendcert leftfirewall rightfirewall lefthostaccess mobike reauth closeaction keyingtries margintime rekeyfuzz eap_identity aaa_identity xauth xauth_identity inactivity ikedscp modeconfig leftdns rightdns leftgroups rightgroups left_ike right_ike sha256_96 replay_window tfc leftallowany rightallowany leftsigkey rightsigkey marginbytes marginpackets lifebytes lifepackets leftcert2 rightcert2 leftca2 rightca2 leftcertpolicy rightcertpolicy`.split(' ')),
  libreswan: new Set(`${COMMON} ikev2 keyexchange phase2alg phase2 pfs salifetime aggrmode aggressive encapsulation leftsubnets rightsubnets leftrsasigkey rightrsasigkey leftsendcert rightsendcert leftvti rightvti vti-interface vti-routing mark-in mark-out ipsec-interface ikepad narrowing sha2-truncbug retransmit-timeout retransmit-interval keyingtries rekeyfuzz replay-window nat-keepalive ikev1-natt leftmodecfgserver rightmodecfgclient leftxauthserver rightxauthclient leftaddresspool modecfgdns leftauth rightauth decap-dscp nopmtudisc nflog-group hostaddrfamily clientaddrfamily connaddrfamily ppk nic-offload`.split(' ')),
};

const loc = (s: SettingPayload): ConfigLocation => ({ file: s.file, line: s.line });
const set = <T>(value: T, s: SettingPayload): DeviceSetting<T> => readSetting(value, s.raw, loc(s));
const words = (v: string): string[] => v.replace(/[{}]/g, ' ').split(/[\s,]+/).filter((x) => x !== '');
const isPsk = (v: string | undefined): boolean => v === 'secret' || v === 'psk';

/** The settings a connection ends up with: %default, then also= sections, then its own. */
function effective(sec: ConfSection, byName: Map<string, ConfSection>, problems: Problem[], depth = 0, into: Settings = new Map()): Settings {
  if (depth === 0) for (const s of byName.get('%default')?.settings ?? []) into.set(s.key, s);
  for (const s of sec.settings) {
    if (s.key !== 'also') continue;
    const target = byName.get(s.value);
    if (!target || depth > 8) problems.push(configProblem(s.file, s.line, CONFIG_CODES.include, `also= names a conn section not among the files given`, 'Give the file that defines it'));
    else effective(target, byName, problems, depth + 1, into);
  }
  for (const s of sec.settings) if (s.key !== 'also') into.set(s.key, s);
  return into;
}

function duration(s: SettingPayload, problems: Problem[]): DeviceSetting<number> | undefined {
  const v = parseDuration(s.value);
  if (v === undefined) problems.push(configProblem(s.file, s.line, CONFIG_CODES.value, `${quoteKey(s.key)} is not a duration`, 'Write seconds or a number with s, m, h or d'));
  return v === undefined ? undefined : set(v, s);
}

function address(v: string | undefined): string | undefined {
  return v && !v.startsWith('%') ? v : undefined;
}

function readConn(f: Flavour, sec: ConfSection, st: Settings, problems: Problem[], psk: Set<DeviceConnection>): DeviceConnection {
  const at: ConfigLocation = { file: sec.head.file, line: sec.head.line };
  const lw = f === 'libreswan';
  const who = lw ? 'Libreswan default' : 'strongSwan default';
  const conn: DeviceConnection = { dialect: f, name: sec.head.name, at, children: [] };
  const g = (...keys: string[]): SettingPayload | undefined => keys.map((k) => st.get(k)).find((x) => x !== undefined);
  for (const s of sec.settings) if (!KNOWN[f].has(s.key)) problems.push(configProblem(s.file, s.line, CONFIG_CODES.unknownKey, `${quoteKey(s.key)} is not an ipsec.conf key ${lw ? 'Libreswan' : 'strongSwan'} reads and was ignored`, 'Check its spelling against ipsec.conf(5)'));
  const left = g('left');
  const right = g('right');
  if (left) conn.localAddress = set(left.value, left);
  if (right) conn.remoteAddress = set(right.value, right);
  const kx = g('keyexchange');
  const v2 = g('ikev2');
  if (lw && v2) conn.ikeVersion = set(/^(no|never|permit)$/.test(v2.value) ? 'ikev1' : 'ikev2', v2);
  else if (kx) conn.ikeVersion = set(kx.value === 'ikev1' ? 'ikev1' : 'ikev2', kx);
  else conn.ikeVersion = defaultSetting('ikev2', lw ? 'Libreswan default: ikev2=yes' : 'strongSwan default: keyexchange=ike (IKEv2)', at);
  const v1 = conn.ikeVersion.value === 'ikev1';
  const aggr = lw ? g('aggrmode', 'aggressive') : g('aggressive');
  conn.ikeMode = aggr ? set(parseBool(aggr.value) ? 'aggressive' : 'main', aggr) : defaultSetting('main', `${who}: ${lw ? 'aggrmode' : 'aggressive'}=no`, at);
  const ike = g('ike');
  const ikeDefault = (): DeviceProposal[] => (lw ? libreswanIkeDefault(v1) : strongswanIkeDefault());
  const ikeDefaultRaw = lw ? (v1 ? LIBRESWAN_IKEV1_DEFAULT : LIBRESWAN_IKEV2_DEFAULT) : STRONGSWAN_IKE_DEFAULT;
  conn.ikeProposals = ike ? set(lw ? ike.value.split(',').filter((x) => x.trim()).map(dashProposal) : dashProposals(ike.value, strongswanIkeDefault), ike) : defaultSetting(ikeDefault(), `${who}: ${ikeDefaultRaw.join(',')}`, at);
  const ikeLife = g('ikelifetime');
  const il = ikeLife ? duration(ikeLife, problems) : defaultSetting(lw ? LIBRESWAN_IKE_LIFETIME : STARTER_IKE_LIFETIME, `${who}: ikelifetime=${lw ? '8h' : '3h'}`, at);
  if (il) conn.ikeLifetime = il;
  const lid = g('leftid');
  const rid = g('rightid');
  if (lid) conn.localId = set(lid.value, lid);
  else if (address(left?.value)) conn.localId = defaultSetting(left!.value, `${who}: leftid is the left address`, at);
  if (rid) conn.remoteId = set(rid.value, rid);
  else if (address(right?.value)) conn.remoteId = defaultSetting(right!.value, `${who}: rightid is the right address`, at);
  const delay = g('dpddelay');
  const action = g('dpdaction');
  if (lw) conn.dpd = delay ? set((parseDuration(delay.value) ?? 0) > 0, delay) : defaultSetting(false, 'Libreswan default: no dpddelay, DPD off', at);
  else conn.dpd = action ? set(/^(clear|hold|restart)$/.test(action.value) && (delay ? (parseDuration(delay.value) ?? 0) > 0 : true), action) : defaultSetting(false, 'strongSwan default: dpdaction=none', at);
  const encap = lw ? g('encapsulation') : g('forceencaps');
  conn.natTraversal = encap ? set(lw ? encap.value !== 'no' : true, encap) : defaultSetting(true, lw ? 'Libreswan default: encapsulation=auto' : 'strongSwan: NAT detection is always on', at);
  if (isPsk(g('authby')?.value) || isPsk(g('leftauth')?.value)) {
    psk.add(conn);
    conn.psk = defaultSetting<DeviceSecret>({ kind: 'none' }, 'no matching PSK in the ipsec.secrets given', at);
  }
  conn.children.push(readChild(f, conn, g, problems, v1));
  return conn;
}

function readChild(f: Flavour, conn: DeviceConnection, g: (...k: string[]) => SettingPayload | undefined, problems: Problem[], v1: boolean): DeviceChild {
  const lw = f === 'libreswan';
  const at = conn.at;
  const child: DeviceChild = { name: conn.name, at };
  const nets = (keys: string[], addr: DeviceSetting<string> | undefined): DeviceSetting<string[]> | undefined => {
    const s = g(...keys);
    if (s) return set(words(s.value).map((w) => normalizeSubnet(w) ?? w), s);
    return addr && isIpv4(addr.value) ? defaultSetting([`${addr.value}/32`], 'no subnet: the host address', at) : undefined;
  };
  const l = nets(lw ? ['leftsubnets', 'leftsubnet'] : ['leftsubnet'], conn.localAddress);
  if (l) child.localSubnets = l;
  const r = nets(lw ? ['rightsubnets', 'rightsubnet'] : ['rightsubnet'], conn.remoteAddress);
  if (r) child.remoteSubnets = r;
  const esp = lw ? g('phase2alg', 'esp') : g('esp');
  if (lw) {
    const pfs = g('pfs');
    const noPfs = pfs !== undefined && parseBool(pfs.value) === false;
    const ikeDh = conn.ikeProposals?.value[0]?.dh ?? [];
    // Libreswan's PFS group is the one in phase2alg, else the IKE SA's group.
    const withPfs = (p: DeviceProposal): DeviceProposal => ({ ...p, dh: noPfs ? [] : p.dh.length > 0 ? p.dh : ikeDh });
    const list = esp ? esp.value.split(',').filter((x) => x.trim()).map(dashProposal) : libreswanEspDefault(v1);
    child.proposals = esp ? set(list.map(withPfs), esp) : defaultSetting(list.map(withPfs), `Libreswan default: ${(v1 ? LIBRESWAN_ESPV1_DEFAULT : LIBRESWAN_ESPV2_DEFAULT).join(',')}${noPfs ? '' : ' with PFS'}`, at);
    if (noPfs && esp && pfs) child.proposals.raw = `${esp.raw} (${pfs.raw})`;
  } else child.proposals = esp ? set(dashProposals(esp.value, strongswanEspDefault), esp) : defaultSetting(strongswanEspDefault(), `strongSwan default: ${STRONGSWAN_ESP_DEFAULT.join(',')}`, at);
  const life = lw ? g('salifetime', 'keylife', 'lifetime') : g('lifetime', 'keylife');
  const lt = life ? duration(life, problems) : defaultSetting(lw ? LIBRESWAN_SA_LIFETIME : STARTER_CHILD_LIFETIME, lw ? 'Libreswan default: salifetime=8h' : 'strongSwan default: lifetime=1h', at);
  if (lt) child.lifetime = lt;
  return child;
}

/** The connections of the ipsec.conf sections given (one daemon's); `psk` collects those that authenticate with a PSK. */
export function readIpsecConf(f: Flavour, sections: ConfSection[], problems: Problem[], psk: Set<DeviceConnection>): DeviceConnection[] {
  const byName = new Map<string, ConfSection>();
  for (const s of sections) if (s.head.kind === 'conn') byName.set(s.head.name, s);
  const out: DeviceConnection[] = [];
  for (const s of sections) {
    if (s.head.kind !== 'conn' || s.head.name === '%default') continue;
    const st = effective(s, byName, problems);
    if (st.get('auto')?.value === 'ignore') continue;
    out.push(readConn(f, s, st, problems, psk));
  }
  return out;
}
