// DEPENDS ON THE PIPELINE (src/index.ts analyze): renders the real report of a lab fixture with a
// gateway log and a device log and opens it in Chromium: no console errors, no outside request,
// the top finding on screen, marks on both sides' lanes. Screenshot: test-artifacts/html-report-lab.png.

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
  const mod = (await import(spec)) as { analyze: (inputs: string[], options?: { now?: Date }) => Promise<Report> };
  return mod.analyze(inputs, { now: new Date('2026-11-22T08:00:00Z') });
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
});
