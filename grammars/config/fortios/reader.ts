// The FortiOS reader: `vpn ipsec phase1-interface` entries → DeviceConnection, the
// `phase2-interface` entries naming them → children, with named addresses resolved through
// `firewall address` / `firewall addrgrp` when the dump has them (an unresolved name is a located
// problem and leaves the subnets unset). Policy-based `vpn ipsec phase1`/`phase2` read the same way.
import type { ConfigLocation, DeviceChild, DeviceConnection, DeviceProposal, DeviceSecret, DeviceSetting } from '../../../src/check/device-model.js';
import { digestSecret } from '../../../src/check/secret-digest.js';
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { deviceAlgorithm, dhGroupNumber } from '../common/proposals.js';
import { defaultSetting, readSetting } from '../common/setting.js';
import { isIpv4, normalizeSubnet, parseDuration, rangeToSubnet } from '../common/values.js';
import { FORTI_DHGRP, FORTI_KEYLIFE, FORTI_KEYLIFESECONDS, FORTI_P1_PROPOSAL, FORTI_P2_PROPOSAL } from './defaults.js';
import type { FortiBlock, FortiEntry } from './parser.js';
import type { FortiPayload } from './tokens.js';

const loc = (p: FortiPayload): ConfigLocation => ({ file: p.file, line: p.line });
const set = <T>(value: T, p: FortiPayload): DeviceSetting<T> => readSetting(value, p.raw, loc(p));

/** One `set proposal` word (`aes256-sha256`, `aes128gcm-prfsha256`, `aes256gcm`) with the shared DH groups. */
export function fortiProposal(word: string, dh: string[]): DeviceProposal {
  const dash = word.indexOf('-');
  const enc = dash < 0 ? word : word.slice(0, dash);
  const auth = dash < 0 ? '' : word.slice(dash + 1);
  return { enc: [deviceAlgorithm(enc)], auth: auth === '' || /^prf/.test(auth) ? [] : [deviceAlgorithm(auth)], dh: dh.map(dhGroupNumber), raw: word };
}

function proposals(e: FortiEntry, defaults: string[], at: ConfigLocation, pfs: boolean): DeviceSetting<DeviceProposal[]> {
  const p = e.sets.get('proposal');
  const g = e.sets.get('dhgrp');
  const groups = pfs ? (g?.words ?? FORTI_DHGRP) : [];
  const words = p?.words ?? defaults;
  const value = words.map((w) => fortiProposal(w, groups));
  const raw = [p?.raw ?? `FortiOS default: set proposal ${defaults.join(' ')}`, ...(pfs ? [g?.raw ?? `FortiOS default: set dhgrp ${FORTI_DHGRP.join(' ')}`] : [])].join('; ');
  return p || (g && pfs) ? { value, raw, at: loc((p ?? g)!) } : defaultSetting(value, raw, at);
}

function seconds(e: FortiEntry, key: string, dflt: number, at: ConfigLocation, problems: Problem[]): DeviceSetting<number> | undefined {
  const s = e.sets.get(key);
  if (!s) return defaultSetting(dflt, `FortiOS default: set ${key} ${dflt}`, at);
  const v = parseDuration(s.words[0] ?? '');
  if (v === undefined) problems.push(configProblem(s.file, s.line, CONFIG_CODES.value, `'${key}' is not a number of seconds`, 'Write seconds (120–172800)'));
  return v === undefined ? undefined : set(v, s);
}

/** Named addresses: `firewall address` subnets and ranges, `firewall addrgrp` members. */
export function addressBook(blocks: FortiBlock[]): Map<string, string[] | undefined> {
  const book = new Map<string, string[] | undefined>();
  const groups = new Map<string, string[]>();
  for (const b of blocks) {
    if (b.path === 'firewall address') {
      for (const e of b.entries) {
        const sub = e.sets.get('subnet');
        const start = e.sets.get('start-ip');
        const end = e.sets.get('end-ip');
        const cidr = sub ? normalizeSubnet(sub.words.join(' ')) : start && end ? rangeToSubnet(start.words[0] ?? '', end.words[0] ?? '') : e.sets.size === 0 || e.sets.get('type')?.words[0] === 'ipmask' ? '0.0.0.0/0' : undefined;
        book.set(e.name, cidr ? [cidr] : undefined);
      }
    } else if (b.path === 'firewall addrgrp') for (const e of b.entries) groups.set(e.name, e.sets.get('member')?.words ?? []);
  }
  for (const [name, members] of groups) {
    const nets = members.map((m) => book.get(m));
    book.set(name, nets.every((n) => n !== undefined) ? nets.flat() as string[] : undefined);
  }
  return book;
}

