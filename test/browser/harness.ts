// Shared by the browser tests: launches a system Chromium through playwright-core with a fresh
// profile, opens an HTML string from file://, and records console errors, dialogs and every
// request that is not the file itself (those are also aborted). The browser is CHROMIUM_PATH, else
// the first of the usual names on this machine (Debian's /usr/bin/chromium, chromium-browser,
// google-chrome); CI installs Debian's.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const USUAL = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? USUAL.find((p) => existsSync(p)) ?? USUAL[0]!;
export const ARTIFACTS = resolve('test-artifacts');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Opened {
  page: Page;
  url: string;
  /** Console errors and warnings, uncaught exceptions. */
  errors: string[];
  /** Requests for anything but the report file. */
  outside: string[];
  dialogs: string[];
}

export class Browser {
  private constructor(private readonly context: BrowserContext, private readonly dir: string) {}

  static async launch(): Promise<Browser> {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing. Set CHROMIUM_PATH to a Chromium or Chrome binary, or install one: apt-get update && apt-get install -y chromium`);
    const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-html-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    // launchPersistentContext is how playwright passes a fresh --user-data-dir.
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      offline: true,
    });
    return new Browser(context, dir);
  }

  async open(html: string, name: string): Promise<Opened> {
    const file = join(this.dir, `${name}.html`);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await this.context.newPage();
    const opened: Opened = { page, url, errors: [], outside: [], dialogs: [] };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') opened.errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => opened.errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      opened.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (r.url() !== url && !r.url().startsWith('data:')) opened.outside.push(r.url());
    });
    page.on('websocket', (w) => opened.outside.push(w.url()));
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
    return opened;
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
