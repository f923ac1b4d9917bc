// The swanctl.conf reader: a merged section tree → DeviceConnection. Owns which key feeds which
// field, the defaults applied when a key is absent, and the joining of `secrets.ike*` to the
// connections by identity (a secret without ids applies to all, as in strongSwan).
import type { ConfigLocation, DeviceChild, DeviceConnection, DeviceProposal, DeviceSecret, DeviceSetting } from '../../../src/check/device-model.js';
import { digestSecret } from '../../../src/check/secret-digest.js';
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem, quoteKey } from '../common/problems.js';
import { dashProposals } from '../common/proposals.js';
import { defaultSetting, readSetting } from '../common/setting.js';
import { isIpv4, normalizeSubnet, parseBool, parseDuration } from '../common/values.js';
import { SWANCTL_CHILD_REKEY, SWANCTL_IKE_REKEY, STRONGSWAN_ESP_DEFAULT, STRONGSWAN_IKE_DEFAULT, strongswanEspDefault, strongswanIkeDefault } from './defaults.js';
import { lastSetting, subsection, type SwanSection } from './parser.js';
import type { SettingPayload } from './tokens.js';

const CONN_KEYS = new Set('version local_addrs remote_addrs local_port remote_port proposals vips aggressive pull dscp encap mobike dpd_delay dpd_timeout fragmentation childless send_certreq send_cert ppk_id ppk_required keyingtries unique reauth_time rekey_time over_time rand_time pools if_id_in if_id_out mediation mediated_by mediation_peer close_action'.split(' '));
const AUTH_KEYS = new Set('round certs pubkeys auth id ca_id eap_id aaa_id xauth_id cacerts groups cert_policy revocation'.split(' '));
const CHILD_KEYS = new Set('ah_proposals esp_proposals sha256_96 local_ts remote_ts rekey_time life_time rand_time rekey_bytes life_bytes rand_bytes rekey_packets life_packets rand_packets updown hostaccess mode policies policies_fwd_out dpd_action ipcomp inactivity reqid priority interface mark_in mark_in_sa mark_out set_mark_in set_mark_out if_id_in if_id_out label label_mode tfc_padding replay_window hw_offload copy_df copy_ecn copy_dscp start_action close_action per_cpu_sas'.split(' '));
const TOP_SECTIONS = new Set(['connections', 'secrets', 'authorities', 'pools']);

interface SwanSecret {
  ids: string[];
  text: string;
  at: ConfigLocation;
}

export interface SwanctlRead {
  connections: DeviceConnection[];
  /** Clear-text secrets, for scrubbing. */
  secrets: string[];
}

function checkKeys(sec: SwanSection, known: Set<string>, problems: Problem[]): void {
  for (const s of sec.settings) {
    if (!known.has(s.key) && !/^cert|^pubkey/.test(s.key)) problems.push(configProblem(s.file, s.line, CONFIG_CODES.unknownKey, `${quoteKey(s.key)} is not a swanctl.conf setting here and was ignored`, 'Check its spelling against swanctl.conf(5)'));
  }
}

const loc = (file: string, line: number): ConfigLocation => ({ file, line });
const list = (v: string): string[] => v.split(',').map((x) => x.trim()).filter((x) => x !== '');

function readSecrets(root: SwanSection): SwanSecret[] {
  const out: SwanSecret[] = [];
  const secrets = subsection(root, 'secrets');
  for (const sec of secrets?.sections ?? []) {
    if (!/^ike/.test(sec.name)) continue;
    const s = lastSetting(sec, 'secret');
    if (!s) continue;
    const ids = sec.settings.filter((x) => x.key === 'id' || x.key.startsWith('id-')).map((x) => x.value);
    out.push({ ids, text: s.value, at: loc(s.file, s.line) });
  }
  return out;
}

