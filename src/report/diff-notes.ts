// The words a diff entry carries when a value is missing: a key is never shown, or the inputs
// show that one of a few settings differs without saying which.
import type { DiffEntry } from '../types.js';
import type { SubjectFacts } from '../facts/facts.js';
import { normalizeParameter } from '../facts/normalize.js';
import type { Lang } from './template.js';

const NOTES = {
  secret: { en: 'never shown: enter the same key on both ends', zh: '密钥不显示：请在两端输入相同的密钥' },
  candidate: { en: 'the inputs do not show which of these differs: compare it on both ends', zh: '输入未显示具体哪一项不同：请在两端核对' },
} as const;

/**
 * The rule's candidate parameters, named without a difference the inputs could show: the cloud's
 * value when its configuration is known, the device's never guessed.
 */
export function candidateEntries(params: readonly string[], s: SubjectFacts, lang: Lang): DiffEntry[] {
  const config = s.cloudConfig;
  const entries = params.map((parameter): DiffEntry & { known?: boolean } => {
    if (parameter === 'Psk') return { parameter, cloud: null, peer: null, note: NOTES.secret[lang] };
    const raw = config?.[parameter];
    const cloud = raw ? (normalizeParameter(parameter, raw) ?? raw) : null;
    // A device configuration given beside the logs says the device's value.
    const peer = s.deviceSetting?.(parameter)?.value ?? null;
    if (cloud !== null && peer !== null) return { parameter, cloud, peer, known: true };
    return { parameter, cloud, peer, note: NOTES.candidate[lang] };
  });
  // Both sides known: the candidates that agree are not the difference; the ones that differ are exact.
  const differing = entries.filter((e) => e.known && e.cloud !== e.peer);
  const out = differing.length > 0 ? differing : entries.filter((e) => !(e.known && e.cloud === e.peer));
  return (out.length > 0 ? out : entries).map(({ known: _known, ...e }) => e);
}
