// The same device log as people hand it over: re-presented the way collectors and tools print it
// (syslog with host and program, journalctl's ISO and precise stamps and its message-only view,
// `docker logs -t`, RFC 5424 as OPNsense writes it, `grep -n` and `grep` over several files, CRLF,
// a forum's indentation, a mail quote). Each lab run keeps its first finding in every shape, and
// every line stays parsed: the shape is the collector's, the answer is the daemons'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

const RUNS = new URL('../../corpus/runs/', import.meta.url).pathname;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STAMP = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d:\d\d:\d\d)(\.\d+)?:? /;

interface Parts {
  mon: string;
  day: string;
  time: string;
  rest: string;
}

function parts(line: string): Parts | undefined {
  const m = STAMP.exec(line);
  return m ? { mon: m[1]!, day: m[2]!.trim().padStart(2, '0'), time: m[3]!, rest: line.slice(m[0].length) } : undefined;
}

const iso = (p: Parts): string => `2026-${String(MONTHS.indexOf(p.mon) + 1).padStart(2, '0')}-${p.day}T${p.time}`;

type Shape = (line: string, daemon: string, index: number) => string;

const syslog: Shape = (l, d) => {
  const p = parts(l);
  return p ? `${p.mon} ${p.day.replace(/^0/, ' ')} ${p.time} vpn-gw ${d}[1234]: ${p.rest}` : l;
};

const SHAPES: Record<string, Shape> = {
  syslog,
  'journalctl -o short-iso': (l, d) => {
    const p = parts(l);
    return p ? `${iso(p)}+0800 vpn-gw ${d}[1234]: ${p.rest}` : l;
  },
  'journalctl -o short-precise': (l, d) => {
    const p = parts(l);
    return p ? `${p.mon} ${p.day} ${p.time}.123456 vpn-gw ${d}[1234]: ${p.rest}` : l;
  },
  'an ISO stamp with a blank, host and program': (l, d) => {
    const p = parts(l);
    return p ? `${iso(p).replace('T', ' ')} vpn-gw ${d}[1234]: ${p.rest}` : l;
  },
  'docker logs -t': (l) => {
    const p = parts(l);
    return p ? `${iso(p)}.123456789Z ${l}` : l;
  },
  'RFC 5424 (OPNsense)': (l, d) => {
    const p = parts(l);
    return p ? `<13>1 ${iso(p)}+08:00 OPNsense.localdomain ${d} 1234 - [meta sequenceId="7"] ${p.rest}` : l;
  },
  'grep -n': (l, d, i) => `${i + 1}:${syslog(l, d, i)}`,
  'grep over several files': (l, d, i) => `/var/log/syslog:${syslog(l, d, i)}`,
  CRLF: (l) => `${l}\r`,
  'indented by a forum': (l) => `    ${l}`,
  'a mail quote': (l) => `> ${l}`,
};

const CASES: [run: string, daemon: string][] = [
  ['r2-psk-differs_v1_binit_sw', 'charon'],
  ['r2-p2-enc-aes128_v2_binit_sw', 'charon'],
  ['qr2-healthy-ike-rekey-device_v2_binit_sw', 'charon'],
  ['r2-p1-keylen-aes192_v1_ainit_lsw', 'pluto'],
  ['hsw-psk-differs_v2_binit_lsw', 'pluto'],
];

async function run(text: string): Promise<Report> {
  return analyze([{ source: 'peer.log', content: text }], { now: new Date('2026-12-07T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
}

const answer = (r: Report): string => r.subjects.map((s) => s.findings[0]?.cause ?? s.status).join(';');

describe.each(CASES)('lab run %s as collectors print it', (name, daemon) => {
  const lines = gunzipSync(readFileSync(join(RUNS, name, 'peer.log.gz'))).toString('utf8').split('\n').filter((l) => l !== '');
  let original: string | undefined;

  it.each(Object.entries(SHAPES))('%s', async (_shape, fn) => {
    original ??= answer(await run(`${lines.join('\n')}\n`));
    const r = await run(`${lines.map((l, i) => fn(l, daemon, i)).join('\n')}\n`);
    expect(r.stats.unparsed).toBe(0);
    expect(answer(r)).toBe(original);
  });

});

// journalctl -o cat: the messages alone (pluto's start-up chatter has no shape of its own then).
describe('lab runs as journalctl -o cat prints them (no stamps at all)', () => {
  it.each(CASES.filter(([, daemon]) => daemon === 'charon'))('%s', async (name) => {
    const lines = gunzipSync(readFileSync(join(RUNS, name, 'peer.log.gz'))).toString('utf8').split('\n').filter((l) => l !== '');
    const original = answer(await run(`${lines.join('\n')}\n`));
    const r = await run(`${lines.map((l) => parts(l)?.rest ?? l).join('\n')}\n`);
    expect(r.stats.unparsed).toBe(0);
    expect(answer(r)).toBe(original);
  });
});

// The gateway's own log as people quote it: its hex dumps (continuation lines without a stamp)
// carry the same frame as the records they belong to, and still fold into them.
const GATEWAY_SHAPES: Record<string, (line: string, index: number) => string> = {
  CRLF: (l) => `${l}\r`,
  'indented by a forum': (l) => `    ${l}`,
  'a mail quote': (l) => `> ${l}`,
  'grep -n': (l, i) => `${i + 1}:${l}`,
  'grep over several files': (l) => `logs/gateway.log:${l}`,
};

describe.each(['r2-psk-differs_v1_binit_sw', 'r2-pfs-device-only_v2_binit_sw', 'r2-p2-integ-sha1_v1_binit_lsw'])('gateway log of %s as people quote it', (name) => {
  const lines = gunzipSync(readFileSync(join(RUNS, name, 'gateway.log.gz'))).toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  let original: string | undefined;

  it.each(Object.entries(GATEWAY_SHAPES))('%s', async (_shape, fn) => {
    original ??= answer(await run(`${lines.join('\n')}\n`));
    const r = await run(`${lines.map((l, i) => fn(l, i)).join('\n')}\n`);
    expect(r.stats.unparsed).toBe(0);
    expect(answer(r)).toBe(original);
  });
});

describe('single lines quoted in Markdown', () => {
  it.each([
    ['inline code', '`2026-12-05 01:54:04 vco-bp1case [PROTO_ERR]: oakley.c:1500:oakley_validate_auth(): HASH mismatched`'],
    ['a list item', '- 2026-12-05 01:54:04 vco-bp1case [PROTO_ERR]: oakley.c:1500:oakley_validate_auth(): HASH mismatched'],
    ['a numbered item', '2. 2026-12-05 01:54:04 vco-bp1case [PROTO_ERR]: oakley.c:1500:oakley_validate_auth(): HASH mismatched'],
  ])('%s', async (_name, line) => {
    const r = await run(`${line}\n`);
    expect(r.stats.unparsed).toBe(0);
    expect(answer(r)).toBe('psk-mismatch');
  });
});
