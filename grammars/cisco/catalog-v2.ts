// `debug crypto ikev2` message templates (IOS / IOS-XE, and the ASA's IKEv2 debug, which prints
// the same protocol lines) → typed events: the text after `IKEv2:(SESSION ID = 1,SA ID = 1):`.
// Shapes as Cisco's IKEv2 debug troubleshooting notes show them.
import { T, type Catalog } from '../peer-common/catalog-kit.js';
import * as H from './hooks.js';
import { exchange, packet, policies, v2Abort } from './hooks-v2.js';

const V2 = { v: 2 as const };

export const IKEV2_CATALOG: Catalog = {
  byFirstWord: {
    Received: [
      T('packet-received', /^Received Packet \[From (\S+?):(\d+)\/To (\S+?):(\d+)/, ['peer', 'peerPort', 'me', 'myPort'], { ...V2, then: packet('in') }),
      // ASA: `Received Policies:` / `Expected Policies:`, each followed by `Proposal N: …` lines.
      T(null, /^Received Policies:/, undefined, { ...V2, then: policies('received') }),
    ],
    Expected: [T(null, /^Expected Policies:/, undefined, { ...V2, then: policies('configured') })],
    Sending: [
      T('packet-sent', /^Sending Packet \[To (\S+?):(\d+)\/From (\S+?):(\d+)/, ['peer', 'peerPort', 'me', 'myPort'], { ...V2, then: packet('out') }),
      T('auth-failed', /^Sending AUTHENTICATION_FAILED notify/, undefined, { ...V2, phase: 1, fixed: { reason: 'psk', direction: 'sent' } }),
    ],
    IKE_SA_INIT: [T(null, /^(IKE_SA_INIT) Exchange (REQUEST|RESPONSE)/, ['exchange', 'kind'], { ...V2, then: exchange })],
    IKE_AUTH: [T(null, /^(IKE_AUTH) Exchange (REQUEST|RESPONSE)/, ['exchange', 'kind'], { ...V2, then: exchange })],
    CREATE_CHILD_SA: [T(null, /^(CREATE_CHILD_SA) Exchange (REQUEST|RESPONSE)/, ['exchange', 'kind'], { ...V2, then: exchange })],
    INFORMATIONAL: [T(null, /^(INFORMATIONAL) Exchange (REQUEST|RESPONSE)/, ['exchange', 'kind'], { ...V2, then: exchange })],
    Retransmitting: [T('retransmit', /^Retransmitting packet/, undefined, { ...V2, then: H.retransmit('first') })],
    Maximum: [T('retransmit-limit', /^Maximum number of retransmissions reached/i, undefined, { ...V2, then: giveUp })],
    Max: [T('retransmit-limit', /^Max retransmission count reached/i, undefined, { ...V2, then: giveUp })],
    Failed: [
      T('auth-failed', /^Failed to verify the peer's authentication data/, undefined, { ...V2, phase: 1, fixed: { reason: 'psk' } }),
      T('no-proposal', /^Failed to find a matching (?:proposal|policy)/, undefined, { ...V2, then: H.noProposal }),
      T('id-mismatch', /^Failed to locate an item in the database/, undefined, { ...V2, then: idLookup }),
    ],
    Verification: [T('auth-failed', /^Verification of peer's authentication data FAILED/i, undefined, { ...V2, phase: 1, fixed: { reason: 'psk' } })],
    Searching: [T(null, /^Searching policy based on peer's identity '(.+?)' of type '(.+?)'/, ['id', 'idType'], { ...V2, then: H.idSeen })],
    There: [T('ts-unacceptable', /^There was no IPSEC policy found for received TS/, undefined, { ...V2, then: H.tsHook })],
    Session: [T('p1-established', /^Session with IKE ID PAIR \((.+?), (.+?)\) is UP/, ['remoteId', 'localId'], { ...V2, then: H.up })],
    Negotiation: [T(null, /^Negotiation aborted due to ERROR: (.+)$/, ['reason'], { ...V2, then: v2Abort })],
  },
  floating: [
    { keyword: 'NO_PROPOSAL_CHOSEN', template: T('no-proposal', /(?:Received|received) (?:a )?NO_PROPOSAL_CHOSEN/, undefined, { ...V2, fixed: { direction: 'received' }, then: H.setPhase }) },
    { keyword: 'TS_UNACCEPTABLE', template: T('ts-unacceptable', /(?:Received|received) (?:a )?TS_UNACCEPTABLE/, undefined, { ...V2, then: H.tsHook }) },
    { keyword: 'AUTHENTICATION_FAILED', template: T('auth-failed', /(?:Received|received) (?:an? )?AUTHENTICATION_FAILED/, undefined, { ...V2, phase: 1, fixed: { reason: 'psk', direction: 'received' } }) },
  ],
};

/** Retransmissions exhausted: what was last sent says whether the other end never answered at all. */
function giveUp(ev: Parameters<H.Hook>[0], m: RegExpExecArray, cx: Parameters<H.Hook>[2]): void {
  H.retransmit('first')(ev, m, cx);
  ev.type = cx.st.established ? 'p2-timeout' : 'retransmit-limit';
}

/** The profile lookup by the other end's identity failed: an identity the device does not expect. */
function idLookup(ev: Parameters<H.Hook>[0], m: RegExpExecArray, cx: Parameters<H.Hook>[2]): void {
  if (cx.st.established) {
    ev.type = '';
    return;
  }
  H.idMismatch(ev, m, cx);
}
