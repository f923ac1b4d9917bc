// DEPENDS ON THE PIPELINE (src/index.ts analyze): renders the real report of a lab fixture with a
// gateway log and a device log and opens it in Chromium: no console errors, no outside request,
// the top finding on screen, marks on both sides' lanes. Screenshot: test-artifacts/html-report-lab.png.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/render/html.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import type { Report } from '../../src/types.js';
import { ARTIFACTS, Browser } from './harness.js';

const FIXTURE = 'test/fixtures/lab/r2-psk_mismatch_v1_b_init-B/input';

/** Imported at run time so this file type-checks whatever state the pipeline is in. */
async function analyze(inputs: string[]): Promise<Report> {
  const spec = '../../src/index.js';
  const mod = (await import(spec)) as { analyze: (inputs: string[], options?: { now?: Date; peerTz?: string; peerYear?: number }) => Promise<Report> };
  return mod.analyze(inputs, { now: new Date('2026-11-22T08:00:00Z'), peerTz: 'UTC', peerYear: 2026 });
}

/** Two lab runs of one connection two hours apart, both sides (see test/pipeline/episodes.test.ts). */
function twoEpisodes(): string {
  const read = (run: string, file: string): string => readFileSync(`test/fixtures/lab/${run}/input/${file}`, 'utf8');
  const gw = (run: string, hour: string): string => read(run, 'gateway.log').replace(/vco-[a-z0-9]+/g, 'vco-bp1episode000000001').replace(/^2026-11-22 06:/gm, `2026-11-22 ${hour}:`);
  const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-episodes-html-'));
  writeFileSync(join(dir, 'gateway.log'), gw('r2-psk_mismatch_v1_b_init-B', '06') + gw('r2-ts_mismatch_v1-B', '08'));
  writeFileSync(join(dir, 'peer.log'), read('r2-psk_mismatch_v1_b_init-B', 'peer.log') + read('r2-ts_mismatch_v1-B', 'peer.log').replace(/^Nov 21 22:/gm, 'Nov 22 00:'));
  return dir;
}

let browser: Browser;
beforeAll(async () => {
  browser = await Browser.launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('pipeline report in Chromium (needs analyze())', () => {
  it('r2-psk_mismatch_v1_b_init-B renders as Markdown and as HTML with both sides on the timeline', async () => {
    const report = await analyze([FIXTURE]);
    const top = report.subjects[0]?.findings[0];
    expect(top?.cause).toBe('psk-mismatch');
    const md = renderMarkdown(report);
    expect(md).toContain('`psk-mismatch`');
    expect(md).toMatch(/gateway\.log:\d+/);

    const { page, errors, outside, dialogs } = await browser.open(renderHtml(report), 'lab-psk');
    expect(await page.locator('.finding').first().locator('.cause-id').textContent()).toBe('psk-mismatch');
    expect(await page.locator('.finding').first().locator('.cause').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-lab.png'), fullPage: true });
    expect(await page.locator('#tl0-svg .mark[data-side="cloud"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#tl0-svg .mark[data-side="cloud"][data-kind="failure"]').count()).toBeGreaterThan(0);
    // The device log (strongSwan) must reach the timeline too: this is what "two-sided" means.
    expect(await page.locator('#tl0-svg .mark[data-side="peer"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('two attempts two hours apart: a broken axis, both bursts readable, the date where it changes, no badge over another', async () => {
    const report = await analyze([twoEpisodes()]);
    expect(report.subjects[0]!.episodes?.length).toBe(1);
    const { page, errors, outside } = await browser.open(renderHtml(report), 'episodes');
    const svg = page.locator('#tl0-svg');
    expect(await svg.locator('.axis-break').count()).toBe(1);
    const breakX = Number(await svg.locator('.axis-break text').getAttribute('x'));
    // Marks of both attempts, on both sides of the break, each burst spread over more than a few pixels.
    const xs = await svg.locator('.mark .hit').evaluateAll((els) => els.map((e) => Number(e.getAttribute('cx'))));
    const before = xs.filter((x) => x < breakX);
    const after = xs.filter((x) => x > breakX);
    expect(before.length).toBeGreaterThan(2);
    expect(after.length).toBeGreaterThan(2);
    expect(Math.max(...before) - Math.min(...before)).toBeGreaterThan(40);
    expect(Math.max(...after) - Math.min(...after)).toBeGreaterThan(40);
    // 06:18 and 08:18 at the gateway (UTC+8) are 22:18 and 00:18 UTC: the date changes on the axis.
    const ticks = await svg.locator('.tick').allTextContents();
    expect(ticks.filter((t) => /^11-22 /.test(t)).length).toBe(1);
    // Count badges as the browser lays them out: none overlaps another.
    const boxes = await svg.locator('.badge').evaluateAll((els) => els.map((e) => (e as unknown as { getBBox(): { x: number; y: number; width: number; height: number } }).getBBox()).map((b) => ({ x: b.x, y: b.y, w: b.width, h: b.height })));
    for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5).toBe(true);
    // The earlier attempt is on the page, folded.
    expect(await page.locator('details.episode > summary').textContent()).toContain('Earlier episode');
    await page.locator('#tl0').scrollIntoViewIfNeeded();
    await page.locator('#tl0-svg').screenshot({ path: join(ARTIFACTS, 'html-timeline-episodes.png') });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
