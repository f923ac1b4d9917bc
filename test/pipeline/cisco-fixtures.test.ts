// The Cisco cases (hand-written captures, see test/fixtures/cisco/README.md): every case ranks the
// expected cause first, names the parameter with the right values, stays quiet when healthy, and
// every input line is parsed (none left for `problems`). No case is skipped: one that needs a change
// outside the dialect fails until it is made.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { expectVendorCase, vendorCases } from '../helpers/vendor-cases.js';

const ALL = vendorCases('cisco', 'cisco-');
const CASES = ALL;

describe('Cisco cases (hand-written captures)', () => {
  it('has the cases the issue asks for', () => expect(ALL.length).toBeGreaterThanOrEqual(18));

  it.each(CASES)('$name', async ({ input, expected: exp }) => {
    const report = await analyze([input], { now: new Date('2026-12-05T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
    expectVendorCase(report, exp);
  });


  it('never quotes the keys a Cisco capture prints', async () => {
    const report = await analyze(ALL.map((c) => c.input), { explain: true, peerTz: 'UTC', peerYear: 2026 });
    const text = JSON.stringify(report);
    for (const key of ['Ali-Sup3r-Key-7731', '9F8E7D6C5B4A3928']) expect(text).not.toContain(key);
  });
});

// Pasted IOS debug often has no time stamps (`service timestamps debug` off): the same captures
// with every stamp cut off must give the same answer.
describe('Cisco IOS debug pasted without time stamps', () => {
  const debugOnly = CASES.filter((c) => readdirSync(c.input).every((f) => /debug/.test(f)) && !c.expected.subject);
  it.each(debugOnly)('$name', async ({ input, expected: exp }) => {
    const content = readdirSync(input)
      .map((f) => readFileSync(join(input, f), 'utf8').replace(/^\*?[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d\.\d+(?: UTC)?: /gm, ''))
      .join('\n');
    const report = await analyze([{ source: 'pasted.txt', content }], { now: new Date('2026-12-05T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
    expect(report.stats.unparsed).toBe(0);
    const subject = report.subjects[0]!;
    if (exp.healthy) {
      expect(subject.status).toBe('healthy');
      return;
    }
    expect([exp.cause, ...(exp.alsoAccept ?? [])]).toContain(subject.findings[0]?.cause);
  });
});

describe('Cisco IOS debug without time stamps, beside one stamped syslog line', () => {
  // `service timestamps` off for debug, on for log messages: the capture's only stamp is a syslog
  // line. The state machine's order still says the tunnel ends up.
  it('reads the tunnel up from the order of the debug lines', async () => {
    const content = [
      "*Oct 24 04:31:10.058: %CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=198.51.100.2, prot=50, spi=0x3EA71AED(1051138797), srcaddr=198.51.100.1, input interface=GigabitEthernet1",
      'ISAKMP-PAK: (0):received packet from 198.51.100.1 dport 500 sport 500 Global (N) NEW SA',
      'ISAKMP: (0):Old State = IKE_READY  New State = IKE_R_MM1',
      'ISAKMP-PAK: (1003):received packet from 198.51.100.1 dport 4500 sport 4500 Global (R) MM_KEY_EXCH',
      'ISAKMP: (1003):Old State = IKE_R_MM5  New State = IKE_P1_COMPLETE',
      'ISAKMP-PAK: (1003):received packet from 198.51.100.1 dport 4500 sport 4500 Global (R) QM_IDLE',
      'ISAKMP: (1003):Old State = IKE_QM_R_QM2  New State = IKE_QM_PHASE2_COMPLETE',
    ].join('\n');
    const report = await analyze([{ source: 'pasted.txt', content }], { now: new Date('2026-12-05T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
    expect(report.stats.unparsed).toBe(0);
    expect(report.subjects.map((s) => s.status)).toEqual(['healthy']);
  });
});
