// What a racoon2 message means once its template matched, where the words alone do not say it:
// an IKEv2 state change is the start, the establishment or the end of an IKE SA; a received
// notify that rejects our exchange names the failure; a "remote address mismatched" that differs
// only in the port is NAT-T floating, not another peer. Pure: reads the record, sets its event.
import type { LogRecord } from '../../src/types.js';
import { eventForNotify } from '../peer-common/catalog-kit.js';

/** IKEv2 states (ikev2_set_state) → the number of the IKE message the exchange had reached. */
export const IKEV2_STATE_STEP: Readonly<Record<string, number>> = {
  IDLING: 0,
  INI_IKE_SA_INIT_SENT: 1,
  RES_IKE_SA_INIT_SENT: 2,
  INI_IKE_AUTH_SENT: 3,
  RES_IKE_AUTH_RCVD: 3,
  INI_IKE_AUTH_RCVD: 4,
  ESTABLISHED: 4,
};

function refineState(rec: LogRecord): void {
  const ev = rec.event!;
  const { from = '', to = '' } = ev.vars;
  rec.ikeVersion = 2;
  const step = IKEV2_STATE_STEP[to];
  if (step !== undefined) ev.vars['step'] = String(step);
  if (from === 'IDLING' && to === 'INI_IKE_SA_INIT_SENT') {
    ev.type = 'p1-start';
    ev.vars['role'] = 'initiator';
  } else if (from === 'IDLING' && to === 'RES_IKE_SA_INIT_SENT') {
    ev.type = 'p1-start';
    ev.vars['role'] = 'responder';
  } else if (to === 'ESTABLISHED') {
    ev.type = 'p1-established';
  } else if (to === 'DYING' && from === 'ESTABLISHED') {
    ev.type = 'sa-deleted';
    ev.vars['what'] = 'IKE_SA';
  } else if (to === 'DYING') {
    // The negotiation ended before the IKE SA was up, in the state it had reached.
    ev.type = 'p1-failed';
    ev.vars['state'] = from;
  }
}

/** A notify the other end sent that ends our exchange: the event that names its meaning. */
function refineNotify(rec: LogRecord): void {
  const ev = rec.event!;
  const type = ev.vars['type'];
  if (!type || ev.vars['direction'] !== 'received') return;
  const meaning = eventForNotify(type);
  if (meaning === 'notify') return;
  ev.type = meaning;
  // IKEv1 INVALID-ID-INFORMATION in phase 1 is about the identity, in phase 2 the selectors.
  if (meaning === 'ts-unacceptable' && rec.phase === 1 && rec.ikeVersion !== 2) ev.type = 'id-mismatch';
  if (meaning === 'ts-unacceptable' && !rec.phase) rec.phase = 2;
}

/** DPD notify codes (RFC 3706): the other end's probe, and its answer to ours. */
const R_U_THERE = '36136';
const R_U_THERE_ACK = '36137';

/** `no proposal chosen` is the same text in IKE_SA_INIT and CREATE_CHILD_SA: the function says which. */
function phaseFromFunction(rec: LogRecord): void {
  const f = rec.func ?? '';
  if (/child/.test(f)) rec.phase = 2;
  else if (/state0|sa_init|ike_sa_auth|rekey_ikesa/.test(f)) rec.phase = 1;
}

function samePeer(a: string | undefined, b: string | undefined): boolean {
  const ip = (x: string | undefined): string | undefined => x?.replace(/\[\d+\]$/, '');
  return !!a && !!b && ip(a) === ip(b);
}

export function refineEvent(rec: LogRecord): void {
  const ev = rec.event;
  if (!ev) return;
  if (ev.type === 'sa-state') refineState(rec);
  else if (ev.type === 'notify' && ev.vars['code'] === R_U_THERE_ACK) ev.type = 'dpd-ack';
  else if (ev.type === 'notify' && ev.vars['code'] === R_U_THERE) ev.vars['type'] = 'R_U_THERE';
  else if (ev.type === 'notify') refineNotify(rec);
  else if (ev.type === 'no-proposal' && !rec.phase) phaseFromFunction(rec);
  // An IKE_AUTH response without IDr/AUTH carries only an error notify (TRACE-level, not logged):
  // in practice AUTHENTICATION_FAILED. An IKE_SA_INIT response without SA/KE is the notify the line
  // before already named.
  else if (ev.type === 'payload-missing' && rec.func === 'initiator_ike_sa_auth_recv0' && /^(IDr|AUTH)$/.test(ev.vars['payload'] ?? '')) {
    ev.type = 'auth-failed';
    ev.vars['reason'] = 'peer-rejected-ike-auth';
    ev.vars['direction'] = 'received';
    rec.phase = 1;
  } else if (ev.type === 'payload-missing' && rec.func === 'initiator_ike_sa_init_recv') rec.event = undefined;
  // isakmp_ph1begin_r is the IKEv1 responder: the request that found no configuration was IKEv1.
  else if (ev.type === 'no-config' && rec.func === 'isakmp_ph1begin_r') ev.vars['version'] = '1';
  else if (ev.type === 'peer-address-unexpected' && samePeer(ev.vars['expected'], ev.vars['address'])) rec.event = undefined;
}
