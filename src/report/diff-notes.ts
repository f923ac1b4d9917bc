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
  return params.map((parameter) => {
    if (parameter === 'Psk') return { parameter, cloud: null, peer: null, note: NOTES.secret[lang] };
    const raw = config?.[parameter];
    const cloud = raw ? (normalizeParameter(parameter, raw) ?? raw) : null;
    return { parameter, cloud, peer: null, note: NOTES.candidate[lang] };
  });
}
