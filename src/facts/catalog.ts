// Every fact a rule may name: its type, parameters and meaning. Rule validation rejects unknown
// facts with this list, and docs/rules.md is generated from it.

export type FactType = 'string' | 'string?' | 'number' | 'boolean' | 'boolean?' | 'string[]' | 'number[]' | 'object?';

export interface FactSpec {
  type: FactType;
  description: string;
  /** Parameters a dynamic fact takes (name → meaning). */
  params?: Record<string, string>;
}

export const FACT_CATALOG: Record<string, FactSpec> = {
  subjectId: { type: 'string', description: 'The subject id: tunnel id when known, else connection id (or a peer session id).' },
  mode: { type: 'string', description: '`single` or `dual` (tunnel) mode, `unknown` when no input says.' },
  failedReasonCode: { type: 'string?', description: 'The latest FailedReasonCode from DiagnoseVpnConnections, or null.' },
  failedReasonCodes: { type: 'string[]', description: 'Every FailedReasonCode reported for the subject.' },
  apiSeverity: { type: 'string?', description: 'Severity the API gave (Critical | Warn | Normal), or null.' },
  sides: { type: 'string[]', description: 'Which sides have log records: `cloud`, `peer`.' },
  cloudLogPresent: { type: 'boolean', description: 'Gateway log lines were read for this subject.' },
  peerLogPresent: { type: 'boolean', description: 'Peer-device log lines were read for this subject.' },
  role: { type: 'string', description: 'Role of the gateway in the latest phase-1 attempt: initiator | responder | unknown.' },
  phase1Established: { type: 'boolean', description: 'Phase 1 (IKE SA) was established on either side.' },
  phase2Established: { type: 'boolean', description: 'Phase 2 (IPsec/CHILD SA) was established on either side.' },
  establishedAfterLastFailure: { type: 'boolean', description: 'The latest phase-2 success is later than the latest failure event.' },
  peerAnswered: { type: 'boolean?', description: 'The other end answered the gateway at least once (null when the gateway log is absent).' },
  furthestExchange: { type: 'number', description: 'IKEv1 main/aggressive-mode message number the gateway got to (0 = none, 6 = phase 1 done).' },
  retransmits: { type: 'number', description: 'Retransmissions seen on both sides.' },
  diffParameters: { type: 'string[]', description: 'ModifyVpnConnectionAttribute parameters with a known cloud/peer difference.' },
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

export function isKnownFact(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FACT_CATALOG, name);
}
