// The library as an embedding tool uses it (issue 16, item 14): every renderer, redaction and the
// live collector are exported; option errors name the library's options and are thrown before any
// input is read; the CLI turns them into its own flags.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as lib from '../../src/index.js';
import { analyze, AnalyzeOptionError, type AnalyzeOptions } from '../../src/index.js';

const MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

describe('the library surface', () => {
  it('exports every renderer, redaction and the live collector', () => {
    for (const name of ['analyze', 'loadRules', 'runRuleCases', 'renderText', 'renderJson', 'renderJsonChunks', 'renderMarkdown', 'renderHtml', 'redactReport', 'collectLiveDiagnosis', 'AnalyzeOptionError', 'VERSION']) {
      expect(lib, name).toHaveProperty(name);
    }
  });

  it('renders and redacts a report with the exported functions', async () => {
    const report = await analyze(['examples/psk-mismatch'].map((p) => `${ROOT}${p}`));
    expect(lib.renderMarkdown(report)).toMatch(/^# IPsec-VPN diagnosis/);
    expect(lib.renderHtml(report)).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.stringify(lib.redactReport(report, { key: 'k' }))).not.toContain('198.51.100.1');
  });

  it.each<[AnalyzeOptions, string]>([
    [{ lang: 'fr' as never }, 'lang'],
    [{ jobs: 0 }, 'jobs'],
    [{ jobs: 1.5 }, 'jobs'],
    [{ peerYear: 20260 }, 'peerYear'],
    [{ logTz: 'Mars/Olympus' }, 'logTz'],
    [{ peerTz: '+25:00' }, 'peerTz'],
  ])('refuses %j naming the option %s', async (options, option) => {
    const err = await analyze([], options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnalyzeOptionError);
    expect((err as AnalyzeOptionError).option).toBe(option);
    expect((err as Error).message).toMatch(new RegExp(`^${option}: `));
  });

  it('the CLI says its own flag for the same error', () => {
    const r = spawnSync(process.execPath, [MAIN, 'analyze', 'examples/psk-mismatch', '--peer-year', '20260'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('ipsec-doctor: --peer-year: 20260 is not a year between 1990 and 2100.');
  });
});
