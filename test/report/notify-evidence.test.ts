// A finding quotes only the notifies it is about: the types its conditions count and those that
// mean an event it quotes — not every status notify of the exchange (NAT detection, signature
// hash algorithms) that happened to be logged first.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { countedEventVars } from '../../src/report/finding.js';

const CORPUS = new URL('../../corpus/runs/', import.meta.url).pathname;
const LAB = new URL('../fixtures/lab/', import.meta.url).pathname;
const OPTS = { now: new Date('2026-12-05T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 } as const;

describe('notify evidence', () => {
  it('reads the notify types a rule counts, and which it counts of any type', () => {
    const c = countedEventVars({
      any: [
        { fact: 'eventCount', params: { type: 'notify', vars: { type: 'TS_UNACCEPTABLE' } }, operator: 'greaterThan', value: 0 },
        { all: [{ fact: 'eventCount', params: { type: 'notify', side: 'peer', vars: { type: 'INVALID_ID_INFORMATION', phase: '2' } }, operator: 'greaterThan', value: 0 }] },
        { not: { fact: 'eventCount', params: { type: 'p2-established' }, operator: 'greaterThan', value: 0 } },
      ],
    });
    expect(c.byVars.get('notify')).toEqual([{ type: 'TS_UNACCEPTABLE' }, { type: 'INVALID_ID_INFORMATION', phase: '2' }]);
    expect([...c.any]).toEqual(['p2-established']);
    const both = countedEventVars({ all: [{ fact: 'eventCount', params: { type: 'notify' }, operator: 'greaterThan', value: 0 }, { fact: 'eventCount', params: { type: 'notify', vars: { type: 'X' } }, operator: 'greaterThan', value: 0 }] });
    expect(both.byVars.has('notify')).toBe(false);
    expect(both.any.has('notify')).toBe(true);
  });

  it('an identity finding does not quote the NAT-detection notifies of IKE_SA_INIT', async () => {
    const report = await analyze([join(CORPUS, 'r2-id-remote-ip-value_v2_ainit_lsw')], OPTS);
    const quoted = report.subjects.flatMap((s) => s.findings).flatMap((f) => f.evidence).map((e) => e.text);
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((t) => /ignoring notification payload \(type 164\d\d\)/.test(t))).toEqual([]);
  });

  it('a selector refusal quotes the TS_UNACCEPTABLE the device sent, and no other notify', async () => {
    const report = await analyze([join(LAB, 'sw-ts_mismatch_v2-P/input')], OPTS);
    const top = report.subjects[0]!.findings[0]!;
    expect(top.cause).toBe('traffic-selector-mismatch');
    const notifies = top.evidence.filter((e) => /N\(\w+\)/.test(e.text));
    expect(notifies.length).toBeGreaterThan(0);
    for (const e of notifies) expect(e.text).toMatch(/TS_UNACCEPT/);
  });
});
