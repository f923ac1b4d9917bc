// Progress on stderr: shown only on a terminal, only after a second of work, cleared at the end.
import { describe, expect, it, vi } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; out: string[] } {
  const out: string[] = [];
  return { stream: { isTTY, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream, out };
}

describe('progressLine', () => {
  it('stays quiet when stderr is not a terminal', () => {
    const { stream, out } = fakeStream(false);
    const p = progressLine(1000, stream);
    p.update({ bytes: 500, lines: 10 });
    p.done();
    expect(out).toEqual([]);
  });

  it('shows bytes, percent and lines/s after a second, then clears', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const { stream, out } = fakeStream(true);
    const p = progressLine(200e6, stream);
    p.update({ bytes: 1e6, lines: 1000 });
    expect(out).toEqual([]);
    vi.setSystemTime(2000);
    p.update({ bytes: 100e6, lines: 400_000 });
    expect(out.at(-1)).toMatch(/reading 100\/200 MB \(50 %\), 200 k lines\/s/);
    p.done();
    expect(out.at(-1)).toBe('\r\x1b[K');
    vi.useRealTimers();
  });
});
