// Time-zone options (`--log-tz +08:00`, `--peer-tz -05:00`, `UTC`, `local`) → minutes east of UTC.

export const GATEWAY_TZ_MINUTES = 8 * 60;

/** Returns minutes east of UTC, or undefined when the text is not a zone this tool understands. */
export function parseTzOffset(text: string | undefined, now = new Date()): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (/^(utc|gmt|z)$/i.test(t)) return 0;
  if (/^local$/i.test(t)) return -now.getTimezoneOffset();
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (!m) return undefined;
  const h = Number(m[2]);
  const min = Number(m[3] ?? 0);
  if (h > 14 || min > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

export function formatTzOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
