// A PFS difference the first Child SA hides. IKEv2 negotiates the first Child SA inside IKE_AUTH
// without a key exchange, so a device (strongSwan) selects an ESP proposal with the DH groups left
// out and the tunnel comes up; the first CREATE_CHILD_SA rekey then fails, one end requiring a key
// exchange the other does not offer. Read from the ESP lists the device logged around a selection
// (`received proposals` = the gateway's offer, `configured proposals` = the device's own). IKEv1
// never hides it: quick mode carries the KE, and the refusal comes at once.
import type { Evidence } from '../types.js';
import type { SubjectAccumulator } from './subject.js';
import { refEvidence, type EventTally } from './evidence-store.js';
import { parseList } from './json-list.js';

export interface HiddenPfs {
  /** The gateway's IpsecPfs as its offer shows it (`disabled` or the group(s)). */
  cloud: string;
  /** The device's, from its configured proposals. */
  peer: string;
  evidence: Evidence[];
}

/** The IpsecPfs values of a tally's phase-2 lists (undefined when it has none). */
function espPfs(t: EventTally | undefined): Set<string> | undefined {
  if (!t) return undefined;
  const out = new Set<string>();
  for (const c of t.combos) {
    if (c.vars['phase'] !== '2') continue;
    for (const p of parseList(c.vars['normalized'])) if (typeof p['IpsecPfs'] === 'string') out.add(p['IpsecPfs']);
  }
  return out.size > 0 ? out : undefined;
}

const NONE = 'disabled';
const onlyNone = (s: Set<string>): boolean => s.size === 1 && s.has(NONE);
const allGroups = (s: Set<string>): boolean => !s.has(NONE);

/**
 * The hidden difference, when the device selected an ESP proposal while one side's lists all carry
 * a DH group and the other's none; undefined otherwise (lists that overlap in PFS agree on it).
 */
export function hiddenPfs(acc: SubjectAccumulator): HiddenPfs | undefined {
  // IKEv1 (the device's version, else the gateway's) refuses the difference at once. With no
  // version known (a paste of the selection alone), a selection that ignored a DH group is IKEv2's.
  const versions = acc.ikeVersions.peer.size > 0 ? acc.ikeVersions.peer : acc.ikeVersions.cloud;
  if (versions.has(1)) return undefined;
  // Once a phase-2 proposal was refused (the rekey), the difference is not hidden any more.
  if (acc.store.count('no-proposal', 'peer', { phase: '2' }) > 0) return undefined;
  const selected = acc.store.get('peer', 'proposal-selected');
  if (!selected || !selected.combos.some((c) => c.vars['phase'] === '2')) return undefined;
  const receivedTally = acc.store.get('peer', 'proposal-received');
  const configuredTally = acc.store.get('peer', 'proposal-configured');
  const received = espPfs(receivedTally);
  const configured = espPfs(configuredTally);
  if (!received || !configured) return undefined;
  const differs = (onlyNone(received) && allGroups(configured)) || (allGroups(received) && onlyNone(configured));
  if (!differs) return undefined;
  const evidence = [receivedTally!, configuredTally!, selected].flatMap((t) => t.first.slice(0, 1).map(refEvidence));
  return { cloud: [...received].join(','), peer: [...configured].join(','), evidence };
}
