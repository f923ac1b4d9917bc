// API responses as support tools save them: the SDK's model objects serialised as they are
// (camelCase keys, with or without the {headers, statusCode, body} wrapper), several responses
// appended to one file or one per line. Each reads as the API's own response does.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

const RAW = readFileSync(new URL('../../corpus/runs/r2-psk-differs_v1_binit_sw/diagnose.json', import.meta.url), 'utf8');
const DOC = JSON.parse(RAW) as Record<string, unknown>;

function camel(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camel);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.charAt(0).toLowerCase() + k.slice(1), camel(x)]));
}

async function run(content: string): Promise<Report> {
  return analyze([{ source: 'diagnose-vpn-connections.json', content }], { now: new Date('2026-12-07T00:00:00Z') });
}

const answer = (r: Report): string => r.subjects.map((s) => `${s.vpnConnectionId}:${s.findings[0]?.cause ?? s.status}`).join(';');

describe('API exports as support tools save them', () => {
  it.each([
    ['the SDK model, camelCase', JSON.stringify(camel(DOC))],
    ['the SDK response, camelCase body in its wrapper', JSON.stringify({ headers: { 'content-type': 'application/json' }, statusCode: 200, body: camel(DOC) })],
    ['two responses appended to one file', `${JSON.stringify(DOC, null, 2)}\n${JSON.stringify(DOC, null, 2)}\n`],
    ['one response per line', `${JSON.stringify(DOC)}\n${JSON.stringify(DOC)}\n`],
  ])('%s', async (_name, content) => {
    const original = await run(RAW);
    const r = await run(content);
    expect(r.problems).toEqual([]);
    expect(answer(r)).toBe(answer(original));
    expect(answer(r)).toMatch(/^vco-/);
  });

  it('a single document damaged in the middle is still salvaged, with its problem', async () => {
    const r = await run(`${RAW.slice(0, RAW.length - 40)}`);
    expect(r.problems.map((p) => p.code)).toContain('E_JSON_INVALID');
  });
});

describe('DescribeVpnConnection (one connection, its fields at the top) beside a device log', () => {
  const config = readFileSync(new URL('../../examples/check/describe-vpn-connection.json', import.meta.url), 'utf8');
  // The lab's device aimed at 198.51.100.9 (wave 16): its log joins the connection by its own address.
  const peer = gunzipSync(readFileSync(new URL('../../corpus/runs/kr2-addr-dev-gateway-ip-wrong_v2_binit_sw/peer.log.gz', import.meta.url))).toString('utf8');

  it('is read as the connection, and the device aiming elsewhere is told with both addresses', async () => {
    const r = await analyze([{ source: 'describe-vpn-connection.json', content: config }, { source: 'peer.log', content: peer }], { now: new Date('2026-12-07T00:00:00Z'), peerTz: 'UTC' });
    expect(r.problems).toEqual([]);
    expect(r.subjects).toHaveLength(1);
    const s = r.subjects[0]!;
    expect(s.vpnConnectionId).toBe('vco-bp1example00000001');
    expect(s.findings[0]?.ruleId).toBe('device-targets-other-gateway');
    expect(s.findings[0]?.summary).toContain('198.51.100.9');
    expect(s.findings[0]?.summary).toContain('192.0.2.10');
  });
});
