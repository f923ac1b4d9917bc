// Derives the parameter differences between the cloud and the peer from everything a subject holds:
// racoon2's own comparisons, proposal dumps (minding its swapped `ours:`/`theirs:` labels when it
// responds), mismatch messages, the API's Mismatch*Param pair, peer-daemon proposal lists and the
// cloud configuration. Values are normalised to Alibaba config values.
import type { Evidence } from '../types.js';
import type { SubjectAccumulator } from './subject.js';
import { refEvidence } from './evidence-store.js';
import { inferMismatchParameter, normalizeParameter, normalizeValue } from './normalize.js';
import { deviceValue } from '../check/device-values.js';
import { espTransformName } from '../vocabulary/algorithms.js';
import { hiddenPfs } from './hidden-pfs.js';
import { parseList } from './json-list.js';

export interface DerivedDiff {
  parameter: string;
  cloud: string | null;
  peer: string | null;
  evidence: Evidence[];
  /** Why a value is missing or partial (e.g. only the address of a selector was logged). */
  note?: string;
}

type DiffMap = Map<string, DerivedDiff>;

/** The subnet parameters: a value without a prefix length is an address, not a setting. */
const SUBNET_PARAMETERS = new Set(['LocalSubnet', 'RemoteSubnet']);
const isBareAddress = (v: string): boolean => /^(?:\d{1,3}(?:\.\d{1,3}){3}|[\da-f]*:[\da-f:]*)$/i.test(v.trim());

/**
 * A subnet is never an address: where a source gave only the first address of a selector, the
 * value is left unknown and the note says what was seen and where the prefix can be read, so no
 * fix text ever tells the user to set a subnet to a bare address.
 */
function subnetValue(parameter: string, v: string | undefined | null, side: 'gateway' | 'device', notes: string[]): string | undefined | null {
  if (!SUBNET_PARAMETERS.has(parameter) || typeof v !== 'string' || !isBareAddress(v)) return v;
  notes.push(`the ${side}'s selector shows only the address ${v.trim()}; its prefix length is not in the inputs (${side === 'gateway' ? `read ${parameter} from DescribeVpnConnections` : "read it from the device's configuration"})`);
  return null;
}

function put(map: DiffMap, parameter: string, cloudIn: string | undefined | null, peerIn: string | undefined | null, evidence: Evidence[], noteIn?: string): void {
  const notes: string[] = [];
  const cloud = subnetValue(parameter, cloudIn, 'gateway', notes);
  const peer = subnetValue(parameter, peerIn, 'device', notes);
  const note = noteIn ?? (notes.length > 0 ? notes.join('; ') : undefined);
  if ((cloud ?? null) !== null && cloud === peer) return;
  const cur = map.get(parameter);
  if (!cur) {
    map.set(parameter, { parameter, cloud: cloud ?? null, peer: peer ?? null, evidence: [...evidence], ...(note ? { note } : {}) });
    return;
  }
  if (note && !cur.note) cur.note = note;
  if (cur.cloud === null && cloud) cur.cloud = cloud;
  if (cur.peer === null && peer) cur.peer = peer;
  if (cur.evidence.length < 4) cur.evidence.push(...evidence.slice(0, 4 - cur.evidence.length));
}

/** The role racoon2 played in the latest phase-1 attempt. */
export function cloudRole(acc: SubjectAccumulator): 'initiator' | 'responder' | 'unknown' {
  const t = acc.store.get('cloud', 'p1-start');
  const role = t?.lastVars['role'] ?? acc.progress.role;
  return role === 'initiator' || role === 'responder' ? role : 'unknown';
}

