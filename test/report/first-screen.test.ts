// The answer on the first screen (issue 16, item 6): for a failing subject, the cause and the fix
// appear within the first 24 lines of an 80-column terminal, on every lab fixture; the evidence
// that proves them follows.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/index.js';
import { renderText } from '../../src/report/render/text.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const dirs = [
  ...readdirSync(join(ROOT, 'test/fixtures/lab')).map((d) => join(ROOT, 'test/fixtures/lab', d, 'input')),
  join(ROOT, 'examples/psk-mismatch'),
  join(ROOT, 'examples/p1-hash-mismatch'),
].filter((d) => existsSync(d));

describe('first screen', () => {
  it('every lab fixture with a failing subject: cause and fix within 24 lines of 80 columns', async () => {
    let checked = 0;
    for (const dir of dirs) {
      const report = await analyze([dir], { peerTz: 'UTC', now: new Date('2026-12-01T00:00:00Z') });
      // Fixtures of healthy tunnels have no fix to show: they are counted out, not passed.
      if (!report.subjects.some((s) => s.status === 'failing')) continue;
      checked++;
      const screen = renderText(report, { width: 80 }).split('\n').slice(0, 24);
      expect(screen[0], dir).toMatch(/ {2}failing$/);
      const finding = screen.findIndex((l) => /^ {2}1\. [A-Z]+ \S+ — /.test(l));
      const fix = screen.findIndex((l) => /^ {5}Fix:$/.test(l));
      expect(finding, dir).toBeGreaterThan(0);
      expect(fix, dir).toBeGreaterThan(finding);
      // At least the first step's first line is on the screen too.
      expect(screen[fix + 1] ?? '', dir).toMatch(/^ {7}\[(?:peer|cloud)\]/);
      const evidence = screen.findIndex((l) => /^ {5}Evidence:$/.test(l));
      expect(evidence === -1 || evidence > fix, dir).toBe(true);
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  }, 60_000);
});

describe('--lang zh in the terminal', () => {
  it('labels, severities, status and footer are Chinese, and wide text wraps by display width', async () => {
    const report = await analyze([join(ROOT, 'examples/psk-mismatch')], { lang: 'zh', peerTz: 'UTC' });
    const text = renderText(report, { width: 80, lang: 'zh' });
    for (const english of ['failing', 'CRITICAL', 'confidence', 'Difference:', 'Evidence:', 'Fix:', 'Problems with the input', ' lines (', 'Assumed:', 'times read as']) expect(text).not.toContain(english);
    expect(text).toMatch(/网关日志时间按 UTC\+08:00 读取/);
    expect(text).toMatch(/ {2}故障\n/);
    expect(text).toMatch(/\d+ 行（已解析 \d+，未解析 \d+），\d+ 个输入，\d+ 个对象，\d+ 毫秒。/);
    const columns = (l: string): number => [...l].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    // Wrapped prose (summary, fix steps) stays within 80 columns.
    const prose = text.split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l) && !/置信度|^ {7}\[(?:cloud|peer)\] \d{4}/.test(l));
    expect(prose.length).toBeGreaterThan(3);
    for (const l of prose) expect(columns(l), l).toBeLessThanOrEqual(80);
  });
});
