// Secrets are scrubbed from every report, not only with --redact (issue 16, item 1): a `Psk` of a
// DescribeVpnConnections export, the same key quoted by a device log, `psk=` assignments, debug
// dumps that spell the key out, PEM blocks and AccessKeys reach no format.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { analyze } from '../../src/index.js';
import { renderText } from '../../src/report/render/text.js';
import { renderJson } from '../../src/report/render/json.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import { renderHtml } from '../../src/report/render/html.js';
import { collectSecretValues, removeSecretValues, removeSecrets, scrubQuoted, withholdHexDumps } from '../../src/secrets.js';

const PSK = 'Sup3rS3cret!2026';
const AK_SECRET = 'hJ8kL2mN4pQ6rS8tU0vW2xY4zA6bC8';
const PEER = readFileSync(new URL('../fixtures/lab/sw-psk_mismatch_v2-P/input/peer.log', import.meta.url), 'utf8');

const describeExport = {
  RequestId: 'r',
  VpnConnections: {
    VpnConnection: [
      {
        VpnConnectionId: 'vco-sec1',
        Psk: PSK,
        IkeConfig: JSON.stringify({ IkeVersion: 'ikev2', Psk: PSK, LocalId: '198.51.100.1' }),
        LocalSubnet: '10.0.0.0/16',
        RemoteSubnet: '192.168.0.0/24',
        RemoteIp: '198.51.100.2',
      },
    ],
  },
};
const credentials = { AccessKeyId: 'LTAI5tQ8mZ3xR7vN2kP9wY4s', AccessKeySecret: AK_SECRET };
const hostileLines = [
  `Nov 21 22:18:04 15[CFG] <to-cloud|1> loaded secret psk=${PSK} for 198.51.100.1`,
  `Nov 21 22:18:04 15[CFG] <to-cloud|1> shared key data => 16 bytes @ 0x7f3c0c001b40`,
  `   0: 53 75 70 33 72 53 33 63 72 65 74 21 32 30 32 36  ${PSK}`,
  `random note: the key is ${PSK} (do not share)`,
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  '-----END PRIVATE KEY-----',
  `aliyun configure --access-key-id LTAI5tQ8mZ3xR7vN2kP9wY4s --access-key-secret ${AK_SECRET}`,
];

describe('secrets, always', () => {
  it('reach no format without --redact', async () => {
    const report = await analyze(
      [
        { source: 'describe.json', content: JSON.stringify(describeExport) },
        { source: 'credentials.json', content: JSON.stringify(credentials) },
        { source: 'peer.log', content: `${PEER}\n${hostileLines.join('\n')}\n` },
      ],
      { explain: true },
    );
    const outputs = [renderText(report), renderJson(report), renderMarkdown(report), renderHtml(report)];
    for (const out of outputs) {
      for (const secret of [PSK, AK_SECRET, 'LTAI5tQ8mZ3xR7vN2kP9wY4s', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', '53 75 70 33 72 53']) {
        expect(out).not.toContain(secret);
      }
    }
    // The cause is still found: scrubbing removes the key, not the diagnosis.
    expect(report.subjects.flatMap((s) => s.findings.map((f) => f.cause))).toContain('psk-mismatch');
  });

  it('collects secret values under secret-named keys, also inside JSON strings', () => {
    const into = new Set<string>();
    collectSecretValues({ a: [{ Psk: 'abcd1234' }], b: '{"password":"hunter22"}', c: { Psk: 'xy' } }, into);
    expect([...into].sort()).toEqual(['abcd1234', 'hunter22']);
    expect(removeSecretValues('key abcd1234 and hunter22', ['abcd1234', 'hunter22'])).toBe('key [removed] and [removed]');
  });

  it('withholds hex dumps of every daemon, keeps ordinary hex', () => {
    expect(withholdHexDumps('56783770 51322d6c 61622d73')).toBe('[hex data withheld]');
    expect(withholdHexDumps('   0: 53 75 70 33 72 53  Sup3rS')).toBe('   0: [hex data withheld]');
    expect(withholdHexDumps('|   53 75 70 33  72 53 33 63')).toBe('|   [hex data withheld]');
    for (const ordinary of ['spi c8d1a2b3', 'cookie 3718fdea89cb9697:99c991916f985ed2', 'at 12:34:56 from 10.0.0.1', 'SA 2 of 3 up']) {
      expect(withholdHexDumps(ordinary)).toBe(ordinary);
    }
  });

  it('the quick test before the patterns never skips a line they would change', () => {
    // Every line of every lab run (gateway and device, with their key dumps), every line's tail,
    // and made-up lines around the edges of each pattern.
    const texts: string[] = [];
    const runs = new URL('../../corpus/runs/', import.meta.url);
    for (const run of readdirSync(runs)) {
      for (const log of ['gateway.log.gz', 'peer.log.gz']) {
        try {
          for (const line of gunzipSync(readFileSync(new URL(`${run}/${log}`, runs))).toString('utf8').split('\n')) texts.push(line, line.slice(line.indexOf(': ') + 2));
        } catch {
          // A run without this log.
        }
      }
    }
    texts.push('received DELETE IKE_SA', '0: 53 75 70 33', '53 75 70', 'abcdef01 23', 'abcdef0 23', 'AB CD EF 01 rest', 'x Psk: abc', 'token=1', '-----BEGIN X-----', 'MIIabc', 'LTAI0123456789ab', 'STS.0123456789abcdef0');
    expect(texts.length).toBeGreaterThan(100_000);
    const skipped = texts.filter((t) => scrubQuoted(t) === t && withholdHexDumps(removeSecrets(t)) !== t);
    expect(skipped).toEqual([]);
  });
});