function fromCompared(acc: SubjectAccumulator, map: DiffMap): void {
  const t = acc.store.get('cloud', 'p1-compared');
  if (!t) return;
  const attrs = new Map<string, { db: string; peer: string; count: number }>();
  let keyLen: { db: string; peer: string } | undefined;
  for (const c of t.combos.values()) {
    const { attr, db, peer } = c.vars;
    if (!attr || db === undefined || peer === undefined) continue;
    if (attr === 'encklen') keyLen = { db, peer };
    if (db === peer) continue;
    const cur = attrs.get(attr);
    if (!cur || c.count > cur.count) attrs.set(attr, { db, peer, count: c.count });
  }
  const ev = acc.store.evidence('p1-rejected', 'cloud').concat(acc.store.evidence('no-proposal', 'cloud')).slice(0, 3);
  const h = attrs.get('hashtype');
  if (h) put(map, 'IkeAuthAlg', normalizeValue('auth', h.db), normalizeValue('auth', h.peer), ev);
  const e = attrs.get('enctype') ?? (keyLen && keyLen.db !== keyLen.peer ? { db: 'AES-CBC', peer: 'AES-CBC', count: 1 } : undefined);
  if (e) put(map, 'IkeEncAlg', normalizeValue('enc', e.db, { keyLength: keyLen?.db }), normalizeValue('enc', e.peer, { keyLength: keyLen?.peer }), ev);
  const d = attrs.get('dh_group');
  if (d) put(map, 'IkePfs', normalizeValue('dh', d.db), normalizeValue('dh', d.peer), ev);
  // A lifetime difference is normal in phase 1 (the shorter one is used) unless it was rejected:
  // named, or the only difference of a refused proposal (racoon2's strict check prints ACCEPTED
  // for every attribute, then finds no suitable proposal).
  const l = attrs.get('lifetime');
  const onlyLifetime = l && !h && !d && !attrs.has('enctype') && !(keyLen && keyLen.db !== keyLen.peer) && acc.store.count('no-proposal', 'cloud', { phase: '1' }) > 0;
  if (l && (acc.store.count('p1-rejected', 'cloud', { attr: 'lifetime' }) > 0 || onlyLifetime)) put(map, 'IkeLifetime', normalizeValue('lifetime', l.db), normalizeValue('lifetime', l.peer), ev);
}

function fromProposalDump(acc: SubjectAccumulator, map: DiffMap): void {
  const ours = acc.store.get('cloud', 'p1-proposal-ours');
  const theirs = acc.store.get('cloud', 'p1-proposal-theirs');
  const rejected = acc.store.get('cloud', 'p1-rejected');
  if (!ours || !theirs || !rejected) return;
  // racoon2 prints the received proposal as "ours:" and its own as "theirs:" when it responds.
  const responder = cloudRole(acc) !== 'initiator';
  const cloud = responder ? theirs.lastVars : ours.lastVars;
  const peer = responder ? ours.lastVars : theirs.lastVars;
  const ev = [...ours.first.slice(0, 1).map(refEvidence), ...theirs.first.slice(0, 1).map(refEvidence), ...rejected.first.slice(0, 1).map(refEvidence)];
  for (const c of rejected.combos.values()) {
    const attr = c.vars['attr'];
    if (attr === 'hashtype') put(map, 'IkeAuthAlg', normalizeValue('auth', cloud['hash']), normalizeValue('auth', peer['hash']), ev);
    if (attr === 'enctype') put(map, 'IkeEncAlg', normalizeValue('enc', cloud['enc']), normalizeValue('enc', peer['enc']), ev);
    if (attr === 'dh_group') put(map, 'IkePfs', normalizeValue('dh', cloud['dh']), normalizeValue('dh', peer['dh']), ev);
  }
}

