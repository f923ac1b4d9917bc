// Compares one cloud tunnel with one device connection, parameter by parameter, in Alibaba's
// vocabulary: every compared parameter of the one parameter table gets a row with a verdict.
// Proposals are matched as the daemons match them — any proposal of the device that holds the
// cloud's combination negotiates — so a device offering several proposals is not a mismatch when
// one of them fits (a warning says which). The cloud's Local* are the device's remote* and back.
import type { CloudTunnel } from '../parse/cloud-settings.js';
import { normalizeSubnets } from '../parse/cloud-settings.js';
import type { ConfigLocation, DeviceAlgorithm, DeviceChild, DeviceConnection, DeviceProposal, DeviceSetting } from './device-model.js';
import { COMPARED_PARAMETERS, type Parameter } from '../vocabulary/parameters.js';

export type Verdict = 'match' | 'mismatch' | 'warning' | 'unverifiable' | 'no-alibaba-value';

export interface ComparisonRow {
  parameter: Parameter;
  verdict: Verdict;
  /** The cloud's value as shown (never a key: `Psk` shows `[not shown]`). */
  cloud: string | null;
  device: string | null;
  note?: string;
  cloudPointer?: string;
  deviceAt?: ConfigLocation;
  /** The device's value was its daemon's default, not written in the configuration. */
  deviceDefaulted?: boolean;
}

const HIDDEN = '[not shown]';

type Kind = 'enc' | 'auth' | 'dh';
const KINDS: readonly Kind[] = ['enc', 'auth', 'dh'];
const IKE_PARAM: Record<Kind, Parameter> = { enc: 'IkeEncAlg', auth: 'IkeAuthAlg', dh: 'IkePfs' };
const IPSEC_PARAM: Record<Kind, Parameter> = { enc: 'IpsecEncAlg', auth: 'IpsecAuthAlg', dh: 'IpsecPfs' };

/** A phase-2 proposal without a DH group means no PFS. */
function algs(p: DeviceProposal, k: Kind, phase: 1 | 2): DeviceAlgorithm[] {
  if (k === 'dh' && phase === 2 && p.dh.length === 0) return [{ value: 'disabled', alibaba: true }];
  return p[k];
}

const has = (list: DeviceAlgorithm[], v: string | undefined): boolean => v !== undefined && list.some((a) => a.value === v);
const show = (list: DeviceAlgorithm[]): string | null => (list.length === 0 ? null : list.map((a) => a.value).join('/'));

/** The device proposal the cloud's combination fits, or the closest one (most components equal, first on ties). */
export function closestProposal(proposals: readonly DeviceProposal[], want: Partial<Record<Kind, string>>, phase: 1 | 2): { index: number; fits: boolean } {
  let best = { index: 0, score: -1 };
  proposals.forEach((p, index) => {
    const score = KINDS.filter((k) => want[k] === undefined || has(algs(p, k, phase), want[k])).length;
    if (score > best.score) best = { index, score };
  });
  return { index: best.index, fits: best.score === KINDS.length };
}

function proposalRows(rows: ComparisonRow[], t: CloudTunnel, setting: DeviceSetting<DeviceProposal[]> | undefined, phase: 1 | 2): void {
  const params = phase === 1 ? IKE_PARAM : IPSEC_PARAM;
  const want: Partial<Record<Kind, string>> = {};
  for (const k of KINDS) {
    const v = t.values[params[k]]?.value;
    if (v !== undefined) want[k] = v;
  }
  const proposals = setting?.value ?? [];
  const { index, fits } = closestProposal(proposals, want, phase);
  const chosen = proposals[index];
  for (const k of KINDS) {
    const parameter = params[k];
    const cloud = want[k] ?? null;
    const row: ComparisonRow = { parameter, verdict: 'match', cloud, device: chosen ? show(algs(chosen, k, phase)) : null };
    const cv = t.values[parameter];
    if (cv) row.cloudPointer = cv.pointer;
    if (setting) {
      row.deviceAt = setting.at;
      if (setting.defaulted) row.deviceDefaulted = true;
    }
    if (!chosen) {
      row.verdict = 'unverifiable';
      row.note = 'the device configuration sets no proposal for this phase';
    } else if (cloud === null) {
      row.verdict = 'unverifiable';
      row.note = 'the cloud export does not hold this value';
    } else if (!has(algs(chosen, k, phase), cloud)) {
      const list = algs(chosen, k, phase);
      row.verdict = list.length > 0 && list.every((a) => !a.alibaba) ? 'no-alibaba-value' : 'mismatch';
      if (list.length === 0) row.note = k === 'auth' ? 'the device proposal uses an AEAD cipher (no separate integrity algorithm)' : 'the device proposal names none';
      else if (row.verdict === 'no-alibaba-value') row.note = `Alibaba has no ${list.map((a) => a.value).join('/')}: the device must offer a value Alibaba supports`;
    } else if (fits && index > 0 && !has(algs(proposals[0]!, k, phase), cloud)) {
      row.verdict = 'warning';
      row.note = `the device's proposal ${index + 1} (${chosen.raw}) matches; its first proposal (${proposals[0]!.raw}) does not`;
    }
    rows.push(row);
  }
}

