// Owns the phase-1 fields of one Cisco connection (a crypto map entry or a tunnel interface):
// IKEv1 from the ISAKMP sections (policies, keys, ISAKMP profile, global identity, keepalive,
// NAT-T), IKEv2 from the IKEv2 profile the entry names (proposals, identities, keyring, lifetime,
// DPD). Unset values take the documented IOS defaults (defaults.ts).
import type { DeviceConnection, DeviceSecret, DeviceSetting } from '../../../src/check/device-model.js';
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem } from '../common/problems.js';
import { defaultSetting, readSetting } from '../common/setting.js';
import { IKEV2_LIFETIME } from './defaults.js';
import { badValue, setting, unknownChildren } from './common.js';
import { isakmpKey, readIsakmpPolicies } from './ikev1.js';
import { identityValue, ikev2Key, localIdLine, PROFILE_KEYS, readIkev2Proposals, remoteIdLine } from './ikev2.js';
import { at, child, lw, type CiscoNode } from './parser.js';
import type { CiscoSections } from './sections.js';

/** The device's hostname as IOS sends it with `crypto isakmp identity hostname` (`R1.example.com`). */
export function fqdn(s: CiscoSections): string | undefined {
  const host = s.globals.get('hostname')?.cmd.words[1];
  const domain = (s.globals.get('domain')?.cmd.words[3]) ?? s.globals.get('domain-name')?.cmd.words[2];
  return host ? (domain ? `${host}.${domain}` : host) : undefined;
}

/** A key line's setting; a line inside a keyring says which (`crypto keyring K: pre-shared-key …`) so a fix can name the block. */
const keySetting = (k: { secret: DeviceSecret; node: CiscoNode; path: string[] }): DeviceSetting<DeviceSecret> =>
  readSetting(k.secret, k.path.length > 0 ? `${k.path.join(' / ')}: ${k.node.cmd.raw}` : k.node.cmd.raw, at(k.node));

const noKey = (c: DeviceConnection): void => void (c.psk = defaultSetting<DeviceSecret>({ kind: 'none' }, 'no pre-shared key for this peer', c.at));

/** IKEv1 fields of `c` (peer `c.remoteAddress`), with the ISAKMP profile the entry names. */
export function readIkev1(s: CiscoSections, c: DeviceConnection, entry: CiscoNode, problems: Problem[]): void {
  const peer = c.remoteAddress?.value ?? '';
  c.ikeVersion = defaultSetting('ikev1', 'no set ikev2-profile: ISAKMP (IKEv1)', c.at);
  const pol = readIsakmpPolicies(s, problems, c.at);
  c.ikeProposals = pol.proposals;
  if (pol.lifetime) c.ikeLifetime = pol.lifetime;
  const profName = child(entry, 'set', 'isakmp-profile')?.cmd.words[2];
  const prof = profName ? s.isakmpProfiles.get(profName) : undefined;
  if (profName && !prof) badValue(child(entry, 'set', 'isakmp-profile')!, problems, 'the ISAKMP profile is not defined in the files given', 'Give the `crypto isakmp profile` section too');
  // Aggressive mode is initiated per peer (`crypto isakmp peer address X`) or by an ISAKMP profile.
  // A profile line's raw names its profile (`crypto isakmp profile P: …`) so a fix can address it.
  const inProf = <T>(value: T, n: CiscoNode): DeviceSetting<T> => (prof && prof.children.includes(n) ? readSetting(value, `${prof.cmd.raw}: ${n.cmd.raw}`, at(n)) : setting(value, n));
  const aggr = child(s.isakmpPeers.get(peer), 'set', 'aggressive-mode', 'client-endpoint') ?? child(prof, 'initiate-mode', 'aggressive');
  c.ikeMode = aggr ? inProf<'main' | 'aggressive'>('aggressive', aggr) : defaultSetting('main', 'IOS default: main mode', c.at);
  if (prof) unknownChildren(prof, ['match', 'self-identity', 'keyring', 'keepalive', 'description', 'vrf', 'initiate-mode', 'local-address', 'isakmp'], problems);
  const self = child(prof, 'self-identity');
  const ident = s.globals.get('identity');
  const how = self ? lw(self)[1] : (ident ? lw(ident)[3] : 'address');
  const idLine = self ?? ident;
  const idValue = how === 'hostname' || (how === 'fqdn' && !self?.cmd.words[2]) ? fqdn(s) : how === 'address' ? c.localAddress?.value : self?.cmd.words[2];
  if (idValue !== undefined) c.localId = idLine ? inProf(idValue, idLine) : defaultSetting(idValue, 'IOS default: crypto isakmp identity address', c.at);
  const rid = child(prof, 'match', 'identity');
  const ridValue = rid ? (lw(rid)[2] === 'address' ? identityValue(rid.cmd.words.slice(2)) : rid.cmd.words[3]) : undefined;
  if (rid && ridValue) c.remoteId = inProf(ridValue, rid);
  const key = isakmpKey(s, peer, child(prof, 'keyring')?.cmd.words[1]);
  if (key) c.psk = keySetting(key);
  else noKey(c);
  const ka = child(prof, 'keepalive') ?? s.globals.get('keepalive');
  c.dpd = ka ? inProf(true, ka) : defaultSetting(false, 'IOS default: no crypto isakmp keepalive (DPD off)', c.at);
  const off = s.globals.get('natt-off');
  const on = s.globals.get('natt-on');
  c.natTraversal = off ? setting(false, off) : on ? setting(true, on) : defaultSetting(true, 'IOS default: crypto ipsec nat-transparency udp-encapsulation (NAT-T on)', c.at);
}

