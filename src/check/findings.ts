// Turns the rows of one cloud-tunnel/device-connection comparison into findings of the report
// contract: one finding per cause (the proposal's three algorithms are one finding), with both
// values, evidence pointing at the export's JSON pointer and the configuration's line, and both
// fixes — the recommended side first.
import type { DiffEntry, Evidence, Finding, RemediationStep, Severity } from '../types.js';
import type { CloudTunnel } from '../parse/cloud-settings.js';
import type { ComparisonRow } from './compare.js';
import type { DeviceChange, DeviceChild, DeviceConnection, DeviceEdit } from './device-model.js';
import { fixRow, modifyRequest, type RowFix } from './fix.js';
import { renderAliyunCli } from '../report/aliyun-cli.js';
import { SEVERITY_WEIGHT } from '../report/rank.js';
import { compareText } from '../compare.js';
import { causeSpec, type Cause } from '../vocabulary/causes.js';
import type { Parameter } from '../vocabulary/parameters.js';

/** The device lines (and edits) that make one device setting equal the cloud's; undefined when the dialect cannot write it. */
export type DeviceFixer = (conn: DeviceConnection, change: DeviceChange) => { edits: DeviceEdit[]; lines: string[] } | undefined;

/** The cause a difference in each compared parameter means (each listed in that cause's parameters, checked by a test). */
export const CHECK_CAUSE: Readonly<Record<string, Cause>> = {
  IkeVersion: 'ike-version-mismatch',
  IkeMode: 'ike-mode-mismatch',
  IkeEncAlg: 'ike-proposal-mismatch',
  IkeAuthAlg: 'ike-proposal-mismatch',
  IkePfs: 'ike-proposal-mismatch',
  IkeLifetime: 'lifetime-mismatch',
  LocalId: 'identity-mismatch',
  RemoteId: 'identity-mismatch',
  Psk: 'psk-mismatch',
  IpsecEncAlg: 'ipsec-proposal-mismatch',
  IpsecAuthAlg: 'ipsec-proposal-mismatch',
  IpsecPfs: 'pfs-mismatch',
  IpsecLifetime: 'lifetime-mismatch',
  LocalSubnet: 'traffic-selector-mismatch',
  RemoteSubnet: 'traffic-selector-mismatch',
  EnableDpd: 'dpd-mismatch',
  EnableNatTraversal: 'nat-traversal-mismatch',
};

const REFERENCE = 'https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/user-guide/modify-an-ipsec-vpn-connection';

export interface PairContext {
  tunnel: CloudTunnel;
  connection: DeviceConnection;
  child: DeviceChild | undefined;
  rows: ComparisonRow[];
  fixer: DeviceFixer;
}

const shown = (v: string | null): string => v ?? '(not set)';

function evidenceOf(row: ComparisonRow, cx: PairContext): Evidence[] {
  const out: Evidence[] = [];
  if (row.cloudPointer) out.push({ source: cx.tunnel.source, pointer: row.cloudPointer, side: 'cloud', text: `${row.parameter}: ${shown(row.cloud)}` });
  if (row.deviceAt) {
    const text = row.parameter === 'Psk' ? 'pre-shared key [not shown]' : row.deviceDefaulted ? `(not set: the daemon's default, ${shown(row.device)})` : `${settingText(row, cx)}`;
    out.push({ source: row.deviceAt.file, line: row.deviceAt.line, side: 'peer', text });
  }
  return out;
}

/** The configuration text that set the device's value (the setting's `raw`). */
function settingText(row: ComparisonRow, cx: PairContext): string {
  const c = cx.connection;
  const ch = cx.child;
  const raw: Partial<Record<Parameter, string | undefined>> = {
    IkeVersion: c.ikeVersion?.raw,
    IkeMode: c.ikeMode?.raw,
    IkeEncAlg: c.ikeProposals?.raw,
    IkeAuthAlg: c.ikeProposals?.raw,
    IkePfs: c.ikeProposals?.raw,
    IkeLifetime: c.ikeLifetime?.raw,
    LocalId: c.remoteId?.raw,
    RemoteId: c.localId?.raw,
    IpsecEncAlg: ch?.proposals?.raw,
    IpsecAuthAlg: ch?.proposals?.raw,
    IpsecPfs: ch?.proposals?.raw,
    IpsecLifetime: ch?.lifetime?.raw,
    LocalSubnet: ch?.remoteSubnets?.raw,
    RemoteSubnet: ch?.localSubnets?.raw,
    EnableDpd: c.dpd?.raw,
    EnableNatTraversal: c.natTraversal?.raw,
  };
  return raw[row.parameter] ?? `${row.parameter}: ${shown(row.device)}`;
}

