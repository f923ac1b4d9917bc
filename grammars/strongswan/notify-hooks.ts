// Hooks of the strongSwan catalogue that read notifies: the message lines (`parsed|generating
// EXCHANGE request N [ payloads ]`) with their error notifies, the `received X error notify` lines,
// and what a refusal says about the phase and the IKEv1 mode.
import type { LogEvent } from '../../src/types.js';
import type { MatchContext } from '../peer-common/catalog-kit.js';
import { eventForNotify, markAggressiveRefused } from '../peer-common/catalog-kit.js';
import { isErrorNotify, notifyName } from '../peer-common/events.js';
import { noProposal } from './proposal-hooks.js';

type Hook = (ev: LogEvent, m: RegExpExecArray, cx: MatchContext) => void;

export const CHILD_ERRORS = new Set(['NO_PROPOSAL_CHOSEN', 'TS_UNACCEPTABLE', 'INVALID_SELECTORS', 'SINGLE_PAIR_REQUIRED', 'NO_ADDITIONAL_SAS', 'INTERNAL_ADDRESS_FAILURE', 'FAILED_CP_REQUIRED']);
const V1_EXCHANGES = new Set(['ID_PROT', 'AGGRESSIVE', 'QUICK_MODE', 'INFORMATIONAL_V1', 'TRANSACTION']);
export const PHASE2_EXCHANGES = new Set(['QUICK_MODE', 'CREATE_CHILD_SA']);

/**
 * `received AUTHENTICATION_FAILED error notifyed`: Alibaba's FAQ gives this spelling for main and
 * aggressive mode configured differently, not for a wrong key; the notify stays a plain notify
 * (with its wording) so that the rule reading that spelling decides.
 */
export const notifyWording: Hook = (ev, m, cx) => {
  notifyError(ev, m, cx);
  if (ev.vars['notify'] !== 'AUTHENTICATION_FAILED') return;
  ev.type = 'notify';
  ev.vars['type'] = 'AUTHENTICATION_FAILED';
  cx.rec.phase = 1;
};

/**
 * AUTHENTICATION_FAILED answering this end's aggressive-mode offer before any key existed (not in
 * an informational protected by HASH): the other end refused the exchange itself — strongSwan
 * refuses aggressive mode with a pre-shared key unless allowed — since a wrong key would have
 * shown here first, when this end checked the responder's HASH.
 */
function aggressiveRefused(cx: MatchContext, protectedMessage: boolean): boolean {
  return cx.st.initiatedMode === 'aggressive' && !cx.st.established && !protectedMessage && !cx.st.ownAuthFailure && !cx.st.protectedInfo;
}

/**
 * AUTHENTICATION_FAILED after this end verified the other's authentication: with the key proven
 * the same on both ends, what the other end refused is an identity (its ID for this end, an EAP
 * identity), not the key.
 */
function refusedAfterAuthentication(ev: LogEvent, cx: MatchContext): boolean {
  if (!cx.st.peerAuthOk || cx.st.established) return false;
  ev.type = 'id-mismatch';
  ev.vars['reason'] = 'refused-after-authentication';
  cx.rec.phase = 1;
  return true;
}

export const notifyError: Hook = (ev, m, cx) => {
  const type = notifyName(ev.vars['notify']!);
  ev.vars['notify'] = type;
  ev.type = eventForNotify(type);
  if (type === 'AUTHENTICATION_FAILED' && ev.vars['direction'] === 'received' && refusedAfterAuthentication(ev, cx)) return;
  if (type === 'AUTHENTICATION_FAILED' && ev.vars['direction'] === 'received' && aggressiveRefused(cx, false)) {
    markAggressiveRefused(ev);
    cx.rec.phase = 1;
    return;
  }
  if (ev.type === 'notify') ev.vars['type'] = type;
  if (ev.type === 'ts-unacceptable') cx.rec.phase = 2;
  // The other end refused what this end sent last: once the IKE SA is up, that is phase 2.
  cx.rec.phase ??= cx.st.established ? 2 : 1;
  if (ev.type === 'no-proposal') noProposal(ev, m, cx);
  if (ev.type === 'mode-not-acceptable') modeRefused(ev, m, cx);
};

function notifiesOf(payloads: string): string[] {
  const out: string[] = [];
  for (const m of payloads.matchAll(/\bN\(\(?(\w+)\)?\)/g)) out.push(notifyName(m[1]!));
  return out;
}