function fromMismatchEvents(acc: SubjectAccumulator, map: DiffMap): void {
  const pairs: [string, string, 'pfs' | 'lifetime' | 'enc' | 'auth' | 'protocol' | 'encap'][] = [
    ['pfs-mismatch', 'IpsecPfs', 'pfs'],
    ['lifetime-mismatch', 'IpsecLifetime', 'lifetime'],
    ['trns-mismatch', 'IpsecEncAlg', 'enc'],
    ['authtype-mismatch', 'IpsecAuthAlg', 'auth'],
  ];
  for (const [type, parameter, family] of pairs) {
    const t = acc.store.get('cloud', type);
    if (!t) continue;
    const v = type === 'trns-mismatch' && /^ESP$/i.test(t.lastVars['proto'] ?? '') ? { ...t.lastVars, ...(t.lastVars['peer'] ? { peer: espTransformName(t.lastVars['peer']) } : {}) } : t.lastVars;
    let peer = family === 'enc' && bareAes(v['peer']) ? aesFromBundles(acc, v['my']) : normalizeValue(family, v['peer']);
    if (type === 'lifetime-mismatch' && v['unit'] === 'lifebyte') peer = `${v['peer']} bytes (byte-based lifetime)`;
    const pfsOn = (x: string | undefined): boolean => family === 'pfs' && x === 'enabled';
    if (pfsOn(v['peer'])) peer = undefined;
    const cloud = family === 'enc' && bareAes(v['my']) ? aesFromBundles(acc, v['peer']) : pfsOn(v['my']) ? undefined : normalizeValue(family, v['my']);
    const note = family === 'enc' && ((bareAes(v['my']) && !cloud) || (bareAes(v['peer']) && !peer)) ? AES_NO_LENGTH : pfsOn(v['my']) || pfsOn(v['peer']) ? PFS_NO_GROUP : undefined;
    put(map, parameter, cloud, peer ?? null, t.first.slice(0, 2).map(refEvidence), note);
  }
  const v2 = acc.store.get('cloud', 'unknown-ikev2-peer');
  if (v2) put(map, 'IkeVersion', 'ikev1', 'ikev2', v2.first.slice(0, 2).map(refEvidence));
  // "received IKEvN request but no IKEvN configuration": the peer speaks N, the gateway the other.
  const vu = acc.store.get('cloud', 'version-unsupported');
  const spoken = vu?.lastVars['version'];
  if (vu && (spoken === '1' || spoken === '2')) put(map, 'IkeVersion', spoken === '1' ? 'ikev2' : 'ikev1', `ikev${spoken}`, vu.first.slice(0, 2).map(refEvidence));
  const ke = acc.store.get('cloud', 'ke-mismatch');
  if (ke?.lastVars['expected']) put(map, 'IkePfs', normalizeValue('dh', ke.lastVars['expected']), normalizeValue('dh', ke.lastVars['received']), ke.first.slice(0, 2).map(refEvidence));
  const ex = acc.store.get('cloud', 'exchange-mismatch');
  if (ex) put(map, 'IkeMode', normalizeValue('mode', ex.lastVars['db']), normalizeValue('mode', ex.lastVars['packet']), ex.first.slice(0, 2).map(refEvidence));
}

/** racoon2 names an ESP transform `AES` without its key length: aes, aes192 and aes256 are three Alibaba values. */
const bareAes = (v: string | undefined): boolean => !!v && /^aes(?:[-_]cbc)?$/i.test(v.trim());

/**
 * The key length of a bare `AES` on one side of `trns_id mismatched`, from racoon2's DEBUG bundle
 * dumps: when the other side is not AES, every AES transform dumped is this side's; one length only.
 */
function aesFromBundles(acc: SubjectAccumulator, other: string | undefined): string | undefined {
  if (!other || /aes/i.test(other)) return undefined;
  const lengths = new Set<string>();
  for (const c of acc.store.get('cloud', 'p2-transform')?.combos ?? []) if (bareAes(c.vars['trnsId']) && Number(c.vars['encklen']) > 0) lengths.add(c.vars['encklen']!);
  return lengths.size === 1 ? normalizeValue('enc', `aes${[...lengths][0]}`) : undefined;
}
const AES_NO_LENGTH = 'AES on this side, key length not in the log (aes = 128, aes192, aes256)';
const PFS_NO_GROUP = 'PFS is on at the other end; its group is not in the log';

