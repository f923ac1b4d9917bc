// Owns the Cisco device fix: for each DeviceChange, the `configure terminal` lines in IOS spelling
// as DeviceEdits. `block` is the path of sub-mode headers (`crypto isakmp policy 10`,
// `crypto map CMAP 10 ipsec-isakmp`), [] for a global command; `key` is the command the line
// starts with, `value` the rest. A `no …` key removes the line (apply.ts). Names of the sections
// a connection uses come from the raws the reader kept (`set ikev2-profile PR`, `match address 101: …`).
import type { DeviceChange, DeviceConnection, DeviceEdit, DeviceSetting } from '../../../src/check/device-model.js';
import { isIpv4 } from '../common/values.js';
import { aclOperand } from './acl.js';
import { ciscoSpelling, ESP_ENC, ESP_HASH, groupNumber, IKEV2_ENC } from './spelling.js';
import { versionEdits } from './edits-version.js';
import { edit, identity } from './edit-line.js';

export { edit, identity } from './edit-line.js';

export const isV2 = (c: DeviceConnection): boolean => c.ikeVersion?.value === 'ikev2';
const grab = (re: RegExp, s: string | undefined): string | undefined => (s ? re.exec(s)?.[1] : undefined);

/** The crypto map entry or IPsec profile that holds the connection's phase-2 settings. */
export function entryBlock(c: DeviceConnection): string[] | undefined {
  if (/^\S+ \d+$/.test(c.name)) return [`crypto map ${c.name} ipsec-isakmp`];
  const prof = grab(/tunnel protection ipsec profile ([^\s;]+)/, c.children[0]?.localSubnets?.raw);
  return prof ? [`crypto ipsec profile ${prof}`] : undefined;
}

export const ikev2Profile = (c: DeviceConnection): string | undefined => grab(/set ikev2-profile ([^\s;]+)/, c.ikeVersion?.raw);
export const isakmpPolicy = (c: DeviceConnection): string => grab(/^crypto isakmp policy (\d+)/, c.ikeProposals?.defaulted ? undefined : c.ikeProposals?.raw) ?? '10';

/** `address X` / `fqdn X` / `email X` for an identity value. */

/** The ISAKMP profile the connection uses, from a raw the reader prefixed with it. */
function isakmpProfileName(c: DeviceConnection): string | undefined {
  for (const x of [c.remoteId, c.localId, c.ikeMode, c.dpd]) {
    const name = grab(/^crypto isakmp profile ([^\s:]+): /, x?.raw);
    if (name) return name;
  }
  return undefined;
}

/**
 * Lines in the connection's ISAKMP profile; with none, a new profile (`ALIBABA-<map>-<seq>`) that
 * matches any peer identity (`match identity address 0.0.0.0`) unless a line names one, and the
 * entry's `set isakmp-profile`. Without a keyring line IOS looks the key up in the global keys.
 */
function inIsakmpProfile(c: DeviceConnection, entry: string[], lines: [string, string, DeviceSetting<unknown>?][]): DeviceEdit[] {
  const name = isakmpProfileName(c);
  const block = [`crypto isakmp profile ${name ?? `ALIBABA-${c.name.replace(/\s+/g, '-')}`}`];
  const out = lines.map(([k, v, now]) => edit(block, k, v, now));
  if (name) return out;
  if (!lines.some(([k]) => k === 'match identity')) out.push(edit(block, 'match identity', 'address 0.0.0.0'));
  return [...out, edit(entry, 'set isakmp-profile', block[0]!.slice('crypto isakmp profile '.length))];
}

function ikeProposal(c: DeviceConnection, enc: string, auth: string, dh: string): DeviceEdit[] {
  const g = groupNumber(dh);
  if (isV2(c)) {
    const name = grab(/^crypto ikev2 proposal ([^\s;]+)/, c.ikeProposals?.defaulted ? undefined : c.ikeProposals?.raw);
    const e = IKEV2_ENC[enc];
    const a = ciscoSpelling('hash', auth)?.replace(/^sha$/, 'sha1');
    if (!e || !a || !g) return [];
    const block = [`crypto ikev2 proposal ${name ?? 'ALIBABA'}`];
    const out = [edit(block, 'encryption', e), edit(block, 'integrity', a), edit(block, 'group', g)];
    if (!name) out.push(edit(['crypto ikev2 policy ALIBABA'], 'proposal', 'ALIBABA'));
    return out;
  }
  const e = ciscoSpelling('enc', enc);
  const a = ciscoSpelling('hash', auth);
  if (!e || !a || !g) return [];
  const block = [`crypto isakmp policy ${isakmpPolicy(c)}`];
  return [edit(block, 'encr', e), edit(block, 'hash', a), edit(block, 'authentication', 'pre-share'), edit(block, 'group', g)];
}

