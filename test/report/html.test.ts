import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/render/html.js';
import type { Report } from '../../src/types.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/fixtures/reports/${name}.json`, 'utf8')) as Report;
const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

describe('renderHtml (markup level; the browser test checks behaviour)', () => {
  const html = renderHtml(load('two-sided-psk'));

  it('allows exactly its own inline style and script by hash, nothing else', () => {
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${sha(style)}'`);
    expect(csp).toContain(`script-src 'sha256-${sha(script)}'`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('references nothing outside the file', () => {
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/<link(?![^>]*href="data:)[^>]*>/i);
    expect(html).not.toMatch(/\sstyle=/i); // would need 'unsafe-inline'
    // The only http(s) URLs are the references, as plain links (nothing loads them).
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]);
    for (const u of urls) expect(u.startsWith('https://www.alibabacloud.com/') || u === 'http://www.w3.org/2000/svg').toBe(true);
  });

  it('one timeline per connection, lanes per side and tunnel, marks carry kind/side/count', () => {
    expect(html.match(/<svg class="timeline-svg"/g)?.length).toBe(2);
    expect(html).toMatch(/<g class="mark k-failure" role="img" tabindex="-?\d" data-i="\d+" data-kind="failure" data-phase="1" data-side="cloud"/);
    expect(html).toContain('data-count="4"');
    expect(html).toContain('>Tunnel 2</text>');
  });

  it('is deterministic', () => {
    expect(renderHtml(load('two-sided-psk'))).toBe(html);
  });

  it('escapes hostile report text everywhere', () => {
    const h = renderHtml(load('hostile'));
    expect(h).not.toContain('<script>alert');
    expect(h).not.toContain('<img');
    expect(h).not.toContain('</textarea></style>');
    expect(h).not.toMatch(/href="javascript/i);
    // JSON data blocks cannot be closed by the text they carry.
    for (const m of h.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)) {
      expect(m[1]).not.toMatch(/[<>]/);
      expect(() => JSON.parse(m[1]!)).not.toThrow();
    }
    expect(h.match(/<script/g)?.length).toBe(1 + (h.match(/<script type="application\/json"/g)?.length ?? 0));
    expect(h).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('never shows a pre-shared key, even one a rule wrongly put into a diff or action', () => {
    const h = renderHtml(load('hostile'));
    expect(h).not.toContain('Vx7pQ2-lab-shared-key');
    expect(h).not.toContain('Vx7pQ2-lab-shared-kez');
    expect(h).toContain('&lt;new-pre-shared-key&gt;');
  });

  it('Chinese labels and lang attribute', () => {
    const zh = renderHtml(load('two-sided-psk'), { lang: 'zh', title: '工单 #123' });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<title>工单 #123</title>');
    expect(zh).toContain('预共享密钥不一致');
    expect(zh).toContain('修复建议');
  });

  it('renders a report without subjects or times', () => {
    const empty: Report = { ...load('two-sided-psk'), subjects: [], problems: [] };
    expect(renderHtml(empty)).toContain('</html>');
    const untimed = load('two-sided-psk');
    for (const e of untimed.subjects[0]!.timeline) e.time = null;
    expect(renderHtml(untimed)).toContain('entries without a time');
  });
});