/** `generating|parsed EXCHANGE request|response N [ payloads ]`: version, exchange, error notifies. */
function message(direction: 'sent' | 'received'): Hook {
  return (ev, _m, cx) => {
    const { exchange = '', kind = '', msgid = '', payloads = '' } = ev.vars;
    const ownRefusal = cx.st.failedSinceMessage === true;
    cx.st.failedSinceMessage = false;
    cx.st.messages = (cx.st.messages ?? 0) + 1;
    if (direction === 'sent') cx.st.lastOut = { exchange, kind, msgid, payloads };
    else {
      // NAT detection is offered in IKE_SA_INIT (IKEv2) or with the key exchange (IKEv1 main mode 3/4).
      if (exchange === 'IKE_SA_INIT' || ((exchange === 'ID_PROT' || exchange === 'AGGRESSIVE') && /\bKE\b/.test(payloads))) cx.st.peerNatT = /NAT-D|NATD_S_IP/.test(payloads);
      if (cx.st.lastRecv) cx.st.lastRecv.parsed = true;
      cx.st.lastIn = msgid;
    }
    const v = V1_EXCHANGES.has(exchange) ? 1 : 2;
    cx.rec.ikeVersion = v;
    cx.st.ikeVersion = v;
    if (direction === 'sent' && kind === 'request') cx.st.lastRequest = exchange;
    const notifies = notifiesOf(payloads);
    if (direction === 'received' && exchange === 'INFORMATIONAL_V1' && /^HASH\b/.test(payloads)) cx.st.protectedInfo = true;
    if (direction === 'received' && (notifies.includes('DPD_R_U_THERE_ACK') || notifies.includes('DPD_ACK') || (cx.st.dpdPending && exchange === 'INFORMATIONAL' && kind === 'response'))) {
      cx.st.dpdPending = false;
      ev.type = 'dpd-ack';
      return;
    }
    const error = notifies.find(isErrorNotify);
    if (!error) return;
    // What this end sends next answers the other end's refusal (`IDr payload missing` → AUTH_FAILED).
    if (direction === 'received') cx.st.failedSinceMessage = true;
    ev.type = 'notify';
    ev.vars['type'] = error;
    ev.vars['direction'] = direction;
    // In IKE_AUTH only AUTHENTICATION_FAILED is about the IKE SA: a proposal or selector refusal
    // there is the CHILD_SA's (IKEv2 negotiated the IKE proposal in IKE_SA_INIT).
    const childError = exchange === 'IKE_AUTH' && CHILD_ERRORS.has(error);
    // An IKEv1 informational that opens with HASH is protected by the ISAKMP SA: its keys work on
    // both ends, so a proposal refused in it is quick mode's (phase 1's is sent in the clear).
    const protectedV1 = exchange === 'INFORMATIONAL_V1' && /^HASH\b/.test(payloads) && CHILD_ERRORS.has(error);
    if (protectedV1) cx.st.established = true;
    if (error === 'TS_UNACCEPTABLE' || error === 'INVALID_ID_INFORMATION' || PHASE2_EXCHANGES.has(exchange) || childError || protectedV1) cx.rec.phase = 2;
    else if (error === 'AUTHENTICATION_FAILED' || exchange === 'IKE_SA_INIT' || exchange === 'ID_PROT' || exchange === 'AGGRESSIVE') cx.rec.phase = 1;
    else cx.rec.phase = cx.st.established ? 2 : 1;
    // The other end's refusal names the failure. The device's own refusals are logged on their own
    // lines — except at log level 0, where the notify it sends is all that is left of them.
    // IKEv1 sends every refusal as an INFORMATIONAL_V1 request.
    if ((direction === 'received' && (kind === 'response' || exchange === 'INFORMATIONAL_V1')) || (direction === 'sent' && !ownRefusal)) {
      const meaning = eventForNotify(error);
      if (meaning !== 'notify') ev.type = meaning;
      if (error === 'AUTHENTICATION_FAILED' && direction === 'received' && refusedAfterAuthentication(ev, cx)) return;
      if (error === 'AUTHENTICATION_FAILED' && direction === 'received' && exchange === 'INFORMATIONAL_V1' && aggressiveRefused(cx, /\bHASH\b/.test(payloads))) {
        markAggressiveRefused(ev);
        return;
      }
      if (meaning === 'mode-not-acceptable' && direction === 'received') modeRefused(ev, _m, cx);
      if (direction === 'sent' && meaning !== 'notify') ev.vars['inferred'] = 'notify-sent';
    }
  };
}

export const messageOut = message('sent');
export const messageIn = message('received');

/** The other end refused the IKEv1 exchange type this end asked for: the mode it used is the device's. */
export const modeRefused: Hook = (ev, _m, cx) => {
  cx.rec.phase = 1;
  const asked = cx.st.lastRequest;
  if (asked === 'AGGRESSIVE') ev.vars['mode'] = 'aggressive';
  else if (asked === 'ID_PROT') ev.vars['mode'] = 'main';
};