function childProposal(c: DeviceConnection, entry: string[], change: Extract<DeviceChange, { field: 'childProposal' }>): DeviceEdit[] {
  const child = c.children.find((x) => x.name === change.child);
  const e = ESP_ENC[change.enc];
  const a = ESP_HASH[change.auth];
  const g = change.pfs === 'disabled' ? '' : groupNumber(change.pfs);
  if (!e || !a || g === undefined) return [];
  const named = grab(/set transform-set ([^\s;]+)/, child?.proposals?.defaulted ? undefined : child?.proposals?.raw);
  const ts = named ?? 'ALIBABA-TS';
  const out = [edit([], `crypto ipsec transform-set ${ts}`, `${e} ${a}`)];
  // Several sets (or the defaults) are offered today: name the one set so only it is offered.
  if (!named || (child?.proposals?.value.length ?? 0) > 1) out.push(edit(entry, 'set transform-set', ts));
  out.push(g === '' ? edit(entry, 'no set pfs', '') : edit(entry, 'set pfs', `group${g}`));
  return out;
}

/** The ACL lines that make the entry protect `local` × `remote` (old permit lines removed). */
function subnets(c: DeviceConnection, change: Extract<DeviceChange, { field: 'localSubnets' | 'remoteSubnets' }>): DeviceEdit[] {
  const child = c.children.find((x) => x.name === change.child);
  const raw = child?.localSubnets?.raw ?? '';
  const acl = grab(/^match address (\S+):/, raw);
  if (!acl || !child?.localSubnets || !child.remoteSubnets) return []; // a VTI protects any ↔ any: routes, not selectors
  const local = change.field === 'localSubnets' ? change.value : child.localSubnets.value;
  const remote = change.field === 'remoteSubnets' ? change.value : child.remoteSubnets.value;
  const numbered = /^\d+$/.test(acl);
  const block = numbered ? [] : [`ip access-list extended ${acl}`];
  const prefix = numbered ? `access-list ${acl} ` : '';
  const out: DeviceEdit[] = raw.replace(/^[^:]*: /, '').split('; ').map((old) => ({ block, key: 'no', value: old }));
  for (const l of local) {
    for (const r of remote) {
      const s = aclOperand(l);
      const d = aclOperand(r);
      if (!s || !d) return [];
      out.push({ block, key: `${prefix}permit ip`, value: `${s} ${d}` });
    }
  }
  return out;
}