function fromSelectors(acc: SubjectAccumulator, map: DiffMap): void {
  const am = acc.store.get('cloud', 'address-mismatch');
  const ids = acc.store.get('cloud', 'id-payload');
  // The most frequent decoded subnet of each ID payload (ties: the first seen).
  const idOf = (which: string): string | undefined => {
    let best: { subnet: string; count: number } | undefined;
    for (const c of ids?.combos.values() ?? []) {
      const subnet = c.vars['subnet'];
      if (c.vars['which'] === which && subnet && (!best || c.count > best.count)) best = { subnet, count: c.count };
    }
    return best?.subnet;
  };
  if (!am) return;
  const responder = cloudRole(acc) !== 'initiator';
  // As responder the peer's own (local) subnet arrives as IDci, ours as IDcr.
  const peerLocal = idOf(responder ? 'IDci' : 'IDcr');
  const peerRemote = idOf(responder ? 'IDcr' : 'IDci');
  const expected = am.lastVars['expected'];
  const received = am.lastVars['received'];
  const ev = [...am.first.slice(0, 1).map(refEvidence), ...acc.store.evidence('selector-not-found', 'cloud').slice(0, 1)];
  const cfg = acc.config;
  // Which ID payload the refused address came in says which subnet differs: the device's own
  // (the connection's RemoteSubnet) or what it expects behind the gateway (LocalSubnet).
  const inRemote = !!received && !!peerRemote && peerRemote.split('/')[0] === received && peerLocal?.split('/')[0] !== received;
  const parameter = inRemote ? 'LocalSubnet' : 'RemoteSubnet';
  const peerValue = inRemote ? peerRemote : (peerLocal ?? received);
  const configured = inRemote ? cfg?.localSubnet : cfg?.remoteSubnet;
  // racoon2 prints only the address of its own selector: a subnet is never an address.
  const note = !configured && expected ? `the gateway's selector starts at ${expected}; its prefix length is not in the log (read ${parameter} from DescribeVpnConnections)` : undefined;
  put(map, parameter, configured ?? null, peerValue && peerValue.includes('/') ? peerValue : null, ev, note ?? (peerValue && !peerValue.includes('/') ? `the device proposed ${peerValue}; its prefix length is not in the log` : undefined));
  if (!inRemote && peerRemote && cfg?.localSubnet && cfg.localSubnet !== peerRemote) put(map, 'LocalSubnet', cfg.localSubnet, peerRemote, ev);
}

function fromApi(acc: SubjectAccumulator, map: DiffMap): void {
  for (const d of acc.diagnoses) {
    if (!d.mismatchLocal || !d.mismatchRemote) continue;
    const parameter = inferMismatchParameter(d.failedReasonCode, d.mismatchLocal, d.mismatchRemote);
    if (!parameter) continue;
    const ev: Evidence[] = [
      { source: d.source, pointer: `${d.pointer}/MismatchLocalParam`, side: 'cloud', text: d.mismatchLocal },
      { source: d.source, pointer: `${d.pointer}/MismatchRemoteParam`, side: 'peer', text: d.mismatchRemote },
    ];
    put(map, parameter, normalizeParameter(parameter, d.mismatchLocal), normalizeParameter(parameter, d.mismatchRemote), ev);
  }
}

/** Peer daemons log what they were offered (the cloud's values) and what they are configured with. */
function fromPeerProposals(acc: SubjectAccumulator, map: DiffMap): void {
  const rec = acc.store.get('peer', 'proposal-received');
  const conf = acc.store.get('peer', 'proposal-configured');
  if (!rec || !conf) return;
  const received = parseList(rec.lastVars['proposals']);
  const configured = parseList(conf.lastVars['proposals']);
  const keys = new Set([...received, ...configured].flatMap((p) => Object.keys(p)));
  const ev = [...rec.first.slice(0, 1).map(refEvidence), ...conf.first.slice(0, 1).map(refEvidence)];
  for (const k of keys) {
    const a = [...new Set(received.map((p) => p[k]).filter(Boolean))];
    const b = [...new Set(configured.map((p) => p[k]).filter(Boolean))];
    if (a.length === 0 || b.length === 0 || a.some((x) => b.includes(x))) continue;
    put(map, k, a.join(','), b.join(','), ev);
  }
}

/**
 * Peer catalogues attach what they could compare: a `diff` list (offered vs configured), the
 * offer alone (`received`, the cloud's values) when the device did not log its own, and the
 * traffic selectors the device refused (as the cloud proposed them).
 */
