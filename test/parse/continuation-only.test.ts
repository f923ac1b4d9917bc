// The line parser folds hex dump lines without sniffing them (and, for racoon2, without cutting a
// string): that is only sound if no dialect would ever claim such a line as a header.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isContinuationOnlyLine } from '../../src/parse/line-access.js';
import { createDialects } from '../../src/parse/registry.js';

function* logFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* logFiles(p);
    else if (name.endsWith('.log') || name.endsWith('.txt')) yield p;
  }
}

describe('isContinuationOnlyLine (lines only a continuation can be)', () => {
  const dialects = createDialects();

  it('tells hex dumps from everything else', () => {
    expect(isContinuationOnlyLine('dc75b7b3 ca0dbf05 00000000 00000000')).toBe(true);
    expect(isContinuationOnlyLine('dc75b7b3ca0dbf05 ')).toBe(true);
    expect(isContinuationOnlyLine('dc75b7b3 wrapped text of a record')).toBe(true);
    for (const not of ['dc75b7b', 'DC75B7B3 CA0DBF05', '2026-11-22 00:10:09 vco-x [INFO]: m', '000 "conn"', '08[IKE] x', 'deadbeef charon: x', 'deadbeef [IKE] x', 'deadbeef "conn"', '  dc75b7b3']) {
      expect(isContinuationOnlyLine(not)).toBe(false);
    }
  });

  it('no dialect claims a generated hex dump line', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // After the eight hex digits, anything printable but the three characters the predicate
    // excludes — including program names, status words and stamps.
    const words = ['charon', 'pluto', 'ipsec', 'Status', 'loaded', 'packet from', '2026-11-22', 'Nov 21', '21 58 50', '000', 'no SAs found', 'IKEv2,', '#1,', ' ', 'x', '08'];
    for (let k = 0; k < 5000; k++) {
      let line = '';
      for (let i = 0; i < 8; i++) line += '0123456789abcdef'[next(16)];
      const parts = next(6);
      for (let i = 0; i < parts; i++) line += (next(2) ? ' ' : '') + words[next(words.length)];
      expect(isContinuationOnlyLine(line)).toBe(true);
      for (const d of dialects) expect(d.sniff(line), `${d.name} claims "${line}"`).toBe(false);
    }
  });

  it('no dialect claims a hex dump line of any fixture log, and every dialect header is no hex dump', () => {
    let dumps = 0;
    for (const file of logFiles('test/fixtures')) {
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
        const claimed = dialects.filter((d) => d.sniff(line)).map((d) => d.name);
        if (isContinuationOnlyLine(line)) {
          dumps++;
          expect(claimed, `${file}: "${line}"`).toEqual([]);
        }
      }
    }
    expect(dumps).toBeGreaterThan(100);
  });
});
