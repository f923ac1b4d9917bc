// The parameter-level difference between two normalised proposal lists (the cloud's offer and the
// device's configuration), and the event variables that carry proposal lists. Event variables are
// strings, so lists travel as JSON.
import { PROPOSAL_PARAMS, parseProposalList, proposalPhase, type NormalizedProposal, type ProposalParam, type ProposalProtocol } from './proposals.js';

export interface ProposalDiff {
  parameter: ProposalParam;
  cloud?: string;
  peer?: string;
}

function differences(a: NormalizedProposal, b: NormalizedProposal): ProposalDiff[] {
  const out: ProposalDiff[] = [];
  for (const p of PROPOSAL_PARAMS) {
    const x = a[p];
    const y = b[p];
    if (x !== undefined && y !== undefined && x !== y) out.push({ parameter: p, cloud: x, peer: y });
  }
  return out;
}

/**
 * The closest pair's differences: for every alternative the cloud offers and every one the device
 * accepts, the pair differing in the fewest parameters wins. Empty when a pair agrees (or a side is
 * unknown): nothing to change.
 */
export function diffProposals(cloud: NormalizedProposal[], peer: NormalizedProposal[]): ProposalDiff[] {
  let best: ProposalDiff[] | undefined;
  for (const c of cloud) {
    for (const p of peer) {
      const d = differences(c, p);
      if (d.length === 0) return [];
      if (!best || d.length < best.length) best = d;
    }
  }
  return best ?? [];
}

/** Event variables for a proposal line: raw text, phase and the normalised list as JSON. */
export function proposalVars(raw: string, hint?: ProposalProtocol): { vars: Record<string, string>; list: NormalizedProposal[]; phase: 1 | 2 } {
  const phase = proposalPhase(raw);
  const list = parseProposalList(raw, hint ?? (phase === 2 ? 'ESP' : 'IKE'));
  return { vars: { proposals: raw, phase: String(phase), normalized: JSON.stringify(list) }, list, phase };
}

/** Reads back a `normalized`/`received`/`configured` event variable. */
export function readProposalVar(json: string | undefined): NormalizedProposal[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as NormalizedProposal[]) : [];
  } catch {
    return [];
  }
}

/** The two lists a refusal is about, as event variables (normalised and as the daemon printed them). */
export function putProposalLists(vars: Record<string, string>, received: { raw: string; list: NormalizedProposal[] } | undefined, configured: { raw: string; list: NormalizedProposal[] } | undefined): void {
  if (received) {
    vars['received'] = JSON.stringify(received.list);
    vars['receivedRaw'] = received.raw;
  }
  if (configured) {
    vars['configured'] = JSON.stringify(configured.list);
    vars['configuredRaw'] = configured.raw;
  }
}
