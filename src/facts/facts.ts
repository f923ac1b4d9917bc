// Computes the facts rules read (src/facts/catalog.ts) from one subject's accumulated observations.
import type { Side } from '../types.js';
import { SubjectAccumulator } from './subject.js';
import { cloudRole, deriveDiffs, type DerivedDiff } from './diff.js';
import { hiddenPfs } from './hidden-pfs.js';
import { deviceValue, type DeviceValue } from '../check/device-values.js';
import type { DeviceConnection } from '../check/device-model.js';

/** The ids a subject goes by (what `{{subject.…}}` placeholders and API calls name). */
export interface SubjectIds {
  id: string;
  vpnConnectionId: string | null;
  tunnelId: string | null;
  vpnGatewayId: string | null;
}

/**
 * The front door to one subject for rules and renderers: the fact values, the derived diffs, its
 * ids and the connection's cloud configuration. `acc` is for facts/ alone (dynamic facts,
 * evidence, summary): nothing outside this folder reads the accumulator.
 */
export interface SubjectFacts {
  values: Record<string, unknown>;
  diffs: DerivedDiff[];
  subject: SubjectIds;
  /** The connection's id, from the logs or else its configuration export. */
  connectionId: string | undefined;
  /** The connection's cloud configuration (DescribeVpnConnections), as exported. */
  cloudConfig: Readonly<Record<string, string | undefined>> | undefined;
  /** The device daemon the device-side lines come from, and the connection they name. */
  peerDevice: { dialect: string; connName?: string; family?: string } | undefined;
  /** The Alibaba gateway's address (its log's own, else the connection's configuration). */
  gatewayAddress: string | undefined;
  /** The device's value of a parameter from its configuration given beside the logs (undefined when none was). */
  deviceSetting: ((parameter: string) => DeviceValue | undefined) | undefined;
  /** The device's configuration of this connection, when one was given beside the logs. */
  deviceConnection: DeviceConnection | undefined;
  readonly acc: SubjectAccumulator;
}

const SIDES: Side[] = ['cloud', 'peer'];

/** Whether the device logged ending its own IKE SA (shutting down, deleting or reauthenticating it). */
function deviceEndedIkeSa(acc: SubjectAccumulator): boolean {
  if (acc.store.count('daemon-stop', 'peer') > 0 || acc.store.count('reauth-start', 'peer') > 0) return true;
  return (['delete-sent', 'sa-deleted'] as const).some((t) => acc.store.get('peer', t)?.combos.some((c) => /^(IKE|ISAKMP)/i.test(c.vars['what'] ?? '')));
}

/** The only gateway lines are the ones API diagnoses quote (SourceLog): no gateway log was read. */
const quotedOnly = (acc: SubjectAccumulator): boolean => acc.records.cloud > 0 && acc.records.cloud === acc.records.quoted;

/**
 * Whether a side's own account of the tunnel's life was read. A cloud side known only from the
 * lines API diagnoses quote (SourceLog) is not, beside a device log that was up at or after the
 * quoted failure (a rekey's delete, a proposal refused before another was taken) or when the quote
 * is no failure at all; a quoted failure after the device's last "up" (DPD gave up) still is.
 */
function logged(acc: SubjectAccumulator, s: Side): boolean {
  if (acc.records[s] === 0) return false;
  if (s === 'peer' || acc.records.peer === 0 || !quotedOnly(acc)) return true;
  const cloud = acc.life.cloud;
  if (cloud.lostMs === undefined && cloud.p1FailMs === undefined && cloud.p2FailMs === undefined) return false;
  // The gateway quoted as receiving a delete the device logged sending (it shut down, deleted or
  // reauthenticated the IKE SA): the device's log tells that first-hand, and what came after.
  if (cloud.lostBy === 'delete-received' && cloud.p1FailMs === undefined && cloud.p2FailMs === undefined && deviceEndedIkeSa(acc)) return false;
  // Phase 1 established again (a rekeyed IKE SA) answers a loss; a failed negotiation only the
  // tunnel up answers (an IKEv1 responder calls phase 1 established as the initiator refuses its ID).
  const tunnelUp = acc.life.peer.upMs;
  const p1Up = Math.max(tunnelUp ?? -Infinity, acc.store.get('peer', 'p1-established')?.lastMs ?? -Infinity);
  const answered = (fail: number | undefined, up: number | undefined): boolean => fail === undefined || (up !== undefined && up >= fail);
  return !(answered(cloud.lostMs, p1Up) && answered(cloud.p1FailMs, tunnelUp) && answered(cloud.p2FailMs, tunnelUp));
}

