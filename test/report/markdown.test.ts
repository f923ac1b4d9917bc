import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mdCode, mdFence, mdText, renderMarkdown } from '../../src/report/render/markdown.js';
import type { Report } from '../../src/types.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/fixtures/reports/${name}.json`, 'utf8')) as Report;

/** Markdown with fenced blocks and code spans removed: what GitHub would parse as markup. */
function outsideCode(md: string): string {
  let rest = md.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2\s*$/gm, '');
  rest = rest.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
  return rest;
}

/** Cells of a GFM table row: split on pipes that are not escaped. */
const cells = (row: string): string[] => row.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/);

describe('renderMarkdown', () => {
  const md = renderMarkdown(load('two-sided-psk'));

  it('starts with a summary table of subjects, status, top cause and confidence', () => {
    const lines = md.split('\n');
    const head = lines.findIndex((l) => l.startsWith('| Subject |'));
    expect(head).toBeGreaterThan(0);
    expect(cells(lines[head]!).map((c) => c.trim())).toEqual(['Subject', 'Status', 'Top cause', 'Confidence']);
    expect(lines[head + 2]).toContain('`vco-bp12869d20623bfaca61`');
    expect(lines[head + 2]).toContain('**Pre-shared key mismatch** (`psk-mismatch`)');
    expect(lines[head + 2]).toContain('92%');
    expect(lines[head + 3]).toContain('healthy');
  });

  it('per finding: cause, quoted evidence with source:line, diff table, steps and the aliyun line', () => {
    expect(md).toContain('### 1. Pre-shared key mismatch — critical, confidence 92%');
    expect(md).toMatch(/```text\ngateway\.log:97 \(cloud, 2026-11-21 22:18:05 UTC\)\n {2}2026-11-22 06:18:05 vco-bp12869d20623bfaca61 \[ERROR\]/);
    expect(md).toContain('peer.log:41 (peer, 2026-11-21 22:18:17 UTC)');
    expect(md).toContain('| `IpsecPfs` | `group14` | `disabled` |');
    expect(md).toContain('1. **Peer device:** Re-enter the pre-shared key');
    expect(md).toContain("aliyun vpc ModifyVpnConnectionAttribute --RegionId cn-hangzhou --VpnConnectionId vco-bp12869d20623bfaca61 --IkeConfig '{\"Psk\":\"<new-pre-shared-key>\"}' --EffectImmediately true");
    expect(md).toContain('--TunnelOptionsSpecification.1.TunnelId tun-bp1sl4v3e8d6c4b2a9');
  });

  it('every table row has as many cells as its header', () => {
    for (const name of ['two-sided-psk', 'hostile']) {
      const lines = renderMarkdown(load(name)).split('\n');
      let width = 0;
      for (const line of lines) {
        if (!line.startsWith('|')) {
          width = 0;
          continue;
        }
        const n = cells(line).length;
        if (width === 0) width = n;
        expect(n, `${name}: ${line}`).toBe(width);
      }
    }
  });

  it('hostile text cannot become markup: no raw HTML, links or emphasis outside code', () => {
    const hostile = renderMarkdown(load('hostile'));
    const prose = outsideCode(hostile);
    expect(prose).not.toMatch(/(?<!\\)<(?!https:\/\/www\.alibabacloud\.com)[a-z/!]/i);
    expect(prose).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    expect(prose).not.toContain('javascript:alert(1)>');
    expect(hostile).not.toContain('Vx7pQ2-lab-shared-key');
    expect(hostile).not.toContain('Vx7pQ2-lab-shared-kez');
  });

  it('Chinese labels', () => {
    const zh = renderMarkdown(load('two-sided-psk'), { lang: 'zh' });
    expect(zh).toContain('# IPsec-VPN 诊断报告');
    expect(zh).toContain('| 对象 | 状态 | 首要原因 | 置信度 |');
    expect(zh).toContain('**预共享密钥不一致** (`psk-mismatch`)');
    expect(zh).toContain('**修复建议**');
  });

  it('is deterministic', () => {
    expect(renderMarkdown(load('two-sided-psk'))).toBe(md);
  });
});

describe('markdown escaping helpers', () => {
  it.each([
    ['a `b` c', '``a `b` c``'],
    ['`x', '`` `x ``'],
    ['```', '```` ``` ````'],
    ['x|y', '`x|y`'],
  ])('mdCode(%j)', (input, out) => {
    expect(mdCode(input)).toBe(out);
  });

  it('mdCode in a table escapes pipes', () => {
    expect(mdCode('<a|b>', true)).toBe('`<a\\|b>`');
  });

  it('mdFence is longer than any backtick run inside', () => {
    const f = mdFence('line with ```` four', 'text');
    expect(f.startsWith('`````text\n')).toBe(true);
    expect(f.endsWith('\n`````')).toBe(true);
  });

  it('mdText escapes markup but keeps words with underscores readable', () => {
    expect(mdText('AUTHENTICATION_FAILED *x* <b> [l](u) a|b _em_')).toBe(
      'AUTHENTICATION_FAILED \\*x\\* \\<b\\> \\[l\\](u) a\\|b \\_em\\_',
    );
  });
});
