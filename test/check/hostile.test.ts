// Bad input is normal input for `check` too: configurations cut anywhere, junk, NUL bytes, mixed
// dialects and hostile cloud JSON give located problems or partial comparisons, never a throw,
// and never the key in any message.
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/check.js';
import { deviceConfigDeps } from '../../src/check/device-fixer.js';
import { renderJson } from '../../src/report/render/json.js';
import { BASE, describeExport, downloadExport } from './matrix-cloud.js';
import { baseSpec, deviceFiles, MATRIX_DIALECTS } from './matrix-device.js';

const check = (cloud: unknown, device: { name: string; text: string }[]) => runCheck({ cloud: [{ source: 'cloud.json', value: cloud }], device }, deviceConfigDeps);

describe('hostile configurations', () => {
  for (const dialect of MATRIX_DIALECTS) {
    it(`${dialect}: cut at every 23rd character, with junk and NUL bytes, never throws nor leaks the key`, () => {
      const files = deviceFiles(dialect, baseSpec(), BASE.gatewayIps);
      for (let cut = 0; cut < files[0]!.text.length; cut += 23) {
        const broken = files.map((f, i) => (i === 0 ? { ...f, text: `${f.text.slice(0, cut)}\u0000}}{{ \uFFFD"unterminated\n${f.text.slice(cut + 7)}` } : f));
        const r = check(describeExport(true), broken);
        const json = renderJson(r.report);
        expect(json).not.toContain(BASE.psk);
        for (const p of r.report.problems) expect(p.message).toMatch(/^\S+:\d+: /);
      }
    });
  }

  it('all dialects at once: each connection paired with its tunnel or left out, nothing thrown', () => {
    const files = MATRIX_DIALECTS.flatMap((d) => deviceFiles(d, baseSpec(), [BASE.gatewayIps[0]]).map((f) => ({ ...f, name: `${d}-${f.name}` })));
    const r = check(describeExport(false), files);
    expect(r.report.subjects).toHaveLength(1);
  });
});

describe('hostile cloud JSON', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a deep array', JSON.parse('['.repeat(50) + ']'.repeat(50))],
    ['IkeConfig of the wrong type', { VpnConnectionId: 'vco-x', IkeConfig: 7, IpsecConfig: '{not json' }],
    ['TunnelOptions of junk', { VpnConnectionId: 'vco-x', TunnelOptionsSpecification: { TunnelOptions: [null, 1, 'x', { TunnelId: 5 }] } }],
    ['a download with the key only', { VpnConnectionConfig: { IkeConfig: { Psk: BASE.psk } } }],
    ['a download of the peer view', downloadExport()],
  ])('%s', (_n, value) => {
    const r = check(value, deviceFiles('swanctl', baseSpec(), [BASE.gatewayIps[0]]));
    expect(renderJson(r.report)).not.toContain(BASE.psk);
  });
});
