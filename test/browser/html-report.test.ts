// Opens the one-file HTML report in a real headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core, no browser download) from file:// and checks what a reader would see: no console
// errors, no request leaving the page, the expected timeline marks, the top cause on screen, and
// the log line behind a mark on keyboard focus. Writes screenshots to test-artifacts/.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/render/html.js';
import type { Report } from '../../src/types.js';
import { ARTIFACTS, Browser } from './harness.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/fixtures/reports/${name}.json`, 'utf8')) as Report;

let browser: Browser;
const open = (html: string, name: string) => browser.open(html, name);

beforeAll(async () => {
  browser = await Browser.launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('HTML report in Chromium', () => {
  it('two-sided PSK report: clean load, expected marks, cause visible, focus shows the log line', async () => {
    const { page, errors, outside, dialogs } = await open(renderHtml(load('two-sided-psk')), 'two-sided');
    // Marks of the first connection (single tunnel, gateway + device logs): [side, kind, marks, counts]
    const expected: [string, string, number, string[]][] = [
      ['cloud', 'attempt', 2, ['3', '1']], // p1-start, p1-mode and NAT detection in the same second: one glyph
      ['cloud', 'retransmit', 2, ['4', '4']],
      ['cloud', 'failure', 4, ['1', '1', '1', '1']],
      ['peer', 'attempt', 2, ['1', '1']],
      ['peer', 'retransmit', 2, ['3', '3']],
      ['peer', 'failure', 4, ['1', '1', '1', '1']],
      ['peer', 'success', 0, []],
    ];
    for (const [side, kind, n, counts] of expected) {
      const marks = page.locator(`#tl0-svg .mark[data-side="${side}"][data-kind="${kind}"]`);
      expect(await marks.count(), `${side} ${kind}`).toBe(n);
      const got = await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-count') ?? ''));
      expect(got.sort(), `${side} ${kind} counts`).toEqual([...counts].sort());
    }
    // Dual-tunnel connection: four lanes, the PFS failures grouped on tunnel 2 (the gateway's with the
    // phase-2 start of the same second: one glyph, ×7).
    expect(await page.locator('#tl1-svg .lane-bg').count()).toBe(4);
    expect(await page.locator('#tl1-svg .mark[data-kind="failure"][data-side="peer"][data-count="6"]').count()).toBe(1);
    expect(await page.locator('#tl1-svg .mark[data-kind="failure"][data-side="cloud"][data-count="7"]').count()).toBe(1);
    // Tunnel 1: phase 1 and 2 up on both sides (4); tunnel 2: phase 1 up on the gateway (1).
    expect(await page.locator('#tl1-svg .mark[data-kind="success"]').count()).toBe(5);

    const cause = page.locator('.finding').first().locator('.cause');
    await expect.poll(() => cause.isVisible()).toBe(true);
    expect(await cause.textContent()).toBe('Pre-shared key mismatch');
    expect(await page.locator('.finding').first().locator('.cause-id').textContent()).toBe('psk-mismatch');

    // Keyboard: Tab reaches the timeline (one tab stop), focus shows the log line, arrows move.
    let onMark = false;
    for (let i = 0; i < 60 && !onMark; i++) {
      await page.keyboard.press('Tab');
      onMark = await page.evaluate<boolean>(`document.activeElement?.closest('#tl0-svg .mark') != null`);
    }
    expect(onMark, 'Tab reaches a timeline mark').toBe(true);
    const tip = page.locator('#tl0-tip');
    expect(await tip.isVisible()).toBe(true);
    const firstTip = await tip.textContent();
    await page.keyboard.press('ArrowRight');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).not.toBe(firstTip);
    const timeout = page.locator('#tl0-svg .mark[data-side="cloud"][data-kind="failure"]').nth(1);
    await timeout.focus();
    expect(await tip.textContent()).toContain('phase1 negotiation failed due to time up');
    expect(await tip.textContent()).toContain('gateway.log:140');
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-focus.png'), fullPage: false, clip: await clipOf(page, '#tl0') });

    // Hover shows the tooltip as well.
    await page.locator('#tl0-svg .mark[data-side="peer"][data-kind="failure"]').first().hover();
    expect(await tip.textContent()).toContain('AUTHENTICATION_FAILED');

    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await page.locator('body').focus();
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light', media: 'print' });
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-print.png'), fullPage: true });

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('hostile report text stays text: no script runs, no element injected, no request', async () => {
    const { page, errors, outside, dialogs } = await open(renderHtml(load('hostile')), 'hostile');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script:not([type="application/json"])').count()).toBe(1);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('.finding .title').first().textContent()).toContain('<script>alert("x")</script>');
    // A million repeats and an event id nobody knows still draw, as a failure mark.
    expect(await page.locator('#tl0-svg .mark[data-count="1000000"]').count()).toBe(1);
    expect(await page.locator('#tl0-svg .mark[data-count="1000000"]').getAttribute('data-kind')).toBe('failure');
    expect(await page.content()).not.toContain('Vx7pQ2-lab-shared-key');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('the harness does see requests that leave the page (so "none" above means none)', async () => {
    const probe = '<!DOCTYPE html><title>probe</title><img src="http://198.51.100.9/x.png" alt="">';
    const { page, outside } = await open(probe, 'probe');
    expect(outside).toContain('http://198.51.100.9/x.png');
    await page.close();
  });

  it('Chinese labels render', async () => {
    const { page, errors, outside } = await open(renderHtml(load('two-sided-psk'), { lang: 'zh' }), 'zh');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('.finding').first().locator('.cause').textContent()).toBe('预共享密钥不一致');
    expect(await page.locator('h1').textContent()).toBe('IPsec-VPN 诊断报告');
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-zh.png'), fullPage: false });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});

async function clipOf(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} not rendered`);
  await page.locator(selector).scrollIntoViewIfNeeded();
  const b = (await page.locator(selector).boundingBox())!;
  return { x: b.x, y: b.y, width: b.width, height: Math.min(b.height, 700) };
}
