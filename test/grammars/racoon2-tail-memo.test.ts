// The racoon2 parse memo (grammars/racoon2/tail-memo.ts) must be invisible: every record and problem
// equals what the full grammar and catalogue give line by line, on every gateway log the project
// ships and on lines chosen to trip it (ID payload dumps, key material, IPsec-server ids, contexts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { racoon2Dialect } from '../../grammars/racoon2/index.js';
import type { LogRecord } from '../../src/types.js';
import { LogParser } from '../../src/parse/log-parser.js';
import { memoFor } from '../../grammars/racoon2/tail-memo.js';
import { parseText } from '../helpers/parse-lines.js';

/** A record as the report could see it: the memo link is internal. */
function visible(r: LogRecord): Omit<LogRecord, 'parseMemo'> {
  const { parseMemo: _memo, ...rest } = r;
  return rest;
}

function both(text: string): { on: ReturnType<typeof parseText>; off: ReturnType<typeof parseText> } {
  return { on: parseText(text, [racoon2Dialect]), off: parseText(text, [racoon2Dialect], { reuseParses: false }) };
}

const gatewayLogs = readdirSync('test/fixtures', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.log'))
  .map((f) => join('test/fixtures', f))
  .filter((f) => readFileSync(f, 'utf8').includes('[DEBUG]:'));

/**
 * The same negotiation three times, an hour and a connection apart: every tail repeats. A tail is
 * remembered on its second parse, so the third copy is read from the memo.
 */
function thrice(lines: string[]): string {
  const again = (hour: string, id: string): string[] => lines.map((l) => l.replace('2026-11-22 06:', `2026-11-22 ${hour}:`).replace('vco-aaa', id));
  return [...lines, ...again('07', 'vco-bbb'), ...again('08', 'vco-ccc')].join('\n');
}

const TRICKY = [
  '2026-11-22 06:18:33 vco-aaa [DEBUG]: isakmp_quick.c:1081:quick_r1recv(): received IDci2:',
  '04000000 c0000200 ffffff00',
  '2026-11-22 06:18:33 vco-aaa [DEBUG]: oakley.c:2933:oakley_do_decrypt(): with key:',
  '300381d4 e6dd73a3 d3e99226 092374fc',
  '2026-11-22 06:18:33 vco-aaa [DEBUG]: oakley.c:2317:oakley_skeyid(): psk: 0a1b2c3d4e5f6071',
  '2026-11-22 06:18:34 [INFO]: : iss-2zei2n5q5zhirfh73**** add ipsec policy successfully',
  '2026-11-22 06:18:34 vco-aaa [PROTO_ERR]: ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up. [{remote id:4}{ph1: 172.16.0.88[500] <=> 192.168.0.206[500], 172.16.0.88 <=> 192.168.0.206}]',
  '2026-11-22 06:18:35 vco-aaa [PROTO_WARN]: isakmp_inf.c:1990:isakmp_info_recv(): 0:172.16.0.88[500] - 192.168.0.206[500]:0x55ad:received Notify payload protocol 1 type NO-PROPOSAL-CHOSEN',
  '2026-11-22 06:18:35 vco-aaa [NEWTAG]: ikev1.c:1:f(): an unknown tag',
  '2026-11-22 06:18:36 vco-aaa  [INFO]: broken location.c:x:y(): still a message',
  '2026-11-22 06:18:36 vco-aaa***\t- [PROTO_ERR]: ikev1.c:1433:isakmp_ph1resend(): phase1 negotiation failed due to time up.',
  '2026-11-22 06:18:37 [INFO]: main.c:306:main(): no resource id at all',
];

describe('racoon2 tail memo', () => {
  it.each(gatewayLogs)('gives the same records and problems as the full grammar: %s', (file) => {
    const text = readFileSync(file, 'utf8');
    const { on, off } = both(text);
    expect(on.records.map(visible)).toEqual(off.records.map(visible));
    expect(on.problems).toEqual(off.problems);
    expect(on.stats).toEqual(off.stats);
  });

  it('finds the fixtures it compares', () => {
    expect(gatewayLogs.length).toBeGreaterThan(10);
  });

  it('copies repeated tails, and the copies equal full parses', () => {
    const { on, off } = both(thrice(TRICKY));
    expect(on.records.map(visible)).toEqual(off.records.map(visible));
    expect(on.problems).toEqual(off.problems);
    const n = on.records.length / 3;
    // First sight: parsed, not remembered. Second: parsed and remembered. Third: copied.
    expect(on.records.slice(0, n).filter((r) => r.parseMemo !== undefined)).toHaveLength(0);
    const third = on.records.slice(2 * n);
    expect(third.filter((r) => r.parseMemo !== undefined).length).toBeGreaterThanOrEqual(5);
    // The peer's NO_PROPOSAL_CHOSEN names the failure (refine.ts); the notify type stays in the event.
    expect(third.find((r) => r.event?.type === 'no-proposal')?.event?.vars['type']).toBe('NO_PROPOSAL_CHOSEN');
    expect(third.find((r) => r.message.includes('add ipsec policy'))?.resourceId).toBe('iss-2zei2n5q5zhirfh73****');
    expect(third.find((r) => r.tag === 'PROTO_ERR')).toMatchObject({ resourceId: 'vco-ccc', localTime: '2026-11-22 08:18:34', phase: 1, remote: { ip: '192.168.0.206', port: 500 } });
  });

  it('never keeps key material, and redacts every occurrence of a line that announces it', () => {
    const { on } = both(thrice(TRICKY));
    const secrets = on.records.filter((r) => r.secret);
    expect(secrets).toHaveLength(6);
    for (const r of secrets) {
      expect(r.text).not.toContain('0a1b2c3d');
      expect(r.continuation).toBeUndefined();
    }
    // The key on the line itself: never a memo key. The label alone: kept, and still redacted.
    expect(secrets.filter((r) => r.message.startsWith('psk:')).every((r) => r.parseMemo === undefined)).toBe(true);
    expect(secrets.filter((r) => r.message === 'with key:').map((r) => r.parseMemo !== undefined)).toEqual([false, true, true]);
  });

  it('reads each ID payload dump, though the header repeats', () => {
    const lines = [
      '2026-11-22 06:18:33 vco-aaa [DEBUG]: isakmp_quick.c:1081:quick_r1recv(): received IDci2:',
      '04000000 c0000200 ffffff00',
      '2026-11-22 06:18:34 vco-aaa [DEBUG]: isakmp_quick.c:1081:quick_r1recv(): received IDci2:',
      '04000000 0a000000 ffff0000',
      '2026-11-22 06:18:35 vco-aaa [DEBUG]: isakmp_quick.c:1081:quick_r1recv(): received IDci2:',
    ];
    const { on, off } = both(lines.join('\n'));
    expect(on.records.map((r) => r.event?.vars['subnet'])).toEqual(['192.0.2.0/24', '10.0.0.0/16', undefined]);
    expect(on.records.map(visible)).toEqual(off.records.map(visible));
  });

  it('reuses record objects only after the consumer is done with them', () => {
    // Three copies of a lab log: well over one 512-line window, so records come back for reuse.
    const text = Array.from({ length: 3 }, () => readFileSync('test/fixtures/lab/r2-ts_mismatch_v1-L/input/gateway.log', 'utf8')).join('');
    const seen: string[] = [];
    const objects = new Set<LogRecord>();
    const p = new LogParser({
      source: 'test.log',
      dialects: [racoon2Dialect],
      contextFor: () => ({ source: 'test.log', tz: { minutes: 480 } }),
      recordsAreCopied: true,
      onRecord: (r) => {
        objects.add(r);
        seen.push(JSON.stringify(visible(r)));
      },
      onProblem: () => undefined,
    });
    p.push(text.split('\n').map((t, i) => ({ line: i + 1, text: t })));
    p.end();
    const plain = parseText(text, [racoon2Dialect]).records.map((r) => JSON.stringify(visible(r)));
    expect(seen).toEqual(plain);
    // The pool was used: fewer objects than records.
    expect(objects.size).toBeLessThan(seen.length);
  });

  it('is shared by the contexts of one scope (a run\'s files), each record keeping its own file and zone', () => {
    const text = readFileSync('test/fixtures/lab/r2-ts_mismatch_v1-L/input/gateway.log', 'utf8');
    const scope = {};
    const parse = (source: string, tz: number, memoScope?: object): LogRecord[] => {
      const records: LogRecord[] = [];
      const p = new LogParser({
        source,
        dialects: [racoon2Dialect],
        contextFor: () => ({ source, tz: { minutes: tz }, ...(memoScope ? { memoScope } : {}) }),
        onRecord: (r) => records.push(r),
        onProblem: () => undefined,
      });
      p.push(text.split('\n').map((t, i) => ({ line: i + 1, text: t })));
      p.end();
      return records;
    };
    parse('a.log', 480, scope);
    const shared = parse('b.log', 0, scope);
    const alone = parse('b.log', 0);
    // One memo for the scope's contexts, one per context without a scope.
    const a = { source: 'a.log', tz: { minutes: 480 }, memoScope: scope };
    const b = { source: 'b.log', tz: { minutes: 0 }, memoScope: scope };
    expect(memoFor(a)).toBe(memoFor(b));
    expect(memoFor({ source: 'a.log', tz: { minutes: 480 } })).not.toBe(memoFor({ source: 'a.log', tz: { minutes: 480 } }));
    expect(shared.map(visible)).toEqual(alone.map(visible));
    expect(shared.every((r) => r.source === 'b.log')).toBe(true);
  });
});
