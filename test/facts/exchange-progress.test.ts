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

describe('answers after the encrypted phase-1 message', () => {
  const at = (t: string, rest: string): string => `2026-12-06 15:27:${t} vco-bp1natt ${rest}`;
  const v1 = (repeatFrom: string): string[] => [
    at('36', '[INFO]: ikev1.c:895:isakmp_ph1begin_i(): initiate new phase 1 negotiation: 198.51.100.1[500]<=>198.51.100.2[500]'),
    at('36', '[DEBUG]: sockmisc.c:505:sendfromto(): 1 times of 124 bytes message will be sent to 198.51.100.2[500]'),
    at('36', '[DEBUG]: isakmp.c:768:isakmp_handler(): 144 bytes message received from 198.51.100.2[500]'),
    at('36', '[INFO]: isakmp_ident.c:256:ident_i2recv(): Selected NAT-T version: RFC 3947'),
    at('36', '[DEBUG]: sockmisc.c:505:sendfromto(): 1 times of 380 bytes message will be sent to 198.51.100.2[500]'),
    at('36', '[DEBUG]: isakmp.c:768:isakmp_handler(): 396 bytes message received from 198.51.100.2[500]'),
    at('36', '[INFO]: isakmp_ident.c:468:ident_i3recv(): NAT detected: ME PEER'),
    at('36', '[DEBUG]: sockmisc.c:505:sendfromto(): 1 times of 96 bytes message will be sent to 198.51.100.2[4500]'),
    at('37', `[DEBUG]: isakmp.c:768:isakmp_handler(): 396 bytes message received from ${repeatFrom}`),
    at('37', `[INFO]: ikev1.c:232:ikev1_main(): the packet is retransmitted by ${repeatFrom}.`),
    at('48', '[PROTO_ERR]: ikev1.c:1253:isakmp_ph1resend(): phase1 negotiation failed due to time up (index f71dd16a1f73ed20:7f522c55a8886ac2).'),
  ];
  const progress = (lines: string[]): ExchangeProgress => fed(parseText(lines.join('\n'), [racoon2Dialect]).records.filter((r) => r.side === 'cloud'));

  it('IKEv1 after the NAT-T float: the peer repeating main mode 4 from port 500 never got message 5', () => {
    const p = progress(v1('198.51.100.2[500]'));
    expect([p.authReached(), p.answeredAfterAuth()]).toEqual([true, false]);
  });

  it('IKEv1 after the NAT-T float: a packet from port 4500 is an answer, whatever racoon2 calls it', () => {
    expect(progress(v1('198.51.100.2[4500]')).answeredAfterAuth()).toBe(true);
  });

  it("IKEv2 responder: the device's next IKE_SA_INIT is no answer on the IKE SA that waited for IKE_AUTH", () => {
    const state = (n: number, from: string, to: string): string => at('40', `[DEBUG]: ikev2.c:674:ikev2_set_state(): ${n}:198.51.100.1[500] - 198.51.100.2[500]:(nil):ike_sa 0x56${n} state ${from} -> ${to}`);
    const packet = at('40', '[DEBUG]: isakmp.c:768:isakmp_handler(): 300 bytes message received from 198.51.100.2[500]');
    const sent = at('40', '[DEBUG]: sockmisc.c:505:sendfromto(): 1 times of 300 bytes message will be sent to 198.51.100.2[500]');
    const retry = progress([packet, state(1, 'IDLING', 'RES_IKE_SA_INIT_SENT'), sent, packet, state(2, 'IDLING', 'RES_IKE_SA_INIT_SENT'), sent]);
    expect([retry.authReached(), retry.answeredAfterAuth()]).toEqual([true, false]);
    const answered = progress([packet, state(1, 'IDLING', 'RES_IKE_SA_INIT_SENT'), sent, packet, state(1, 'RES_IKE_SA_INIT_SENT', 'RES_IKE_AUTH_RCVD')]);
    expect(answered.answeredAfterAuth()).toBe(true);
  });
});
