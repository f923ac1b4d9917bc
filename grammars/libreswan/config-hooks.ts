// Hooks of the Libreswan catalogue that read what the device has configured or what stage a
// session is in: a first message no connection accepts is an IKE version mismatch when every
// connection the device added speaks the other version; a key-exchange refusal is PFS once the
// IKE SA is up; a hash or an expiry belongs to the phase of its exchange.
import type { LogEvent } from '../../src/types.js';
import type { MatchContext } from '../peer-common/catalog-kit.js';
import { parseColonEndpoint } from '../peer-common/endpoints.js';
import { notifyMapped } from './catalog-hooks.js';

type Hook = (ev: LogEvent, m: RegExpExecArray, cx: MatchContext) => void;

/** No connection takes the first message of IKE version `spoken`: if all the device has are of the other version, say so. */
function versionOrConfig(ev: LogEvent, cx: MatchContext, spoken: 1 | 2): void {
  const versions = cx.versions?.() ?? new Set<number>();
  if (versions.size > 0 && !versions.has(spoken)) {
    ev.type = 'version-unsupported';
    ev.vars['version'] = String(spoken);
  }
}

export const noConnectionV1: Hook = (ev, _m, cx) => {
  const e = parseColonEndpoint(ev.vars['local']);
  if (e) cx.rec.local = e;
  versionOrConfig(ev, cx, 1);
};

export const noConnectionV2: Hook = (ev, _m, cx) => {
  const e = parseColonEndpoint(ev.vars['local']);
  if (e) cx.rec.local = e;
  versionOrConfig(ev, cx, 2);
};

/** A DH group refusal: phase 1 in IKE_SA_INIT, PFS (phase 2) in a CREATE_CHILD_SA of an established SA. */
export const keExchange: Hook = (ev, _m, cx) => {
  if (cx.st.established) {
    cx.rec.phase = 2;
    ev.type = 'pfs-mismatch';
    // The other end guessed `received`; this device requests `requested`.
    if (ev.vars['received']) ev.vars['peer'] = ev.vars['received'];
    if (ev.vars['requested']) ev.vars['my'] = ev.vars['requested'];
  } else cx.rec.phase = 1;
};

export const hashPhase: Hook = (ev, _m, cx) => {
  cx.rec.phase = /quick/i.test(ev.vars['exchange'] ?? '') ? 2 : 1;
};

export const expiredPhase: Hook = (ev, _m, cx) => {
  cx.rec.phase = /^(IKE|ISAKMP)$/.test(ev.vars['what'] ?? '') ? 1 : 2;
};

// Anywhere in the reason: 3.x prefixes it (`ike string error: …`, `esp="…" is invalid: …`). A DH group
// in esp= with pfs=no is refused as a contradiction (3.25+): the PFS setting is what differs.
const REFUSED_ALG = /(?:^|: )(IKE|ESP|AH) (DH|encryption|integrity|PRF) algorithm '?([^' ]+)'? is (?:not (?:supported|recognized)|invalid as PFS policy is disabled)/;

/**
 * `failed to add connection: IKE DH algorithm 'modp1024' is not supported` (Libreswan 4 dropped
 * MODP1024 and weaker by default): the device has no connection, and the value it was asked to use.
 */
export const configRefused: Hook = (ev) => {
  const m = REFUSED_ALG.exec(ev.vars['why'] ?? '');
  if (!m) {
    ev.vars['kind'] = 'other';
    return;
  }
  const [, proto, what, value] = m as unknown as [string, string, string, string];
  const ike = proto === 'IKE';
  const parameter = what === 'DH' ? (ike ? 'IkePfs' : 'IpsecPfs') : what === 'encryption' ? (ike ? 'IkeEncAlg' : 'IpsecEncAlg') : ike ? 'IkeAuthAlg' : 'IpsecAuthAlg';
  ev.vars['kind'] = ike ? 'ike' : what === 'DH' ? 'pfs' : 'esp';
  if (/invalid as PFS policy is disabled/.test(ev.vars['why'] ?? '')) ev.vars['contradiction'] = 'pfs-disabled';
  ev.vars['parameter'] = parameter;
  ev.vars['value'] = value;
};

/** The error notify of an IKE_AUTH response: the IKE SA's (AUTHENTICATION_FAILED) or the Child SA's. */
export const ikeAuthRefusal: Hook = (ev, m, cx) => {
  const type = (ev.vars['notify'] ?? '').replace(/^v2N_/, '');
  cx.rec.phase = type === 'AUTHENTICATION_FAILED' ? 1 : 2;
  notifyMapped('received')(ev, m, cx);
};

/** `deleting incomplete state after N seconds`: a negotiation that never finished (phase from the state prefix). */
export const incomplete: Hook = (_ev, _m, cx) => {
  if (cx.st.established) cx.rec.phase = 2;
};
