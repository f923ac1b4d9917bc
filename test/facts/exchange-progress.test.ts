// A gateway log read in two pieces (a range of a file on each thread) and merged must show the
// exchange as one read does: the second piece starts blind mid-exchange, and replays the steps it
// saw before its first phase-1 start onto the first piece (facts/exchange-progress.ts). Every cut
// of the lab gateway logs of the fixtures and of a sample of the corpus's runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { racoon2Dialect } from '../../grammars/racoon2/index.js';
import { ExchangeProgress } from '../../src/facts/exchange-progress.js';
import type { LogRecord } from '../../src/types.js';
import { parseText } from '../helpers/parse-lines.js';

const LAB = 'test/fixtures/lab';
const RUNS = 'corpus/runs';
const logs = [
  ...readdirSync(LAB)
    .filter((d) => d.startsWith('r2-') && existsSync(`${LAB}/${d}/input/gateway.log`))
    .sort()
    .map((d) => [d, readFileSync(`${LAB}/${d}/input/gateway.log`, 'utf8')] as const),
  // A sample of the corpus's runs: IKEv1 and IKEv2, either side initiating, every cause.
  ...readdirSync(RUNS)
    .sort()
    .filter((d, i) => i % 16 === 0 && existsSync(`${RUNS}/${d}/gateway.log.gz`))
    .map((d) => [d, gunzipSync(readFileSync(`${RUNS}/${d}/gateway.log.gz`)).toString('utf8')] as const)
    .filter(([, t]) => t.split('\n').length <= 600),
];

/** What the facts read of a progress. */
function seen(p: ExchangeProgress): unknown {
  return { step: p.step, furthest: p.furthest, furthestV2: p.furthestV2, role: p.role, sawPackets: p.sawPackets, stepAt: p.stepAt, auth: p.authReached(), answered: p.answeredAfterAuth(), refused: p.refusedFirst() };
}

/** A progress fed `records`; `piece`: read apart, as a range of a file is (it keeps what a merge replays). */
function fed(records: readonly LogRecord[], piece = false): ExchangeProgress {
  const p = new ExchangeProgress();
  if (piece) p.keepPrefix();
  for (const r of records) p.add(r);
  return p;
}

describe('exchange progress across a cut', () => {
  it('has lab gateway logs to cut', () => expect(logs.length).toBeGreaterThan(10));

  it('a serial read keeps nothing to replay', () => {
    const [, text] = logs[0]!;
    const records = parseText(text, [racoon2Dialect]).records;
    expect(JSON.stringify(fed(records))).not.toContain('"prefix"');
    // A piece of a range keeps it (the daemon's start-up events come before any phase-1 start).
    expect(JSON.stringify(fed(records, true))).toContain('"prefix"');
  });
  for (const [name, text] of logs) {
    it(name, () => {
      const records = parseText(text, [racoon2Dialect]).records.filter((r) => r.side === 'cloud');
      const whole = seen(fed(records));
      for (let k = 1; k < records.length; k++) {
        const first = fed(records.slice(0, k), true);
        first.merge(fed(records.slice(k), true), true, true);
        expect(seen(first), `cut before record ${k}`).toEqual(whole);
      }
    });
  }

  it('three pieces merged back to front (as a worker merges its tasks) read as one', () => {
    const [, text] = logs.find(([n]) => n.includes('psk_mismatch'))!;
    const records = parseText(text, [racoon2Dialect]).records;
    const whole = seen(fed(records));
    const n = records.length;
    for (const [a, b] of [[n / 4, n / 2], [n / 3, (2 * n) / 3], [5, n - 5]].map(([x, y]) => [Math.floor(x!), Math.floor(y!)] as const)) {
      const back = fed(records.slice(a, b), true);
      back.merge(fed(records.slice(b), true), true, true);
      const front = fed(records.slice(0, a), true);
      front.merge(back, true, true);
      expect(seen(front)).toEqual(whole);
    }
  });
});
