// Time-zone options (`--log-tz +08:00`, `--peer-tz America/New_York`, `UTC`, `local`): a fixed
// offset in minutes east of UTC, or an IANA zone whose offset follows daylight saving — read per
// stamp with @date-fns/tz, never by hand-written rules.
import { tzOffset } from '@date-fns/tz';

export const GATEWAY_TZ_MINUTES = 8 * 60;

/** A zone as the user gave it: a fixed offset, or an IANA name (its offset at "now" as `minutes`). */
export interface Zone {
  minutes: number;
  /** IANA name (`Asia/Shanghai`): stamps are read at the offset in force at their own time. */
  name?: string;
}

/** Whether `name` is an IANA zone this runtime knows. */
function ianaOffset(name: string, at: Date): number | undefined {
  if (!/^[A-Za-z][\w+-]*(?:\/[\w+-]+)+$|^(?:UTC|Etc\/[\w+-]+)$/.test(name)) return undefined;
  const m = tzOffset(name, at);
  return Number.isFinite(m) ? m : undefined;
}

/** Returns the zone, or undefined when the text is not a zone this tool understands. */
export function parseZone(text: string | undefined, now = new Date()): Zone | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (/^(utc|gmt|z)$/i.test(t)) return { minutes: 0 };
  if (/^local$/i.test(t)) return { minutes: -now.getTimezoneOffset() };
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (m) {
    const h = Number(m[2]);
    const min = Number(m[3] ?? 0);
    if (h > 14 || min > 59) return undefined;
    return { minutes: (m[1] === '-' ? -1 : 1) * (h * 60 + min) };
  }
  const iana = ianaOffset(t, now);
  return iana === undefined ? undefined : { minutes: iana, name: t };
}

/**
 * The offset in force in zone `name` at a wall-clock time (given as ms as if it were UTC). Looked
 * up at the first guess and once more from there, so a stamp just after a daylight-saving change
 * gets the new offset.
 */
export function zoneOffsetAtWallTime(name: string, wallMs: number): number {
  const first = tzOffset(name, new Date(wallMs));
  const second = tzOffset(name, new Date(wallMs - first * 60_000));
  return Number.isFinite(second) ? second : Number.isFinite(first) ? first : 0;
}

export function formatTzOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** How a zone reads in an assumption line, in the report's language: `UTC+08:00`, or `America/New_York (…daylight saving…)`. */
export function formatZone(z: Zone, lang: 'en' | 'zh' = 'en'): string {
  if (!z.name) return formatTzOffset(z.minutes);
  return lang === 'zh' ? `${z.name}（按每条时间戳当时的偏移，含夏令时）` : `${z.name} (its offset at each stamp's time, daylight saving included)`;
}
