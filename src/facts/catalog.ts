// Every fact a rule may name: its type, parameters, meaning and — for parameterised facts — its
// computation (dynamic.ts; the others are computed together by facts.ts). Rule validation rejects
// unknown facts with this table, the engine takes its dynamic facts from it, and docs/rules.md is
// generated from it.
import { DYNAMIC_FACT_COMPUTATIONS, type DynamicFact } from './dynamic.js';

export type FactType = 'string' | 'string?' | 'number' | 'boolean' | 'boolean?' | 'string[]' | 'number[]' | 'object?';

export interface FactSpec {
  type: FactType;
  description: string;
  /** Parameters a dynamic fact takes (name → meaning). */
  params?: Record<string, string>;
  /** How a parameterised fact is computed (on demand, per condition). */
  compute?: DynamicFact;
}

export const FACT_CATALOG: Record<string, FactSpec> = {
  subjectId: { type: 'string', description: 'The subject id: tunnel id when known, else connection id (or a peer session id).' },
  mode: { type: 'string', description: '`single` or `dual` (tunnel) mode, `unknown` when no input says.' },
  failedReasonCode: { type: 'string?', description: 'The latest FailedReasonCode from DiagnoseVpnConnections, or null.' },
  failedReasonCodes: { type: 'string[]', description: 'Every FailedReasonCode reported for the subject.' },
  apiSeverity: { type: 'string?', description: 'Severity the API gave (Critical | Warn | Normal), or null.' },
  sides: { type: 'string[]', description: 'Which sides have log records: `cloud`, `peer`.' },
  cloudLogPresent: { type: 'boolean', description: 'Gateway log lines were read for this subject.' },
  cloudLogQuotedOnly: { type: 'boolean', description: 'The only gateway lines of this subject are the ones API diagnoses quote (SourceLog): no gateway log was read.' },
  peerDaemon: { type: 'string?', description: 'The device daemon whose log or configuration was read (strongswan, libreswan, racoon, fortigate, cisco, huawei, or a configuration dialect such as swanctl, fortios, cisco-ios), or null.' },
  peerLogPresent: { type: 'boolean', description: 'Peer-device log lines were read for this subject.' },
  role: { type: 'string', description: 'Role of the gateway in the latest phase-1 attempt: initiator | responder | unknown.' },
  phase1Established: { type: 'boolean', description: 'Phase 1 (IKE SA) came up, on either side, after its latest phase-1 negotiation failure (a loss after it was up is not one).' },
  phase2Established: { type: 'boolean', description: 'Phase 2 (IPsec/CHILD SA) came up, on either side, after its latest negotiation failure.' },
  establishedAfterLastFailure: { type: 'boolean', description: 'Phase 2 came up after the latest negotiation failure, and no side ends failed or lost.' },
  wasUp: { type: 'boolean', description: 'The tunnel was up at some point (phase 2, or an IKEv2 gateway SA, established) on either side.' },
  lostAfterUp: { type: 'string?', description: 'The event that ended a tunnel that was up and did not come back: dpd-dead, retransmit-limit, p1-timeout, p2-timeout, delete-received, sa-deleted, delete-sent, daemon-stop; null otherwise.' },
  tunnelState: { type: 'string', description: "How the tunnel's life ends in the logs (the gateway's when present): idle, negotiating, up, lost, failed." },
  deletedAfterPhase1: { type: 'boolean', description: 'An IKE SA was deleted right after phase 1 completed, before any phase 2 (IKEv1: the other end refused what it checked last, usually the identity).' },
  dpdUnanswered: { type: 'number', description: 'DPD/liveness requests of a side whose tunnel is up, unanswered since the last packet from the other end (up to the end of the log).' },
  failedWhileUp: { type: 'boolean', description: 'A negotiation failed while the tunnel was up: a rekey, or the CHILD_SA of an IKE SA that came up.' },
  deviceTargetAddress: { type: 'string?', description: "The gateway address the device's log negotiates with, when the connection's configuration (DescribeVpnConnection[s]) names another one and no gateway log was read; null otherwise." },
  configuredGatewayAddress: { type: 'string?', description: "The gateway address of the connection's configuration (its tunnel's TunnelIp, or the gateway's InternetIp), when one was given." },
  peerAnswered: { type: 'boolean?', description: 'The other end answered the gateway at least once (null when the gateway log is absent).' },
  furthestExchange: { type: 'number', description: 'IKEv1 main/aggressive-mode message number the gateway got to (0 = none, 6 = phase 1 done).' },
  furthestExchangeV2: { type: 'number', description: 'IKEv2 message number the gateway got to (1 IKE_SA_INIT request … 4 IKE_AUTH response; 0 = none or IKEv1).' },
  ikeVersion: { type: 'number', description: "The IKE version spoken: the gateway's when its log says, else the device's (0 = unknown)." },
  authReached: { type: 'boolean', description: 'The gateway sent (initiator) or awaited (responder) the first encrypted, authenticated message: IKEv1 main-mode 5, IKEv2 IKE_AUTH.' },
  answeredAfterAuth: { type: 'boolean?', description: 'A packet of the peer reached the gateway after that point (null when the gateway log is absent or has no packet lines).' },
  refusedFirstMessage: { type: 'boolean', description: "The gateway initiated and the peer answered its first message, but never with the exchange's next message (a notify: proposal refused)." },
  retransmits: { type: 'number', description: 'Retransmissions seen on both sides.' },
  diffParameters: { type: 'string[]', description: 'ModifyVpnConnectionAttribute parameters with a known cloud/peer difference.' },
  pfsHiddenByFirstChild: { type: 'boolean', description: "The device selected an ESP proposal although one side's lists all carry a DH group and the other's none: IKEv2's first Child SA (negotiated without a key exchange) hid a PFS difference that the first rekey will meet." },
  gatewayChecks: { type: 'string[]', description: 'DiagnoseNames of gateway diagnosis results present.' },
  messages: { type: 'string[]', description: 'Distinct warning/error/event messages (capped), of one side or both.', params: { side: 'cloud | peer (optional)' } },
  eventCount: {
    type: 'number',
    description: 'How many records produced an event (src/parse/events.ts), optionally of one side and with given variables.',
    params: { type: 'event id (required)', side: 'cloud | peer (optional)', vars: 'object of variable → value that must match (optional)' },
  },
  eventVar: { type: 'string?', description: 'The latest value of one variable of an event, or null.', params: { type: 'event id', var: 'variable name', side: 'cloud | peer (optional)' } },
  secondsBetween: {
    type: 'number',
    description: 'Seconds from the first `from` event to the last `to` event (−1 when either is missing): the time-window fact.',
    params: { from: '{type, side?}', to: '{type, side?}' },
  },
  diagnoseLevel: { type: 'string?', description: 'DiagnoseResultLevel (normal | warning | error) of one gateway check, or null.', params: { name: 'DiagnoseName' } },
  diagnoseValue: { type: 'object?', description: 'One decoded key of a gateway check description (e.g. lossRate), or null.', params: { name: 'DiagnoseName', key: 'description key' } },
  diff: { type: 'object?', description: 'The `{parameter, cloud, peer}` difference of one parameter, or null.', params: { parameter: 'ModifyVpnConnectionAttribute parameter' } },
};

// Each parameterised fact with its computation, joined here so the table is the one list.
for (const [name, compute] of Object.entries(DYNAMIC_FACT_COMPUTATIONS)) {
  const spec = FACT_CATALOG[name];
  if (!spec) throw new Error(`dynamic fact ${name} has no catalogue entry`);
  spec.compute = compute;
}

/** The parameterised facts (those with a computation), by name. */
export const DYNAMIC_FACTS: Readonly<Record<string, DynamicFact>> = Object.fromEntries(
  Object.entries(FACT_CATALOG).flatMap(([name, spec]) => (spec.compute ? [[name, spec.compute] as const] : [])),
);

export function isKnownFact(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FACT_CATALOG, name);
}