/** Whether `up` is known and not older than `fail` (equal stamps count as up: the same second). */
const upSince = (up: number | undefined, ...fails: (number | undefined)[]): boolean => up !== undefined && fails.every((f) => f === undefined || up >= f);

/**
 * Phase 1 (`p1-established`) or the tunnel (`p2-established`) came up after the last negotiation
 * failure, on every side that logged: an IKEv1 responder may call its SA established while the
 * other end then rejects its last message.
 */
function establishedNow(acc: SubjectAccumulator, type: 'p1-established' | 'p2-established'): boolean {
  const sides = SIDES.filter((s) => logged(acc, s));
  return sides.length > 0 && sides.every((s) => {
    const life = acc.life[s];
    const up = acc.store.get(s, type)?.lastMs ?? (type === 'p2-established' ? life.upMs : undefined);
    // An establishment without a time stamp (a pasted FortiGate debug; a Cisco debug whose only
    // stamped line is a syslog message among untimed debug lines): the order of the side's lines
    // says whether it ends up.
    // Phase 1 is also up when its establishment came after its last failure (a later phase-2 failure is not one).
    if (up === undefined) return acc.store.count(type, s) > 0 && (life.state === 'up' || (type === 'p1-established' && life.untimedP1 === 'up'));
    return type === 'p1-established' ? upSince(up, life.p1FailMs) : upSince(up, life.p1FailMs, life.p2FailMs);
  });
}

/** Events a quoted gateway line gives up with: after the device saw the tunnel up, it was lost. */
const QUOTED_LOSSES = ['dpd-dead', 'retransmit-limit', 'p1-timeout', 'p2-timeout'] as const;

/** The event that ended a tunnel that was up and did not come back (the gateway's view first). */
function lostAfterUp(acc: SubjectAccumulator): string | null {
  // The device's log saw the tunnel up and nothing after; the one gateway line a diagnosis quotes,
  // later than that, is the gateway giving up on it (a path the device never saw cut).
  if (quotedOnly(acc) && acc.life.peer.everUp && logged(acc, 'cloud')) {
    const quoted = QUOTED_LOSSES.find((t) => acc.store.count(t, 'cloud') > 0);
    if (quoted) return quoted;
  }
  for (const s of SIDES) {
    const life = acc.life[s];
    if (!logged(acc, s) && acc.records[s] > 0) continue;
    if (life.lostBy && !(life.upMs !== undefined && life.lostMs !== undefined && life.upMs > life.lostMs) && life.state !== 'up') return life.lostBy;
  }
  return null;
}

/**
 * Whether the peer answered, as far as the one line a diagnosis quotes tells (no packet lines to
 * read): yes when it names the peer's cookie or an informational the gateway ignored, no when the
 * cookie is zeros, else unknown — a bare timeout is no proof of silence.
 */
function quotedAnswer(acc: SubjectAccumulator): boolean | null {
  if (acc.store.count('info-ignored-no-sa', 'cloud') > 0) return true;
  const cookie = acc.store.get('cloud', 'p1-timeout')?.lastVars['peerCookie'];
  return cookie === undefined ? null : /[1-9a-f]/.test(cookie);
}

/**
 * The gateway's address as the subject knows it: its own log's, or — when only the device's log
 * names addresses — the connection's configured one, which the device may be missing.
 */
export function gatewayAddressOf(acc: SubjectAccumulator): string | undefined {
  const configured = acc.config?.gatewayIp;
  if (configured && acc.records.cloud === 0 && acc.gatewayIps.size > 0) return configured;
  return SubjectAccumulator.top(acc.gatewayIps);
}

/**
 * The address the device negotiates with, when it is not the configured gateway address: with no
 * gateway log, the device's own lines are the only gateway addresses the subject knows.
 */
function deviceTargetAddress(acc: SubjectAccumulator): string | null {
  const configured = acc.config?.gatewayIp;
  if (!configured || acc.records.cloud > 0 || acc.records.peer === 0) return null;
  const target = SubjectAccumulator.top(acc.gatewayIps);
  return target !== undefined && target !== configured ? target : null;
}

/** The IKE version the ends spoke: the gateway's when its log says, else the device's (0 unknown). */
function ikeVersionOf(acc: SubjectAccumulator): number {
  for (const side of SIDES) {
    const v = acc.ikeVersions[side];
    if (v.size === 1) return [...v][0]!;
  }
  if (acc.progress.furthestV2 > 0) return 2;
  return acc.progress.furthest > 0 ? 1 : 0;
}

