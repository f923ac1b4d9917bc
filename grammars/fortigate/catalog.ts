// FortiGate `diagnose debug application ike -1` message templates → typed events, indexed by first
// word. Message shapes as Fortinet's documentation and troubleshooting articles show them (FortiOS
// 6.x and 7.x); the hooks in catalog-hooks.ts keep the per-IKE-SA state the events need.
import { T, type Catalog } from '../peer-common/catalog-kit.js';
import * as H from './catalog-hooks.js';

const V1 = { v: 1 as const };
const V2 = { v: 2 as const };

export const FORTIGATE_CATALOG: Catalog = {
  byFirstWord: {
    comes: [T('packet-received', /^comes (\S+?):(\d+)->(\S+?):(\d+)(?:,|\.{3}|$)/, ['fromIp', 'fromPort', 'toIp', 'toPort'], { then: H.packetIn })],
    sent: [T('packet-sent', /^sent IKE msg \(([\w-]+)\): (\S+?):(\d+)->(\S+?):(\d+),/, ['label', 'fromIp', 'fromPort', 'toIp', 'toPort'], { then: H.packetOut })],
    IKEv1: [T(null, /^IKEv(1) exchange=/, ['version'], { then: H.version })],
    IKEv2: [T(null, /^IKEv(2) exchange=/, ['version'], { then: H.version })],
    incoming: [
      T(null, /^incoming child SA proposal:?$/, undefined, { ...V2, then: H.open('received', true) }),
      T(null, /^incoming proposal:?$/, undefined, { then: H.open('received') }),
    ],
    my: [T(null, /^my proposal(?:, gw (\S+?))?:?$/, ['gateway'], { then: H.open('configured') })],
    no: [
      T('no-proposal', /^no SA proposal chosen/, undefined, { then: H.noProposal }),
      T('no-proposal', /^no proposal chosen/, undefined, { then: H.noProposal }),
      T('no-proposal', /^no (?:suitable|matching) proposal found/, undefined, { then: H.noProposal }),
      T('ts-unacceptable', /^no matching phase2 found/, undefined, { phase: 2, then: H.tsHook }),
      T('no-config', /^no (?:matching )?gateway (?:found|matched)?/, undefined, { phase: 1, fixed: { why: 'no-gateway-matched' } }),
    ],
    peer: [
      T('no-proposal', /^peer SA proposal not match local policy/, undefined, { then: H.noProposal }),
      T(null, /^peer identifier (\S+) (.+)$/, ['idType', 'id'], { then: H.rememberPeerId }),
      T('id-mismatch', /^peer ID (?:mismatch|does not match)/i, undefined, { then: H.idMismatch }),
      T(null, /^peer proposal is: peer:(\S+), me:(\S+)/, ['peerTs', 'myTs'], { ...V1, then: H.rememberV1Ts }),
    ],
    gw: [T('id-mismatch', /^gw validation failed/, undefined, { fixed: { reason: 'peer-id' }, then: H.idMismatch })],
    PSK: [T('auth-failed', /^PSK auth failed: probable pre-shared key mismatch/, undefined, { ...V2, phase: 1, fixed: { reason: 'psk' } })],
    probable: [T('auth-failed', /^probable pre-shared (?:secret|key) mismatch/, undefined, { phase: 1, fixed: { reason: 'psk' } })],
    auth: [T('auth-failed', /^auth verify (?:failed|error)/, undefined, { phase: 1 })],
    failed: [
      T('ts-unacceptable', /^failed to match peer selectors/, undefined, { then: H.tsHook }),
      T('ts-unacceptable', /^failed to get responder proposal/, undefined, { ...V1, then: H.tsHook }),
    ],
    phase2: [T('ts-narrowed', /^phase2 matched by subset/, undefined, { phase: 2, then: H.tsHook })],
    received: [T('notify', /^received notify type ([\w-]+)/, ['type'], { ...V2, then: H.notifyIn })],
    // FortiOS 7: `processing notify type NO_PROPOSAL_CHOSEN` then `received SA_INIT error notify response, abort`.
    processing: [T('notify', /^processing notify type ([\w-]+)/, ['type'], { ...V2, then: H.notifyIn })],
    notify: [T('notify', /^notify msg received: ([\w-]+)/, ['type'], { ...V1, then: H.notifyIn })],
    negotiation: [
      // IKEv2: the other end's proposal as FortiOS read it, before it says whether it matches.
      T(null, /^negotiation result:?$/, undefined, { then: H.open('received') }),
      T('p1-timeout', /^negotiation timeout/, undefined, { then: H.timeout }),
      T(null, /^negotiation failure/, undefined, { then: H.generic }),
    ],
    could: [T(null, /^could not negotiate/, undefined, { then: H.generic })],
    // IKEv1 prints `responder: main mode …` (the first word keeps its colon), IKEv2 `responder received …`.
    'responder:': [T('p1-start', /^responder: (main|aggressive) mode get 1st message/, ['mode'], { phase: 1, fixed: { role: 'responder' }, then: H.roleStart })],
    'initiator:': [T('p1-start', /^initiator: (main|aggressive) mode is sending 1st message/, ['mode'], { phase: 1, fixed: { role: 'initiator' }, then: H.roleStart })],
    responder: [
      T('p1-start', /^responder received SA_INIT msg/, undefined, { phase: 1, fixed: { role: 'responder' }, then: H.roleStart }),
      T('p2-start', /^responder received (?:first quick-mode message|CREATE_CHILD_SA)/, undefined, { phase: 2, fixed: { role: 'responder' } }),
    ],
    established: [T('p1-established', /^established IKE SA (\S+)/, ['spi'], { then: H.up })],
    added: [T('p2-established', /^added IPsec SA: SPIs=(\S+)/, ['spi'], { phase: 2 })],
    SA: [T('proposal-selected', /^SA proposal chosen, matched gateway (\S+)/, ['gateway'], { ...V1, phase: 1 })],
    matched: [T('proposal-selected', /^matched proposal id (\d+)/, ['id'], { then: H.setPhase })],
    NAT: [
      T('nat-detected', /^NAT detected: (.+)$/, ['who']),
      T(null, /^NAT-T float port (\d+)/, ['port']),
    ],
    recv: [
      T('delete-received', /^recv (ISAKMP SA|IKE SA|IPsec SA) delete/, ['what'], { then: H.deleteIn }),
      T('dpd-ack', /^recv DPD ACK/i),
    ],
    send: [T('delete-sent', /^send (ISAKMP SA|IKE SA|IPsec SA) delete/, ['what'], { then: H.deleteIn })],
    ignoring: [
      T('no-config', /^ignoring request to establish IPsec SA, no policy configured/, undefined, { phase: 2, fixed: { why: 'no-policy' } }),
      T('passive-mode', /^ignoring (?:IKE request|request to establish IPsec SA), (?:gateway is in )?passive mode/, undefined, { phase: 1 }),
    ],
    connection: [T('sa-expired', /^connection expiring due to phase1 down/, undefined, { phase: 1 })],
    DPD: [T('dpd-dead', /^DPD (?:peer|timed out|dead)/i, undefined, { phase: 1 })],
  },
  floating: [
    // `TSi_0 0:10.0.0.0-10.0.0.255:0`: the first word carries the selector's index.
    { keyword: 'TSi_', template: T(null, /^(TSi)_\d+ (\S+)/, ['which', 'ts'], { ...V2, then: H.rememberTs }) },
    { keyword: 'TSr_', template: T(null, /^(TSr)_\d+ (\S+)/, ['which', 'ts'], { ...V2, then: H.rememberTs }) },
    { keyword: 'Network is unreachable', template: T('send-failed', /(?:sendto|send_raw|send) failed: Network is unreachable|Network is unreachable/, undefined, { phase: 1, fixed: { why: 'network-unreachable', reason: 'Network is unreachable' } }) },
    { keyword: 'TS_UNACCEPTABLE', template: T('ts-unacceptable', /TS_UNACCEPTABLE/, undefined, { then: H.tsHook }) },
    { keyword: 'no policy configured', template: T('no-config', /no policy configured/, undefined, { phase: 2, fixed: { why: 'no-policy' } }) },
    { keyword: 'passive mode', template: T('passive-mode', /passive mode/, undefined, { phase: 1 }) },
    { keyword: 'probable pre-shared', template: T('auth-failed', /probable pre-shared (?:key|secret) mismatch/, undefined, { phase: 1, fixed: { reason: 'psk' } }) },
  ],
};
