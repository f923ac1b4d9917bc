// FortiGate's VPN event log as exported: `key=value` lines (values quoted when they hold spaces),
// the same behind a syslog header (`<189>date=…`, `<189>Nov 21 … host date=…`, RFC 5424), and a
// CSV export (quoted, comma-separated cells under a header row of field names, or cells that are
// themselves `key=value`). Pure functions: a line → its fields, never a throw.

/** Field names that open a FortiGate log record (the first key of every known layout). */
const FIRST_KEYS = ['date=', 'logver=', 'itime=', 'eventtime=', 'devname=', 'devid=', 'logid=', 'timestamp='];

/** Where the `key=value` body starts (after a syslog header), or -1. */
export function kvStart(line: string): number {
  let best = -1;
  for (const k of FIRST_KEYS) {
    let at = line.indexOf(k);
    // A key starts a word: `logid=` inside `xlogid=` is not one.
    while (at > 0 && !/[\s>,"]/.test(line[at - 1]!)) at = line.indexOf(k, at + 1);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** Whether the line is a FortiGate event-log record in `key=value` form (cheap: two indexOf). */
export function isKvRecord(line: string): boolean {
  const id = line.indexOf('logid=');
  return id >= 0 && line.indexOf('subtype=') >= 0 && line.indexOf('type=') >= 0 && kvStart(line) >= 0;
}

/** `key=value key="quoted value" …` → fields (later duplicates lose). */
export function parseKv(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w-]*)=("((?:[^"\\]|\\.)*)"|[^\s,]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const key = m[1]!;
    if (out[key] !== undefined) continue;
    out[key] = m[3] !== undefined ? m[3].replace(/\\"/g, '"') : m[2]!;
  }
  return out;
}

/** Splits one CSV line (RFC 4180 quoting, `""` inside quotes). */
export function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else v += line[i++];
      }
      cells.push(v);
      while (i < line.length && line[i] !== ',') i++;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      cells.push(line.slice(i, end).trim());
      i = end + 1;
    }
  }
  return cells;
}

/** A CSV header row of a FortiGate log export: it names `logid` and the VPN fields. */
export function isCsvHeader(line: string): boolean {
  if (line.indexOf('logid') < 0 || line.indexOf(',') < 0) return false;
  const cells = splitCsv(line).map((c) => c.toLowerCase());
  return cells.includes('logid') && (cells.includes('subtype') || cells.includes('vpntunnel') || cells.includes('remip')) && cells.every((c) => /^[a-z_][\w-]*$/.test(c) || c === '');
}

/** VPN event log ids are `0101xxxxxx`; a CSV data row carries one in a cell of its own. */
const CSV_LOGID = /(?:^|,)"?(?:logid=)?0101\d{6}"?(?:,|$)/;

/** Whether the line is a data row of such an export (a VPN log id in a cell, several cells). */
export function isCsvRow(line: string): boolean {
  return line.indexOf(',') > 0 && CSV_LOGID.test(line) && line.split(',').length >= 5;
}

/** A data row → fields, read through the header's columns (cells written `key=value` name themselves). */
export function csvFields(line: string, columns: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  splitCsv(line).forEach((cell, i) => {
    const eq = /^([A-Za-z_][\w-]*)=(.*)$/.exec(cell);
    if (eq && (!columns || columns[i] === undefined || columns[i] === eq[1])) out[eq[1]!] = eq[2]!.replace(/^"(.*)"$/, '$1');
    else if (columns?.[i]) out[columns[i]!] = cell;
  });
  return out;
}

/** The fields worth keeping on a record (the rest is device inventory). */
export const KEPT_FIELDS = ['logid', 'logdesc', 'level', 'vd', 'action', 'status', 'reason', 'result', 'peer_notif', 'vpntunnel', 'remip', 'locip', 'remport', 'locport', 'role', 'stage', 'init', 'mode', 'dir', 'exch', 'phase2_name', 'tunnelip', 'tz'] as const;