/** Reads the device configuration of a subject, when one was given (the key is never a value). */
function deviceSettingOf(acc: SubjectAccumulator): SubjectFacts['deviceSetting'] {
  const conn = acc.deviceConnection;
  if (!conn) return undefined;
  const cloudLocal = acc.config?.localSubnet;
  return (parameter) => (parameter === 'Psk' ? undefined : deviceValue(conn, parameter, cloudLocal));
}

export function computeFacts(acc: SubjectAccumulator): SubjectFacts {
  const count = (type: string, side?: Side): number => acc.store.count(type, side);
  const role = cloudRole(acc);
  const diffs = deriveDiffs(acc);
  const codes = acc.diagnoses.map((d) => d.failedReasonCode).filter((c): c is string => !!c);
  const latestDiag = [...acc.diagnoses].sort((a, b) => (b.failedTimeMs ?? 0) - (a.failedTimeMs ?? 0))[0];
  const cloudLog = acc.records.cloud > 0;
  let peerAnswered: boolean | null = null;
  if (cloudLog) {
    peerAnswered =
      role === 'responder' ||
      acc.progress.furthest >= 2 ||
      acc.progress.furthestV2 >= 2 ||
      count('packet-received', 'cloud') > 0 ||
      count('p1-established', 'cloud') > 0 ||
      count('unknown-ikev2-peer', 'cloud') > 0;
    if (!peerAnswered && quotedOnly(acc)) peerAnswered = quotedAnswer(acc);
  }
  const values: Record<string, unknown> = {
    subjectId: acc.id,
    mode: acc.tunnelId ? 'dual' : acc.vpnConnectionId ? 'single' : 'unknown',
    failedReasonCode: latestDiag?.failedReasonCode ?? null,
    failedReasonCodes: codes,
    apiSeverity: latestDiag?.severity ?? null,
    sides: [...acc.sides],
    cloudLogPresent: cloudLog,
    cloudLogQuotedOnly: quotedOnly(acc),
    peerLogPresent: acc.records.peer > 0,
    peerDaemon: acc.peerDevice?.dialect ?? acc.deviceConnection?.dialect ?? null,
    role,
    phase1Established: establishedNow(acc, 'p1-established'),
    phase2Established: establishedNow(acc, 'p2-established'),
    establishedAfterLastFailure: establishedNow(acc, 'p2-established') && !SIDES.some((s) => logged(acc, s) && (acc.life[s].state === 'failed' || acc.life[s].state === 'lost')),
    wasUp: acc.life.cloud.everUp || acc.life.peer.everUp,
    lostAfterUp: lostAfterUp(acc),
    tunnelState: logged(acc, 'cloud') ? acc.life.cloud.state : acc.life.peer.state,
    failedWhileUp: acc.life.cloud.failedWhileUp || acc.life.peer.failedWhileUp,
    deletedAfterPhase1: acc.life.cloud.deletedAfterPhase1 || acc.life.peer.deletedAfterPhase1,
    dpdUnanswered: Math.max(acc.life.cloud.state === 'up' ? acc.life.cloud.dpdUnanswered : 0, acc.life.peer.state === 'up' ? acc.life.peer.dpdUnanswered : 0),
    peerAnswered,
    deviceTargetAddress: deviceTargetAddress(acc),
    configuredGatewayAddress: acc.config?.gatewayIp ?? null,
    furthestExchange: acc.progress.furthest,
    furthestExchangeV2: acc.progress.furthestV2,
    ikeVersion: ikeVersionOf(acc),
    authReached: acc.progress.authReached(),
    answeredAfterAuth: cloudLog ? acc.progress.answeredAfterAuth() : null,
    refusedFirstMessage: acc.progress.refusedFirst(),
    retransmits: count('p1-resend') + count('retransmit'),
    diffParameters: diffs.map((d) => d.parameter),
    pfsHiddenByFirstChild: hiddenPfs(acc) !== undefined,
    gatewayChecks: [...acc.checks.keys()],
  };
  return {
    values,
    diffs,
    subject: { id: acc.id, vpnConnectionId: acc.vpnConnectionId, tunnelId: acc.tunnelId, vpnGatewayId: acc.vpnGatewayId },
    connectionId: acc.vpnConnectionId ?? acc.config?.vpnConnectionId ?? undefined,
    cloudConfig: acc.config?.params as Record<string, string | undefined> | undefined,
    deviceSetting: deviceSettingOf(acc),
    deviceConnection: acc.deviceConnection,
    gatewayAddress: gatewayAddressOf(acc) ?? acc.config?.gatewayIp,
    peerDevice: acc.deviceConnection ? { dialect: acc.deviceConnection.dialect, connName: acc.deviceConnection.name } : acc.peerDevice,
    acc,
  };
}