function lifetimeRow(parameter: Parameter, t: CloudTunnel, setting: DeviceSetting<number> | undefined): ComparisonRow {
  return valueRow(parameter, t, setting && { ...setting, value: String(setting.value) }, (a, b) => a === b, 'warning', 'both ends must use the same lifetime or re-keys collide and the tunnel drops intermittently');
}

function valueRow(parameter: Parameter, t: CloudTunnel, setting: DeviceSetting<string> | undefined, equal: (cloud: string, device: string) => boolean, differs: Verdict = 'mismatch', note?: string): ComparisonRow {
  const cv = t.values[parameter];
  const row: ComparisonRow = { parameter, verdict: 'match', cloud: cv?.value ?? null, device: setting?.value ?? null };
  if (cv) row.cloudPointer = cv.pointer;
  if (setting) {
    row.deviceAt = setting.at;
    if (setting.defaulted) row.deviceDefaulted = true;
  }
  if (!cv || !setting) {
    row.verdict = 'unverifiable';
    row.note = !cv ? 'the cloud export does not hold this value' : 'the device configuration does not say';
  } else if (!equal(cv.value, setting.value)) {
    row.verdict = differs;
    if (note) row.note = note;
  }
  return row;
}

/** Identities compare without their type prefixes (`@`, `fqdn:`, `ipv4:`), case-insensitively. */
export function normalizeId(id: string): string {
  return id.trim().replace(/^["']|["']$/g, '').replace(/^@#?/, '').replace(/^(fqdn|ipv4|ipv6|keyid|email|userfqdn|ip):/i, '').toLowerCase();
}
const ANY_ID = new Set(['%any', '%any6', '0.0.0.0', '', '*']);

function idRow(parameter: 'LocalId' | 'RemoteId', t: CloudTunnel, setting: DeviceSetting<string> | undefined, fallback: string | undefined): ComparisonRow {
  // The cloud's ids default to the gateway's and the customer gateway's addresses (DescribeVpnConnection leaves them empty).
  const eff: CloudTunnel = t.values[parameter] || !fallback ? t : { ...t, values: { ...t.values, [parameter]: { value: fallback, pointer: t.pointer } } };
  const row = valueRow(parameter, eff, setting, (a, b) => normalizeId(a) === normalizeId(b) || ANY_ID.has(normalizeId(b)));
  if (!t.values[parameter] && fallback) row.note = `the cloud sets no ${parameter}: it uses its address ${fallback}`;
  if (row.verdict === 'match' && setting && ANY_ID.has(normalizeId(setting.value))) row.note = 'the device accepts any identity';
  return row;
}

function subnetRow(parameter: 'LocalSubnet' | 'RemoteSubnet', t: CloudTunnel, setting: DeviceSetting<string[]> | undefined): ComparisonRow {
  const s = setting && { ...setting, value: normalizeSubnets(setting.value.map(withPrefix).join(',')) };
  const cv = t.values[parameter];
  const eff: CloudTunnel = cv ? { ...t, values: { ...t.values, [parameter]: { ...cv, value: normalizeSubnets(cv.value.split(',').map(withPrefix).join(',')) } } } : t;
  return valueRow(parameter, eff, s, (a, b) => a === b);
}

/** A bare address is a /32 (or /128) network. */
export function withPrefix(cidr: string): string {
  const c = cidr.trim();
  if (c === '' || c.includes('/')) return c;
  return c.includes(':') ? `${c}/128` : `${c}/32`;
}

function boolRow(parameter: 'EnableDpd' | 'EnableNatTraversal', t: CloudTunnel, setting: DeviceSetting<boolean> | undefined, note: string): ComparisonRow {
  const s = setting && { ...setting, value: String(setting.value) };
  return valueRow(parameter, t, s, (a, b) => a === b, 'warning', note);
}

function pskRow(t: CloudTunnel, conn: DeviceConnection): ComparisonRow {
  const cv = t.values.Psk;
  const dv = conn.psk;
  const row: ComparisonRow = { parameter: 'Psk', verdict: 'match', cloud: cv ? HIDDEN : null, device: dv && dv.value.kind !== 'none' ? HIDDEN : null };
  if (cv) row.cloudPointer = cv.pointer;
  if (dv) row.deviceAt = dv.at;
  if (!cv) {
    row.verdict = 'unverifiable';
    row.note = 'the cloud export holds no key: export DownloadVpnConnectionConfig (or a DescribeVpnConnection with IkeConfig.Psk) to compare it';
  } else if (!dv || dv.value.kind === 'none') {
    row.verdict = 'unverifiable';
    row.note = 'the device configuration holds no pre-shared key for this connection';
  } else if (dv.value.kind === 'encrypted') {
    row.verdict = 'unverifiable';
    row.note = 'the device stores its key encrypted: it cannot be compared';
  } else if (dv.value.digest !== cv.value) {
    row.verdict = 'mismatch';
    row.note = 'the keys differ (compared as digests; neither is shown)';
  }
  return row;
}

/** The phase 2 of the device that is about the cloud's subnets (the first when none is). */
export function pickChild(t: CloudTunnel, conn: DeviceConnection): DeviceChild | undefined {
  let best: { child: DeviceChild; score: number } | undefined;
  for (const child of conn.children) {
    const score = [subnetRow('LocalSubnet', t, child.remoteSubnets), subnetRow('RemoteSubnet', t, child.localSubnets)].filter((r) => r.verdict === 'match').length;
    if (!best || score > best.score) best = { child, score };
  }
  return best?.child;
}

/** Every compared parameter, in the parameter table's order. */
export function compareTunnel(t: CloudTunnel, conn: DeviceConnection, child: DeviceChild | undefined): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const version = valueRow('IkeVersion', t, conn.ikeVersion, (a, b) => a === b);
  rows.push(version);
  const mode = valueRow('IkeMode', t, conn.ikeMode, (a, b) => a === b);
  if (t.values.IkeVersion?.value === 'ikev2' && conn.ikeVersion?.value !== 'ikev1') {
    mode.verdict = 'match';
    mode.note = 'IKEv2 has no main/aggressive mode';
  }
  rows.push(mode);
  proposalRows(rows, t, conn.ikeProposals, 1);
  rows.push(lifetimeRow('IkeLifetime', t, conn.ikeLifetime));
  rows.push(idRow('LocalId', t, conn.remoteId, t.gatewayIp));
  rows.push(idRow('RemoteId', t, conn.localId, t.customerIp));
  rows.push(pskRow(t, conn));
  proposalRows(rows, t, child?.proposals, 2);
  rows.push(lifetimeRow('IpsecLifetime', t, child?.lifetime));
  rows.push(subnetRow('LocalSubnet', t, child?.remoteSubnets));
  rows.push(subnetRow('RemoteSubnet', t, child?.localSubnets));
  rows.push(boolRow('EnableDpd', t, conn.dpd, 'dead-peer detection on one side only: a dead tunnel is noticed by one end and not the other'));
  rows.push(boolRow('EnableNatTraversal', t, conn.natTraversal, 'NAT traversal on one side only fails as soon as a NAT sits between the two ends'));
  const order = new Map(COMPARED_PARAMETERS.map((p, i) => [p, i]));
  return rows.sort((a, b) => (order.get(a.parameter) ?? 0) - (order.get(b.parameter) ?? 0));
}
