// The timeline of a subject read in pieces (byte ranges or files on worker threads) must equal the
// timeline read in one go: a repeat run cut by a boundary is one entry, not two.
import { describe, expect, it } from 'vitest';
import { TimelineBuilder } from '../../src/facts/timeline.js';
import type { LogRecord } from '../../src/types.js';

let line = 0;
function rec(message: string, type: string, side: LogRecord['side'] = 'cloud'): LogRecord {
  line++;
  return {
    source: 'g.log',
    line,
    endLine: line,
    side,
    dialect: 'racoon2',
    text: message,
    timeMs: Date.UTC(2026, 10, 22, 0, 0, line),
    level: 'error',
    message,
    continuationLines: 0,
    event: { type, vars: {} },
  };
}

/** A failing negotiation: timeouts repeated with changing numbers, a notify, then more timeouts. */
function sequence(): LogRecord[] {
  line = 0;
  const out: LogRecord[] = [];
  for (let round = 0; round < 6; round++) {
    for (let k = 0; k < 3; k++) out.push(rec(`phase1 negotiation failed due to time up. ${round}${k}`, 'p1-timeout'));
    out.push(rec('received Notify type NO_PROPOSAL_CHOSEN', 'notify'));
    if (round % 2 === 0) out.push(rec('peer said hello', 'notify', 'peer'));
  }
  return out;
}

function build(records: LogRecord[]): TimelineBuilder {
  const t = new TimelineBuilder();
  for (const r of records) t.add(r);
  return t;
}

describe('timeline merge', () => {
  it('joins a repeat run cut by a range boundary, wherever the cut falls', () => {
    const all = sequence();
    const whole = build(all);
    for (let cut = 0; cut <= all.length; cut++) {
      const a = build(all.slice(0, cut));
      a.merge(build(all.slice(cut)), true);
      expect({ cut, entries: a.entries(), folded: a.folded }).toEqual({ cut, entries: whole.entries(), folded: whole.folded });
    }
  });

  it('keeps a boundary run as two entries when the other timeline does not continue this one', () => {
    const all = sequence();
    const a = build(all.slice(0, 2));
    a.merge(build(all.slice(2)));
    expect(a.entries()).toHaveLength(build(all).entries().length + 1);
  });
});
