// Small formatting helpers shared by the Markdown and HTML reports: percentages, UTC times,
// evidence locations, diff values (a PSK value is never shown, even if a rule put one there), and
// the grouping of per-tunnel subjects under their IPsec connection.

import type { Evidence, Subject, TimelineEntry } from '../../../types.js';

export const pct = (confidence: number): string =>
  Number.isFinite(confidence) ? `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%` : '—';

/** `2026-11-21 22:18:16 UTC` from an ISO time; anything unparseable is shown as given. */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms).toISOString();
  const frac = d.slice(19, 23) === '.000' ? '' : d.slice(19, 23);
  return `${d.slice(0, 10)} ${d.slice(11, 19)}${frac} UTC`;
}

/** `HH:MM:SS` (UTC) of an ISO time, for compact places. */
export function fmtClock(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(11, 19);
}

export function location(e: { source?: string; line?: number; pointer?: string }): string {
  const src = e.source ?? '';
  if (e.line !== undefined) return `${src}:${e.line}`;
  if (e.pointer !== undefined) return `${src}#${e.pointer}`;
  return src;
}

export function evidenceMeta(e: Evidence): string[] {
  const out: string[] = [];
  if (e.side) out.push(e.side);
  if (e.time) out.push(fmtTime(e.time));
  return out;
}

const SECRET_PARAM = /(^|\.)(psk|pre_?shared_?key)$/i;
export const isSecretParameter = (parameter: string): boolean => SECRET_PARAM.test(parameter);

/** What a diff cell shows: secrets hidden, missing values as a dash. */
export function diffCell(parameter: string, value: string | null | undefined, hidden: string): string {
  if (value === null || value === undefined || value === '') return '—';
  return isSecretParameter(parameter) ? hidden : String(value);
}

/** Subjects grouped by IPsec connection (dual-tunnel: one group, one subject per tunnel), in order. */
export function groupByConnection(subjects: Subject[]): { key: string; subjects: Subject[] }[] {
  const groups = new Map<string, Subject[]>();
  for (const s of subjects) {
    const key = s.vpnConnectionId ?? s.id;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  return [...groups].map(([key, list]) => ({ key, subjects: list }));
}

export const entryCount = (e: TimelineEntry): number => (e.count && e.count > 1 ? Math.floor(e.count) : 1);