function subnets(e: FortiEntry, side: 'src' | 'dst', book: Map<string, string[] | undefined>, at: ConfigLocation, problems: Problem[]): DeviceSetting<string[]> | undefined {
  const type = e.sets.get(`${side}-addr-type`)?.words[0] ?? 'subnet';
  const s = (k: string): FortiPayload | undefined => e.sets.get(`${side}-${k}`);
  if (type === 'name') {
    const n = s('name');
    const nets = n ? book.get(n.words[0] ?? '') : undefined;
    if (n && nets) return set(nets, n);
    if (n) problems.push(configProblem(n.file, n.line, CONFIG_CODES.unresolved, 'the named address is not defined in the files given, so its subnets cannot be checked', 'Give the `config firewall address` (and `addrgrp`) section too'));
    return undefined;
  }
  if (type === 'ip' || type === 'range') {
    const a = s('start-ip');
    const b = type === 'ip' ? a : s('end-ip');
    const cidr = a && b ? rangeToSubnet(a.words[0] ?? '', b.words[0] ?? '') : undefined;
    if (a && cidr) return set([cidr], a);
    if (a) problems.push(configProblem(a.file, a.line, CONFIG_CODES.value, 'the address range is not one subnet, so it cannot be compared', 'Use a subnet that matches the cloud side'));
    return undefined;
  }
  const sub = s('subnet');
  if (!sub) return defaultSetting(['0.0.0.0/0'], `FortiOS default: set ${side}-subnet 0.0.0.0 0.0.0.0`, at);
  const cidr = normalizeSubnet(sub.words.join(' '));
  return cidr ? set([cidr], sub) : undefined;
}

function readPhase1(e: FortiEntry, problems: Problem[]): DeviceConnection {
  const at = loc(e.head);
  const c: DeviceConnection = { dialect: 'fortios', name: e.name, at, children: [] };
  const g = (k: string): FortiPayload | undefined => e.sets.get(k);
  const gw = g('remote-gw');
  if (gw?.words[0]) c.remoteAddress = set(gw.words[0], gw);
  const local = g('local-gw') ?? g('interface');
  if (local?.words[0] && isIpv4(local.words[0]) && local.words[0] !== '0.0.0.0') c.localAddress = set(local.words[0], local);
  const v = g('ike-version');
  c.ikeVersion = v ? set(v.words[0] === '2' ? 'ikev2' : 'ikev1', v) : defaultSetting('ikev1', 'FortiOS default: set ike-version 1', at);
  const mode = g('mode');
  c.ikeMode = mode ? set(mode.words[0] === 'aggressive' ? 'aggressive' : 'main', mode) : defaultSetting('main', 'FortiOS default: set mode main', at);
  c.ikeProposals = proposals(e, FORTI_P1_PROPOSAL, at, true);
  const life = seconds(e, 'keylife', FORTI_KEYLIFE, at, problems);
  if (life) c.ikeLifetime = life;
  const lid = g('localid');
  if (lid?.words[0]) c.localId = set(lid.words[0], lid);
  const pid = g('peerid');
  if (pid?.words[0]) c.remoteId = set(pid.words[0], pid);
  const psk = g('psksecret');
  if (psk) {
    const enc = psk.words[0]?.toUpperCase() === 'ENC';
    c.psk = set<DeviceSecret>(enc ? { kind: 'encrypted' } : { kind: 'clear', digest: digestSecret(psk.words.join(' ')) }, psk);
  } else if ((g('authmethod')?.words[0] ?? 'psk') === 'psk') c.psk = defaultSetting<DeviceSecret>({ kind: 'none' }, 'no set psksecret', at);
  const dpd = g('dpd');
  c.dpd = dpd ? set(dpd.words[0] !== 'disable', dpd) : defaultSetting(true, 'FortiOS default: set dpd on-demand', at);
  const nat = g('nattraversal');
  c.natTraversal = nat ? set(nat.words[0] !== 'disable', nat) : defaultSetting(true, 'FortiOS default: set nattraversal enable', at);
  return c;
}

function readPhase2(e: FortiEntry, book: Map<string, string[] | undefined>, problems: Problem[]): DeviceChild {
  const at = loc(e.head);
  const child: DeviceChild = { name: e.name, at };
  const pfs = e.sets.get('pfs')?.words[0] !== 'disable';
  child.proposals = proposals(e, FORTI_P2_PROPOSAL, at, pfs);
  const pfsLine = e.sets.get('pfs');
  if (!pfs && pfsLine) child.proposals.raw += `; ${pfsLine.raw}`;
  const l = subnets(e, 'src', book, at, problems);
  if (l) child.localSubnets = l;
  const r = subnets(e, 'dst', book, at, problems);
  if (r) child.remoteSubnets = r;
  const life = seconds(e, 'keylifeseconds', FORTI_KEYLIFESECONDS, at, problems);
  if (life) child.lifetime = life;
  return child;
}

/** Connections (with children) and clear secrets of the FortiOS blocks of all the files given. */
export function readFortios(blocks: FortiBlock[], problems: Problem[]): { connections: DeviceConnection[]; secrets: string[] } {
  const book = addressBook(blocks);
  const conns = new Map<string, DeviceConnection>();
  const secrets: string[] = [];
  for (const b of blocks) {
    if (b.path !== 'vpn ipsec phase1-interface' && b.path !== 'vpn ipsec phase1') continue;
    for (const e of b.entries) {
      const psk = e.sets.get('psksecret');
      if (psk && psk.words[0]?.toUpperCase() !== 'ENC') secrets.push(psk.words.join(' '));
      conns.set(e.name, readPhase1(e, problems));
    }
  }
  for (const b of blocks) {
    if (b.path !== 'vpn ipsec phase2-interface' && b.path !== 'vpn ipsec phase2') continue;
    for (const e of b.entries) {
      const p1 = e.sets.get('phase1name');
      const conn = p1 ? conns.get(p1.words[0] ?? '') : undefined;
      if (conn) conn.children.push(readPhase2(e, book, problems));
      else problems.push(configProblem(e.head.file, e.head.line, CONFIG_CODES.unresolved, 'the phase2 names no phase1 among the files given', 'Give its phase1-interface too'));
    }
  }
  return { connections: [...conns.values()], secrets };
}