/** The secret strongSwan would pick: the most ids matched; one without ids applies to all. */
export function matchSecret<T extends { ids: string[] }>(secrets: T[], ids: (string | undefined)[]): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const s of secrets) {
    const score = s.ids.length === 0 ? 0 : s.ids.filter((id) => ids.includes(id)).length;
    if (s.ids.length > 0 && score === 0) continue;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

function proposalsSetting(s: SettingPayload | undefined, defaults: () => DeviceProposal[], defaultRaw: string[], at: ConfigLocation): DeviceSetting<DeviceProposal[]> {
  if (!s || s.value.trim() === '') return defaultSetting(defaults(), `strongSwan default: ${defaultRaw.join(',')}`, at);
  return readSetting(dashProposals(s.value, defaults), s.raw, loc(s.file, s.line));
}

function durationSetting(s: SettingPayload, problems: Problem[]): DeviceSetting<number> | undefined {
  const v = parseDuration(s.value);
  if (v === undefined) {
    problems.push(configProblem(s.file, s.line, CONFIG_CODES.value, `${quoteKey(s.key)} is not a duration`, 'Write seconds or a number with s, m, h or d'));
    return undefined;
  }
  return readSetting(v, s.raw, loc(s.file, s.line));
}

function readChild(sec: SwanSection, conn: DeviceConnection, problems: Problem[]): DeviceChild {
  checkKeys(sec, CHILD_KEYS, problems);
  const at = sec.opens[0] ?? loc('', 1);
  const child: DeviceChild = { name: sec.name, at };
  const ts = (key: 'local_ts' | 'remote_ts', addr: DeviceSetting<string> | undefined): DeviceSetting<string[]> | undefined => {
    const s = lastSetting(sec, key);
    if (s) {
      const nets = list(s.value).map((t) => (t === 'dynamic' && addr && isIpv4(addr.value) ? `${addr.value}/32` : (normalizeSubnet(t) ?? t)));
      return readSetting(nets, s.raw, loc(s.file, s.line));
    }
    return addr && isIpv4(addr.value) ? defaultSetting([`${addr.value}/32`], 'strongSwan default: dynamic (the IKE address)', at) : undefined;
  };
  const local = ts('local_ts', conn.localAddress);
  if (local) child.localSubnets = local;
  const remote = ts('remote_ts', conn.remoteAddress);
  if (remote) child.remoteSubnets = remote;
  child.proposals = proposalsSetting(lastSetting(sec, 'esp_proposals'), strongswanEspDefault, STRONGSWAN_ESP_DEFAULT, at);
  const life = lastSetting(sec, 'rekey_time') ?? lastSetting(sec, 'life_time');
  const lifetime = life ? durationSetting(life, problems) : defaultSetting(SWANCTL_CHILD_REKEY, 'strongSwan default: rekey_time = 1h', at);
  if (lifetime) child.lifetime = lifetime;
  return child;
}

function readConnection(sec: SwanSection, secrets: SwanSecret[], problems: Problem[]): DeviceConnection {
  checkKeys(sec, CONN_KEYS, problems);
  const at = sec.opens[0] ?? loc('', 1);
  const conn: DeviceConnection = { dialect: 'swanctl', name: sec.name, at, children: [] };
  const first = (key: string): DeviceSetting<string> | undefined => {
    const s = lastSetting(sec, key);
    const v = s ? list(s.value)[0] : undefined;
    return s && v ? readSetting(v, s.raw, loc(s.file, s.line)) : undefined;
  };
  const la = first('local_addrs');
  if (la) conn.localAddress = la;
  const ra = first('remote_addrs');
  if (ra) conn.remoteAddress = ra;
  const ver = lastSetting(sec, 'version');
  if (!ver) conn.ikeVersion = defaultSetting('ikev2', 'strongSwan default: version = 0 (initiates IKEv2, accepts both)', at);
  else if (ver.value === '1') conn.ikeVersion = readSetting('ikev1', ver.raw, loc(ver.file, ver.line));
  else if (ver.value === '0' || ver.value === '2') conn.ikeVersion = readSetting('ikev2', ver.raw, loc(ver.file, ver.line));
  else problems.push(configProblem(ver.file, ver.line, CONFIG_CODES.value, "'version' is not 0, 1 or 2", 'Write version = 1 (IKEv1) or version = 2 (IKEv2)'));
  const aggr = lastSetting(sec, 'aggressive');
  conn.ikeMode = aggr ? readSetting(parseBool(aggr.value) ? 'aggressive' : 'main', aggr.raw, loc(aggr.file, aggr.line)) : defaultSetting('main', 'strongSwan default: aggressive = no', at);
  conn.ikeProposals = proposalsSetting(lastSetting(sec, 'proposals'), strongswanIkeDefault, STRONGSWAN_IKE_DEFAULT, at);
  const rekey = [lastSetting(sec, 'rekey_time'), lastSetting(sec, 'reauth_time')].find((s) => s && (parseDuration(s.value) ?? 1) > 0);
  const life = rekey ? durationSetting(rekey, problems) : defaultSetting(SWANCTL_IKE_REKEY, 'strongSwan default: rekey_time = 4h', at);
  if (life) conn.ikeLifetime = life;
  const dpd = lastSetting(sec, 'dpd_delay');
  conn.dpd = dpd ? readSetting((parseDuration(dpd.value) ?? 0) > 0, dpd.raw, loc(dpd.file, dpd.line)) : defaultSetting(false, 'strongSwan default: dpd_delay = 0s', at);
  // NAT detection is always on in charon; `encap = yes` only forces UDP encapsulation.
  const encap = lastSetting(sec, 'encap');
  conn.natTraversal = encap ? readSetting(true, encap.raw, loc(encap.file, encap.line)) : defaultSetting(true, 'strongSwan: NAT detection is always on', at);
  const rounds = (side: string): SwanSection[] => sec.sections.filter((s) => s.name === side || s.name.startsWith(`${side}-`));
  for (const r of [...rounds('local'), ...rounds('remote')]) checkKeys(r, AUTH_KEYS, problems);
  const idOf = (side: string): DeviceSetting<string> | undefined => {
    for (const r of rounds(side)) {
      const s = lastSetting(r, 'id');
      if (s) return readSetting(s.value, s.raw, loc(s.file, s.line));
    }
    return undefined;
  };
  const lid = idOf('local');
  const rid = idOf('remote');
  if (lid) conn.localId = lid;
  else if (la) conn.localId = defaultSetting(la.value, 'strongSwan default: the local IP address', at);
  if (rid) conn.remoteId = rid;
  else conn.remoteId = defaultSetting('%any', 'strongSwan default: %any (any identity)', at);
  const psk = rounds('local').some((r) => /^(psk|secret)$/.test(lastSetting(r, 'auth')?.value ?? ''));
  const secret = matchSecret(secrets, [conn.localId?.value, conn.remoteId?.value, la?.value, ra?.value]);
  if (secret) conn.psk = readSetting<DeviceSecret>({ kind: 'clear', digest: digestSecret(secret.text) }, 'secret = …', secret.at);
  else if (psk) conn.psk = defaultSetting<DeviceSecret>({ kind: 'none' }, 'no matching secrets.ike section', at);
  for (const child of subsection(sec, 'children')?.sections ?? []) conn.children.push(readChild(child, conn, problems));
  return conn;
}

/** Connections and secrets of one swanctl.conf tree (the merged roots of every swanctl file given). */
export function readSwanctl(root: SwanSection, problems: Problem[]): SwanctlRead {
  for (const s of root.settings) problems.push(configProblem(s.file, s.line, CONFIG_CODES.unknownKey, `${quoteKey(s.key)} outside any section was ignored`, 'Put settings inside connections { … }'));
  for (const s of root.sections) {
    if (!TOP_SECTIONS.has(s.name)) problems.push(configProblem(s.opens[0]?.file ?? '', s.opens[0]?.line ?? 1, CONFIG_CODES.unknownKey, `section ${quoteKey(s.name)} is not a swanctl.conf section and was ignored`, 'Use connections, secrets, authorities or pools'));
  }
  const secrets = readSecrets(root);
  const connections = (subsection(root, 'connections')?.sections ?? []).map((c) => readConnection(c, secrets, problems));
  return { connections, secrets: secrets.map((s) => s.text) };
}
