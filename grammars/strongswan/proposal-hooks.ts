// Hooks of the strongSwan catalogue that read proposal lists: `received|configured|selected
// proposals:` lines (and lists pasted without their lead) into the event and the session, the
// refusal that compares them, and the transform a refusal names.
import type { LogEvent } from '../../src/types.js';
import type { MatchContext } from '../peer-common/catalog-kit.js';
import type { SeenProposals } from '../peer-common/session-state.js';
import { diffProposals, proposalVars, putProposalLists } from '../peer-common/proposal-diff.js';

type Hook = (ev: LogEvent, m: RegExpExecArray, cx: MatchContext) => void;

/** `received|configured|selected proposals: …` → normalised list in the event and the state. */
export function proposals(kind: 'received' | 'configured' | 'selected'): Hook {
  return (ev, m, cx) => {
    const raw = m[1]!.trim();
    const p = proposalVars(raw);
    Object.assign(ev.vars, p.vars);
    cx.rec.phase = p.phase;
    if (kind !== 'selected') cx.st[kind] = { raw, phase: p.phase, list: p.list };
  };
}

/**
 * A proposal list pasted without its lead (Alibaba's FAQ quotes `ESP:AES_CBC_256/…/NO_EXT_SEQ` lines
 * alone). charon logs the other end's offer before its own, so the first such list is taken as the
 * received one and the next as the configured one; a list that ends in a comma goes on on the next line.
 */
export const bareProposals: Hook = (ev, m, cx) => {
  const last = cx.st.bareList;
  const kind = last?.open ? last.kind : last?.kind === 'received' ? 'configured' : 'received';
  const text = m[1]!.trim();
  const raw = last?.open && cx.st[kind] ? `${cx.st[kind].raw}, ${text}` : text;
  cx.st.bareList = { kind, open: /,\s*$/.test(m[0]) };
  ev.type = kind === 'received' ? 'proposal-received' : 'proposal-configured';
  ev.vars['inferred'] = 'list-order';
  proposals(kind)(ev, [raw, raw] as unknown as RegExpExecArray, cx);
};

/** Adds what the session saw of both proposal lists, and their diff, to a no-proposal event. */
export const noProposal: Hook = (ev, _m, cx) => {
  // Proposals of another phase (the IKE offer logged before a quick-mode refusal) say nothing here.
  const samePhase = (p: SeenProposals | undefined): SeenProposals | undefined => (p && (!cx.rec.phase || !p.phase || p.phase === cx.rec.phase) ? p : undefined);
  const received = samePhase(cx.st.received);
  const configured = samePhase(cx.st.configured);
  putProposalLists(ev.vars, received, configured);
  // The device logs the other end's offer as "received": that side is the cloud.
  if (received && configured) ev.vars['diff'] = JSON.stringify(diffProposals(received.list, configured.list));
  cx.rec.phase ??= received?.phase ?? configured?.phase ?? (cx.st.established ? 2 : 1);
};

const TRANSFORM_KIND: Readonly<Record<string, string>> = {
  ENCRYPTION_ALGORITHM: 'enc',
  INTEGRITY_ALGORITHM: 'integ',
  PSEUDO_RANDOM_FUNCTION: 'prf',
  DIFFIE_HELLMAN_GROUP: 'dh',
  KEY_EXCHANGE_METHOD: 'dh',
  EXTENDED_SEQUENCE_NUMBERS: 'esn',
};

export const transform: Hook = (ev) => {
  const t = ev.vars['transform'] ?? '';
  ev.vars['kind'] = TRANSFORM_KIND[t] ?? (t.startsWith('ADDITIONAL_KEY_EXCHANGE') ? 'dh' : 'unknown');
};