function fromPeerEvents(acc: SubjectAccumulator, map: DiffMap): void {
  for (const t of acc.store.tallies.values()) {
    if (t.side !== 'peer') continue;
    const ev = [...t.first.slice(0, 2).map(refEvidence)];
    for (const c of t.combos.values()) {
      for (const d of parseList(c.vars['diff'])) if (d['parameter']) put(map, d['parameter'], d['cloud'] ?? null, d['peer'] ?? null, ev);
      if (t.type === 'no-proposal' && c.vars['received'] && !c.vars['diff']) {
        const offered = parseList(c.vars['received'])[0];
        for (const [k, v] of Object.entries(offered ?? {})) if (typeof v === 'string' && k !== 'unknown') put(map, k, v, null, ev);
      }
      // The device's own PFS complaint: `my` is the device's setting, `peer` the gateway's.
      if (t.type === 'pfs-mismatch' && (c.vars['my'] || c.vars['peer'])) {
        const v = (x: string | undefined): string | null => (x === 'enabled' ? null : (normalizeValue('pfs', x) ?? null));
        put(map, 'IpsecPfs', v(c.vars['peer']), v(c.vars['my']), ev, c.vars['my'] === 'enabled' || c.vars['peer'] === 'enabled' ? PFS_NO_GROUP : undefined);
      }
      // A DH group refused in IKE_SA_INIT / main mode: the IKE group (IkePfs).
      if (t.type === 'ke-mismatch' && c.vars['phase'] !== '2' && (c.vars['my'] || c.vars['peer'])) put(map, 'IkePfs', normalizeValue('dh', c.vars['peer']) ?? null, normalizeValue('dh', c.vars['my']) ?? null, ev);
      // A value the device refused to load (Libreswan 4: modp1024 is not supported).
      if (t.type === 'config-error' && c.vars['parameter'] && c.vars['value']) {
        const p = c.vars['parameter'];
        put(map, p, null, normalizeParameter(p, c.vars['value']) ?? c.vars['value'], ev, 'the device refused to load this value: its connection was not added');
      }
      // An IKEv1 mode refused: the device's own (the other end refused it) or the gateway's (the device did).
      const mode = c.vars['mode'];
      if (t.type === 'mode-not-acceptable' && (mode === 'main' || mode === 'aggressive')) {
        const other = mode === 'main' ? 'aggressive' : 'main';
        const devicesRefused = c.vars['direction'] === 'received' || c.vars['inferred'] === 'auth-failed-before-keys';
        put(map, 'IkeMode', devicesRefused ? other : mode, devicesRefused ? mode : other, ev);
      }
      if (t.type === 'ts-unacceptable') {
        if (c.vars['localTs']) put(map, 'RemoteSubnet', c.vars['localTs'], null, ev);
        if (c.vars['remoteTs']) put(map, 'LocalSubnet', c.vars['remoteTs'], null, ev);
      }
    }
  }
}

/** A PFS difference the first IKEv2 Child SA hid (facts/hidden-pfs.ts): the tunnel is up until the rekey. */
function fromHiddenPfs(acc: SubjectAccumulator, map: DiffMap): void {
  const hidden = hiddenPfs(acc);
  if (hidden) put(map, 'IpsecPfs', hidden.cloud, hidden.peer, hidden.evidence);
}

/** Fills in the cloud's value from its configuration where the logs did not say it. */
function fillFromConfig(acc: SubjectAccumulator, map: DiffMap): void {
  const params = acc.config?.params as Record<string, string | undefined> | undefined;
  if (!params) return;
  for (const d of map.values()) {
    const v = params[d.parameter];
    if (d.cloud === null && v) d.cloud = normalizeParameter(d.parameter, v) ?? v;
  }
}

/**
 * Fills in the device's value from its configuration (given beside the logs) where the logs did
 * not say it, quoting the configuration line. The key is never a value here.
 */
function fillFromDevice(acc: SubjectAccumulator, map: DiffMap): void {
  const conn = acc.deviceConnection;
  if (!conn) return;
  for (const d of map.values()) {
    if (d.peer !== null || d.parameter === 'Psk') continue;
    const v = deviceValue(conn, d.parameter, acc.config?.localSubnet);
    if (!v) continue;
    d.peer = v.value;
    if (d.evidence.length < 4) d.evidence.push({ source: v.setting.at.file, line: v.setting.at.line, side: 'peer', text: v.setting.defaulted ? `(not set: ${v.setting.raw})` : v.setting.raw });
  }
}

export function deriveDiffs(acc: SubjectAccumulator): DerivedDiff[] {
  const map: DiffMap = new Map();
  fromCompared(acc, map);
  fromProposalDump(acc, map);
  fromMismatchEvents(acc, map);
  fromSelectors(acc, map);
  fromPeerProposals(acc, map);
  fromPeerEvents(acc, map);
  fromHiddenPfs(acc, map);
  fromApi(acc, map);
  fillFromConfig(acc, map);
  fillFromDevice(acc, map);
  return [...map.values()];
}
