// Localised rule text with placeholders: `{{diff.IkeAuthAlg.cloud}}`, `{{fact.furthestExchange}}`,
// `{{event.pfs-mismatch.my}}`, `{{subject.vpnConnectionId}}`, each with an optional `|fallback`.
// Plain substitution: nothing in a rule file is evaluated.
import type { LocalizedText } from '../rules/schema.js';
import type { SubjectFacts } from '../facts/facts.js';
import { lastEventVar } from '../facts/summary.js';

export type { Lang } from '../lang.js';
import type { Lang } from '../lang.js';

/** `{{path}}` or `{{path|fallback}}`: the one placeholder syntax, for filling and for `rules validate`. */
export const PLACEHOLDER = /\{\{\s*([\w.-]+)(?:\|([^}]*))?\s*\}\}/g;
/** What `{{subject.X}}` may name. */
export const SUBJECT_PLACEHOLDER_FIELDS = ['id', 'vpnConnectionId', 'tunnelId', 'vpnGatewayId'] as const;

export function pickText(t: LocalizedText, lang: Lang): string {
  if (typeof t === 'string') return t;
  return (lang === 'zh' ? t.zh : undefined) ?? t.en;
}

function lookup(path: string, s: SubjectFacts): string | undefined {
  const [head, ...rest] = path.split('.');
  if (head === 'diff' && rest.length === 2) {
    const d = s.diffs.find((x) => x.parameter === rest[0]);
    const v = d ? (rest[1] === 'cloud' ? d.cloud : rest[1] === 'peer' ? d.peer : undefined) : undefined;
    return v ?? undefined;
  }
  if (head === 'fact' && rest.length === 1) {
    const v = s.values[rest[0]!];
    if (v === null || v === undefined) return undefined;
    return Array.isArray(v) ? v.join(', ') : String(v);
  }
  if (head === 'event' && rest.length >= 2) {
    const varName = rest.at(-1)!;
    const type = rest.slice(0, -1).join('.');
    return lastEventVar(s, type, varName);
  }
  if (head === 'subject' && rest.length === 1) {
    const field = rest[0] as (typeof SUBJECT_PLACEHOLDER_FIELDS)[number];
    return SUBJECT_PLACEHOLDER_FIELDS.includes(field) ? (s.subject[field] ?? undefined) : undefined;
  }
  return undefined;
}

/** Fills placeholders; unknown values use the fallback after `|`, else `?`. */
export function fillTemplate(text: string, s: SubjectFacts): string {
  return text.replace(PLACEHOLDER, (_m, path: string, fallback?: string) => lookup(path, s) ?? fallback ?? '?');
}

/** Whether every named diff parameter has both values known. */
export function diffKnown(params: readonly string[], s: SubjectFacts): boolean {
  return params.every((p) => {
    const d = s.diffs.find((x) => x.parameter === p);
    return !!d && d.cloud !== null && d.peer !== null;
  });
}