/** IKEv2 fields of `c` from the profile named on `line` (`set ikev2-profile PR`). */
export function readIkev2(s: CiscoSections, c: DeviceConnection, line: CiscoNode, problems: Problem[]): void {
  const peer = c.remoteAddress?.value ?? '';
  c.ikeVersion = setting('ikev2', line);
  c.ikeMode = defaultSetting('main', 'IKEv2 has no aggressive mode', c.at);
  const prof = s.ikev2Profiles.get(line.cmd.words[2] ?? '');
  const read = readIkev2Proposals(s, problems, c.at);
  c.ikeProposals = read.proposals;
  c.natTraversal = defaultSetting(true, 'IOS: IKEv2 NAT detection is always on', c.at);
  if (!prof) {
    problems.push(configProblem(line.cmd.file, line.cmd.line, CONFIG_CODES.unresolved, 'the IKEv2 profile is not defined in the files given', 'Give the `crypto ikev2 profile` section too'));
    return;
  }
  unknownChildren(prof, PROFILE_KEYS, problems);
  const life = child(prof, 'lifetime');
  const secs = Number(life?.cmd.words[1]);
  if (life && !(Number.isInteger(secs) && secs > 0)) badValue(life, problems, 'the lifetime is not a number of seconds', 'Write `lifetime <120–86400>`');
  else c.ikeLifetime = life ? setting(secs, life) : defaultSetting(IKEV2_LIFETIME, 'IOS default: IKEv2 profile lifetime 86400', at(prof));
  const lid = localIdLine(prof);
  const lv = lid ? identityValue(lid.cmd.words.slice(2)) : c.localAddress?.value;
  if (lid && lv) c.localId = setting(lv, lid);
  else if (!lid && lv) c.localId = defaultSetting(lv, 'IOS default: identity local address', at(prof));
  const rid = remoteIdLine(prof);
  const rv = rid ? identityValue(rid.cmd.words.slice(3)) : undefined;
  if (rid && rv) c.remoteId = setting(rv, rid);
  const key = ikev2Key(s, prof, peer);
  if (key) c.psk = keySetting(key);
  else noKey(c);
  const dpd = child(prof, 'dpd') ?? s.globals.get('ikev2-dpd');
  c.dpd = dpd ? setting(true, dpd) : defaultSetting(false, 'IOS default: no dpd in the IKEv2 profile (DPD off)', at(prof));
}