/** The IOS edits for one change; [] when IOS cannot express it (see the cases). */
export function ciscoEdits(c: DeviceConnection, change: DeviceChange): DeviceEdit[] {
  const entry = entryBlock(c);
  const prof = ikev2Profile(c);
  const v2 = isV2(c);
  const pb = prof ? [`crypto ikev2 profile ${prof}`] : undefined;
  const child = 'child' in change ? c.children.find((x) => x.name === change.child) : undefined;
  const peer = c.remoteAddress?.value;
  switch (change.field) {
    case 'ikeProposal':
      return ikeProposal(c, change.enc, change.auth, change.dh);
    case 'childProposal':
      return entry ? childProposal(c, entry, change) : [];
    case 'ikeVersion':
      return entry && c.ikeVersion?.value !== change.value ? versionEdits(c, entry, change.value) : [];
    case 'ikeMode': {
      // IKEv2 has one exchange; ISAKMP initiates aggressive mode from a profile (`initiate-mode aggressive`).
      if (v2 || !entry) return [];
      if (change.value === 'aggressive') return c.ikeMode?.value === 'aggressive' ? [] : inIsakmpProfile(c, entry, [['initiate-mode', 'aggressive']]);
      if (c.ikeMode?.value !== 'aggressive') return [];
      if (peer && c.ikeMode.raw.startsWith('set aggressive-mode')) return [edit([`crypto isakmp peer address ${peer}`], 'no set aggressive-mode client-endpoint', '', c.ikeMode)];
      return inIsakmpProfile(c, entry, [['no initiate-mode', '', c.ikeMode]]);
    }
    case 'ikeLifetime':
      if (v2) return pb ? [edit(pb, 'lifetime', String(change.seconds), c.ikeLifetime)] : [];
      return [edit([`crypto isakmp policy ${isakmpPolicy(c)}`], 'lifetime', String(change.seconds), c.ikeLifetime)];
    case 'childLifetime':
      return entry ? [edit(entry, 'set security-association lifetime seconds', String(change.seconds), child?.lifetime)] : [];
    case 'localId':
      if (v2) return pb ? [edit(pb, 'identity local', identity(change.value), c.localId)] : [];
      // An ISAKMP profile's `self-identity` wins over the global identity: change it there.
      if (isakmpProfileName(c) && /self-identity/.test(c.localId?.raw ?? '')) {
        if (isIpv4(change.value) && change.value !== c.localAddress?.value) return [];
        return [edit([`crypto isakmp profile ${isakmpProfileName(c)!}`], 'self-identity', isIpv4(change.value) ? 'address' : `fqdn ${change.value}`, c.localId)];
      }
      // ISAKMP sends the interface address or the router's FQDN (hostname + domain): nothing else.
      if (isIpv4(change.value)) return change.value === c.localAddress?.value ? [edit([], 'crypto isakmp identity', 'address', c.localId)] : [];
      {
        const [host, ...domain] = change.value.split('.');
        if (!host || domain.length === 0) return [];
        return [edit([], 'crypto isakmp identity', 'hostname', c.localId), edit([], 'hostname', host), edit([], 'ip domain name', domain.join('.'))];
      }
    case 'remoteId': {
      if (v2) return pb ? [edit(pb, 'match identity remote', isIpv4(change.value) ? `address ${change.value} 255.255.255.255` : identity(change.value), c.remoteId)] : [];
      if (!entry) return [];
      return inIsakmpProfile(c, entry, [['match identity', isIpv4(change.value) ? `address ${change.value} 255.255.255.255` : `host ${change.value}`, c.remoteId]]);
    }
    case 'psk': {
      const now = c.psk && !c.psk.defaulted ? c.psk : undefined;
      if (now) {
        const path = now.raw.includes(': ') ? now.raw.slice(0, now.raw.indexOf(': ')).split(' / ') : [];
        const line = now.raw.replace(/^[^:]*: /, '');
        const [before = '', after = ''] = line.split('…');
        const key = before.trim().replace(/\s\d$/, '');
        return [{ block: path, key, value: `${change.placeholder}${after}`.trimEnd(), replaces: { ...now.at } }];
      }
      if (!peer) return [];
      if (!v2) return [edit([], 'crypto isakmp key', `${change.placeholder} address ${peer}`)];
      if (!pb) return [];
      const ring = ['crypto ikev2 keyring ALIBABA-KR', 'peer ALIBABA'];
      return [edit(ring, 'address', peer), edit(ring, 'pre-shared-key', change.placeholder), edit(pb, 'keyring local', 'ALIBABA-KR')];
    }
    case 'localSubnets':
    case 'remoteSubnets':
      return subnets(c, change);
    case 'dpd':
      if (v2) return pb ? [change.value ? edit(pb, 'dpd', '10 3 periodic', c.dpd) : edit(pb, 'no dpd', '', c.dpd)] : [];
      return [change.value ? edit([], 'crypto isakmp keepalive', '10 3', c.dpd) : edit([], 'no crypto isakmp keepalive', '', c.dpd)];
    case 'natTraversal':
      // IOS always detects NAT in IKEv2; only the IKEv1 UDP encapsulation can be switched.
      if (v2) return [];
      return [change.value ? edit([], 'crypto ipsec nat-transparency', 'udp-encapsulation', c.natTraversal) : edit([], 'no crypto ipsec nat-transparency', 'udp-encapsulation', c.natTraversal)];
  }
}
