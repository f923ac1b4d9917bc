// The CLI output a Huawei/H3C paste carries around its log lines: the `display ike error-info` and
// `display ike offline-info` tables (a row per failure or teardown: peer, port, reason, version,
// flow, time), their headers and separators, `display logbuffer` banners, the prompt with the
// command typed, and `terminal debugging` chatter. Rows are records of their own; the rest is
// noise (kept, never an event). Pure functions of one line.
import type { ScannedStamp } from '../peer-common/time.js';
import { scanTableTime } from './stamps.js';

export interface TableRow {
  peer: string;
  port?: number;
  reason: string;
  version?: 1 | 2;
  flow?: string;
  stamp: ScannedStamp;
}

const ROW_START = /^\s*(\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7})\s+/;
const IP_IN = /\d{1,3}(?:\.\d{1,3}){3}/;

/** A row of an error-info / offline-info table, or undefined. */
export function readRow(s: string): TableRow | undefined {
  const start = ROW_START.exec(s);
  if (!start) return undefined;
  const t = scanTableTime(s);
  if (!t || t.start < start[0].length) return undefined;
  const middle = s.slice(start[0].length, t.start).trim();
  if (middle === '') return undefined;
  // Columns are padded with two spaces or more; a reason has single spaces inside.
  let cells = middle.split(/\s{2,}/);
  if (cells.length === 1) cells = middle.split(' ');
  const row: TableRow = { peer: start[1]!, reason: '', stamp: t.stamp };
  const reason: string[] = [];
  cells.forEach((c, i) => {
    if (i === 0 && /^\d{1,5}$/.test(c)) row.port = Number(c);
    else if (/^v[12]$/i.test(c)) row.version = c.toLowerCase() === 'v1' ? 1 : 2;
    else if (IP_IN.test(c)) row.flow = row.flow ? `${row.flow} ${c}` : c;
    else if (!/^(?:-|N\/A|--)$/.test(c)) reason.push(c);
  });
  row.reason = reason.join(' ').trim();
  return row.reason ? row : undefined;
}

/** `<USG6000>`, `[USG6000-ike-peer-alibaba]`, `<H3C>`: a VRP / Comware prompt, and what was typed after it. */
const PROMPT = /^\s*(?:<[A-Za-z0-9][\w.~-]{0,63}>|\[~?\*?[A-Za-z0-9][\w.~/-]{0,95}\])\s?(.*)$/;
/** Commands a user types to collect these logs or that a configuration paste echoes. */
const COMMAND = /^(?:display|dis|disp|terminal|undo|reset|debugging|debug|info-center|system-view|sys|quit|return|save|ike|ipsec|ikev2|pre-shared-key|remote-address|local-address|remote-id|local-id|exchange-mode|version|encryption-algorithm|authentication-algorithm|authentication-method|dh|pfs|proposal|security|sa|interface|acl|rule|screen-length|commit|esp|transform|encapsulation-mode|keychain|address|local-identity|match|peer|dpd)\b/;
const NOISE = [
  /^\s*-{10,}\s*$/,
  /^\s*={10,}\s*$/,
  /^\s*current (?:info|sa|record) (?:Num|number)\s*:\s*\d+\s*$/i,
  /^\s*(?:Ike|IKE) (?:error|offline) information\s*:?\s*$/,
  /^\s*peer\s+.*\b(?:reason|error)\b.*\btime\s*$/i,
  /^\s*Total\s*(?:number)?\s*:?\s*\d+\s*$/i,
  /^\s*Info\s*:\s*(?:Current terminal|The terminal|Logging|Log buffer)\b.*$/i,
  /^\s*(?:Logging buffer configuration and contents|Log buffer|Allowed max buffer size|Max buffer size|Actual buffer size|Channel number|Dropped messages|Overwritten messages|Current messages)\s*:.*$/i,
  /^\s*(?:display|dis) (?:ike|ikev2|ipsec|logbuffer|log|logfile|current-configuration)\b.*$/,
  /^\s*(?:terminal (?:debugging|monitor|logging)|undo terminal \S+|debugging (?:ike|ipsec)\b.*)$/,
];

/** A header, separator, banner, prompt or command line: kept as noise. */
export function isNoise(s: string): boolean {
  const p = PROMPT.exec(s);
  if (p) return p[1] === '' || COMMAND.test(p[1]!);
  for (const re of NOISE) if (re.test(s)) return true;
  return false;
}