function diffOf(row: ComparisonRow): DiffEntry {
  const d: DiffEntry = { parameter: row.parameter, cloud: row.cloud, peer: row.device };
  if (row.note) d.note = row.note;
  return d;
}

/** Several device changes of one finding may be the same (a proposal is one setting): each written once. */
function uniqueChanges(fixes: readonly RowFix[]): DeviceChange[] {
  const seen = new Set<string>();
  const out: DeviceChange[] = [];
  for (const f of fixes) {
    if (!f.device) continue;
    const key = JSON.stringify(f.device);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f.device);
    }
  }
  return out;
}

function remediationOf(rows: readonly ComparisonRow[], fixes: readonly RowFix[], cx: PairContext): RemediationStep[] {
  const cloudChanges: Partial<Record<Parameter, string>> = {};
  for (const f of fixes) if (f.cloudValue !== undefined) cloudChanges[f.parameter] = f.cloudValue;
  const recommendCloud = fixes.length > 0 && fixes.every((f) => f.recommended === 'cloud');
  const steps: RemediationStep[] = [];
  const lines: string[] = [];
  for (const change of uniqueChanges(fixes)) lines.push(...(cx.fixer(cx.connection, change)?.lines ?? []));
  const names = rows.map((r) => r.parameter).join(', ');
  if (lines.length > 0) {
    const step: RemediationStep = { side: 'peer', step: `Change the device's ${cx.connection.name} (${cx.connection.at.file}) to the cloud's ${names}:`, lines };
    if (!recommendCloud) step.recommended = true;
    steps.push(step);
  }
  if (Object.keys(cloudChanges).length > 0) {
    const parameters = modifyRequest(cx.tunnel, cloudChanges);
    const values = Object.entries(cloudChanges).map(([k, v]) => `${k} ${v}`).join(', ');
    const step: RemediationStep = { side: 'cloud', step: `Or set the cloud's ${values} to match the device.`, action: { api: 'ModifyVpnConnectionAttribute', parameters, cli: renderAliyunCli({ api: 'ModifyVpnConnectionAttribute', parameters }) } };
    if (recommendCloud || lines.length === 0) {
      step.recommended = true;
      step.step = `Set the cloud's ${values} to match the device.`;
    }
    steps.push(step);
  }
  return steps.sort((a, b) => Number(b.recommended ?? false) - Number(a.recommended ?? false));
}

/** The findings of one compared pair, best first. */
export function pairFindings(cx: PairContext): Finding[] {
  const byCause = new Map<Cause, ComparisonRow[]>();
  for (const row of cx.rows) {
    if (row.verdict === 'match' || row.verdict === 'unverifiable') continue;
    const cause = CHECK_CAUSE[row.parameter];
    if (!cause) continue;
    byCause.set(cause, [...(byCause.get(cause) ?? []), row]);
  }
  const out: Finding[] = [];
  for (const [cause, rows] of byCause) {
    const warningOnly = rows.every((r) => r.verdict === 'warning');
    const severity: Severity = warningOnly ? 'low' : 'critical';
    const confidence = warningOnly ? 0.9 : 0.99;
    const fixes = rows.map((r) => fixRow(r, cx.rows, cx.tunnel, cx.connection, cx.child));
    const name = causeSpec(cause)?.name.en ?? cause;
    const parts = rows.map((r) => `${r.parameter}: the cloud has ${r.parameter === 'Psk' ? 'one key' : shown(r.cloud)}, the device ${r.parameter === 'Psk' ? 'another' : shown(r.device)}${r.deviceDefaulted ? ' (its default)' : ''}`);
    out.push({
      ruleId: `check/${cause}`,
      cause,
      title: `${name}: the cloud's settings and the device configuration differ`,
      severity,
      confidence,
      score: Math.round(1000 * SEVERITY_WEIGHT[severity] * confidence) / 10,
      summary: `${parts.join('; ')}.`,
      diff: rows.map(diffOf),
      evidence: rows.flatMap((r) => evidenceOf(r, cx)),
      remediation: remediationOf(rows, fixes, cx),
      references: [REFERENCE],
    });
  }
  return out.sort((a, b) => b.score - a.score || compareText(a.ruleId, b.ruleId));
}
