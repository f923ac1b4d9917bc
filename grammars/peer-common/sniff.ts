// charCode-level helpers for the peer dialects' sniffs, which run on every line of every file: where
// a leading time stamp ends, and which syslog program (`[host ]name[pid]: `) follows it. No RegExp,
// no allocation beyond the program name.

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function digits(s: string, from: number, n: number): boolean {
  for (let i = from; i < from + n; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** After `HH:MM:SS` at i: skips a `.fff`/`,fff` fraction. */
function clockEnd(s: string, i: number): number {
  if (!digits(s, i, 2) || s.charCodeAt(i + 2) !== 58 || !digits(s, i + 3, 2) || s.charCodeAt(i + 5) !== 58 || !digits(s, i + 6, 2)) return -1;
  let j = i + 8;
  const c = s.charCodeAt(j);
  if ((c === 46 || c === 44) && isDigit(s.charCodeAt(j + 1))) {
    j++;
    while (isDigit(s.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * Libreswan ≥ 4's console (`ipsec up`, whack): `ERROR: "conn"[1] ADDR #2: …` — a level, then a
 * quoted connection, which no other daemon writes after a bare level (racoon writes `ERROR: msg`).
 */
export const PLUTO_CONSOLE_LEVEL = /^(ERROR|WARNING): (?="[^"]+"(?:\[\d+\])?(?: [^\s:"]+)?(?: #\d+)?: )/;

/**
 * Index just past a leading stamp — BSD `Nov 21 21:58:50[.fff][ 2024]` or ISO
 * `2024-11-21[T ]21:58:50[.fff][Z|±hh[:]mm]` — or 0 when the line does not start with one.
 */
export function stampEnd(s: string): number {
  const c0 = s.charCodeAt(0);
  if (isDigit(c0)) {
    if (!digits(s, 0, 4) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return 0;
    const t = s.charCodeAt(10);
    if (t !== 32 && t !== 84) return 0;
    let j = clockEnd(s, 11);
    if (j < 0) return 0;
    const z = s.charCodeAt(j);
    if (z === 90) j++;
    else if ((z === 43 || z === 45) && digits(s, j + 1, 2)) j += s.charCodeAt(j + 3) === 58 ? 6 : 5;
    return j;
  }
  // The month in any case (time.ts): some journalctl builds write `feb 22 08:11:42`.
  const letter = (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122);
  if (!letter || s.charCodeAt(3) !== 32) return 0;
  // Day `21`, ` 1` (padded) or `1`.
  let d = 4;
  if (s.charCodeAt(d) === 32) d++;
  if (!isDigit(s.charCodeAt(d))) return 0;
  const d2 = isDigit(s.charCodeAt(d + 1)) ? d + 2 : d + 1;
  if (s.charCodeAt(d2) !== 32) return 0;
  let j = clockEnd(s, d2 + 1);
  if (j < 0) return 0;
  if (s.charCodeAt(j) === 32 && digits(s, j + 1, 4) && s.charCodeAt(j + 5) === 32) j += 5;
  return j;
}

/** The program name of a syslog tag `[host ]name[pid]: ` at i, or undefined. Native indexOf does the scanning. */
export function syslogProgram(s: string, i: number): string | undefined {
  let start = i;
  let end = s.indexOf(' ', start);
  if (end < 0) end = s.length;
  if (s.charCodeAt(end - 1) !== 58) {
    // The first token is the host; the program is the second.
    start = end + 1;
    end = s.indexOf(' ', start);
    if (end < 0) end = s.length;
    if (s.charCodeAt(end - 1) !== 58) return undefined;
  }
  let nameEnd = end - 1;
  if (s.charCodeAt(nameEnd - 1) === 93) {
    const open = s.lastIndexOf('[', nameEnd);
    if (open <= start || open + 1 >= nameEnd - 1) return undefined;
    for (let k = open + 1; k < nameEnd - 1; k++) if (!isDigit(s.charCodeAt(k))) return undefined;
    nameEnd = open;
  }
  return nameEnd > start ? s.slice(start, nameEnd) : undefined;
}
