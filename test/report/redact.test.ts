import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactReport } from '../../src/report/redact.js';
import { Keyed } from '../../src/report/redact/keyed.js';
import { removeSecrets } from '../../src/secrets.js';
import { TextRedactor } from '../../src/report/redact/text.js';
import type { Report } from '../../src/types.js';

const load = (name: string): Report => JSON.parse(readFileSync(`test/fixtures/reports/${name}.json`, 'utf8')) as Report;

function redactor(lines: string[], key = 'k'): (s: string) => string {
  const t = new TextRedactor(new Keyed(key));
  for (const l of lines) t.observe(l);
  return (s) => t.redact(s);
}

const inRange = (ip: string, prefix: string): boolean => ip.startsWith(prefix);

describe('pseudonyms in text', () => {
  const lines = [
    'ph1: 198.51.100.1[500] <=> 198.51.100.2[500], 198.51.100.1 <=> 198.51.100.2',
    'CHILD_SA to-cloud-lan{1} established with SPIs 7a795b76_i 00010000_o and TS 203.0.113.128/25 === 203.0.113.0/25',
    'pfkey UPDATE succeeded: ESP/Tunnel 198.51.100.2[4500]->198.51.100.1[4500] spi=65536(0x10000)',
    'private 10.20.0.5 172.16.3.9/32 192.168.1.0/24 100.64.1.1 well-known 0.0.0.0/0 100.104.0.0/16 127.0.0.1',
    'v6 2001:db8:85a3::8a2e:370:7334 fe80::1 ::ffff:198.51.100.2 fd12:3456:789a::1',
  ];
  const r = redactor(lines);
  const out = lines.map(r);

  it('keeps ports, prefixes and the text around', () => {
    expect(out[0]).toMatch(/^ph1: (\d+\.\d+\.\d+\.\d+)\[500\] <=> (\d+\.\d+\.\d+\.\d+)\[500\], \1 <=> \2$/);
    expect(out[1]).toMatch(/TS \d+\.\d+\.\d+\.128\/25 === \d+\.\d+\.\d+\.0\/25$/);
  });

  it('the same address is the same pseudonym everywhere, different ones differ', () => {
    const [a, b] = out[0]!.match(/\d+\.\d+\.\d+\.\d+/g)!;
    expect(a).not.toBe(b);
    expect(out[2]).toContain(`${b}[4500]->${a}[4500]`);
  });

  it('no pseudonym equals an input address; last octet and subnet shape stay', () => {
    for (const o of out) expect(o).not.toMatch(/198\.51\.100\.[12]\b|203\.0\.113\.(0|128)\//);
    const [a] = out[0]!.match(/\d+\.\d+\.\d+\.\d+/g)!;
    expect(a!.endsWith('.1')).toBe(true);
  });

  it('private stays private (same block), public goes to documentation/benchmark ranges, neutral stays', () => {
    const ips = out[3]!.match(/\d+\.\d+\.\d+\.\d+(\/\d+)?/g)!;
    expect(inRange(ips[0]!, '10.')).toBe(true);
    expect(ips[0]).not.toBe('10.20.0.5');
    expect(ips[1]).toMatch(/^172\.(1[6-9]|2\d|3[01])\.\d+\.9\/32$/);
    expect(ips[2]).toMatch(/^192\.168\.\d+\.0\/24$/);
    expect(ips[2]).not.toBe('192.168.1.0/24');
    expect(ips[3]).toMatch(/^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./);
    expect(out[3]).toContain('0.0.0.0/0 100.104.0.0/16 127.0.0.1');
    const [pub] = out[0]!.match(/\d+\.\d+\.\d+\.\d+/g)!;
    expect(pub).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113|198\.1[89])\./);
  });

  it('SPIs map by value across formats (racoon2 decimal/hex, strongSwan _i/_o)', () => {
    const spi = out[1]!.match(/SPIs [0-9a-f]{8}_i ([0-9a-f]{8})_o/)![1]!;
    expect(spi).not.toBe('00010000');
    expect(out[2]).toContain(`spi=${parseInt(spi, 16)}(0x${parseInt(spi, 16).toString(16)})`);
  });

  it('IPv6: documentation prefix for public, ULA stays ULA, link-local/loopback-like kept, mapped v4 follows v4', () => {
    const v6 = out[4]!;
    expect(v6).toMatch(/^v6 2001:db8:[0-9a-f:]+ fe80::1 ::ffff:(\d+\.\d+\.\d+\.\d+) fd[0-9a-f]{2}:/);
    expect(v6).not.toContain('8a2e:370:7334');
    expect(v6).not.toContain('fd12:3456:789a');
    const [, b] = out[0]!.match(/\d+\.\d+\.\d+\.\d+/g)!;
    expect(v6).toContain(`::ffff:${b}`);
  });

  it('a different key gives different pseudonyms; the same key the same ones', () => {
    expect(lines.map(redactor(lines, 'k'))).toEqual(out);
    // Private blocks have room for many slots, so the key decides (the three public /24s barely do).
    expect(lines.map(redactor(lines, 'other'))[3]).not.toBe(out[3]);
  });

  it.each([
    ['resource ids keep their prefix and masking', 'vco-bp12869d20623bfaca61 tun-64n1sr9dig64k6**** vpndgn-bp1pub0000demo', /^vco-[a-z0-9]{20} tun-[a-z0-9]{14}\*{4} vpndgn-[a-z0-9]{14}$/],
    ['words that only look like ids stay', 'vpn-gateway tun-device', /^vpn-gateway tun-device$/],
    ['quoted values in advice stay', "Change the connection to 'sha1' and the peer's mode to 'main'.", /^Change the connection to 'sha1' and the peer's mode to 'main'\.$/],
    ['certificate DNs', 'received end entity cert "C=CN, O=Acme Corp, CN=vpn"', /^received end entity cert "id-[a-z0-9]{8}"$/],
    ['strongSwan id mismatch', "IDir 'hq-fw' does not match to 'acme-hq'", /^IDir 'id-[a-z0-9]{8}' does not match to 'id-[a-z0-9]{8}'$/],
    ['IKE ids in quotes', "authentication of 'hq-fw.acme-corp.cn' (myself) with pre-shared key", /^authentication of 'fqdn-[a-z0-9]{8}\.example' \(myself\)/],
    ['@fqdn and e-mail ids', 'peer ID is ID_FQDN: \'@vpn.acme.com\' admin@acme.com', /^peer ID is ID_FQDN: '@fqdn-[a-z0-9]{8}\.example' user-[a-z0-9]{4}@fqdn-[a-z0-9]{8}\.example$/],
    ['file names and public doc hosts stay', 'gateway.log racoon2.conf https://www.alibabacloud.com/help/en/vpn', /^gateway\.log racoon2\.conf https:\/\/www\.alibabacloud\.com\/help\/en\/vpn$/],
    ['a host hidden in a file name does not', 'logs/vpn.acme.com.log', /^logs\/fqdn-[a-z0-9]{8}\.example\.log$/],
    ['cookies and hex dumps', 'resend 3718fdea89cb9697:5fe3a6b1c0d2e4f8\n3718fdea 89cb9697 00000000 000000b4', /^resend (?!3718fdea)[0-9a-f]{16}:(?!5fe3a6b1)[0-9a-f]{16}\n(?!3718fdea)[0-9a-f]{8} [0-9a-f]{8} 00000000 000000b4$/],
    ['times, versions and algorithm names stay', '2026-11-21T22:18:16Z 22:18:03 strongSwan 5.9.8 AES_CBC_256/HMAC_SHA2_256_128 aa:bb:cc:dd:ee:ff', /^2026-11-21T22:18:16Z 22:18:03 strongSwan 5\.9\.8 AES_CBC_256\/HMAC_SHA2_256_128 aa:bb:cc:dd:ee:ff$/],
  ])('%s', (_name, input, expected) => {
    expect(redactor([input])(input)).toMatch(expected);
  });
});

describe('secrets are removed outright', () => {
  it.each([
    ['racoon2 psk hex dump', 'oakley_skeyid(): psk: 2026-11-21 22:10:09 [DEBUG]: oakley.c:2317:oakley_skeyid(): \n56783770 51322d6c 61622d73\n68617265 642d6b65 79\nnext', 'oakley_skeyid(): psk: [removed]\nnext'],
    ['JSON Psk', '{"Psk": "Vx7pQ2", "IkeMode":"main"}', '{"Psk": "[removed]", "IkeMode":"main"}'],
    ['escaped JSON Psk', '{"IkeConfig":"{\\"Psk\\":\\"abc\\"}"}', '{"IkeConfig":"{\\"Psk\\":\\"[removed]\\"}"}'],
    ['ipsec.secrets', '198.51.100.1 : PSK "Vx7pQ2"', '198.51.100.1 : PSK "[removed]"'],
    ['assignments and flags', 'Psk=hunter2&x=1 --Psk hunter2 secret: s3', 'Psk=[removed]&x=1 --Psk [removed] secret: [removed]'],
    ['PEM block', 'a\n-----BEGIN CERTIFICATE-----\nMIIBIjANBg\n-----END CERTIFICATE-----\nb', 'a\n[certificate/key material removed]\nb'],
    ['truncated PEM', 'x -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg', 'x [certificate/key material removed]'],
    ['AccessKey id', 'LTAI5tQx9Zk2aBcDeFgHiJ1k', '[removed]'],
    ['prose about keys stays', 'HASH for PSK validated. PSK: make both sides equal', 'HASH for PSK validated. PSK: make both sides equal'],
  ])('%s', (_name, input, expected) => {
    expect(removeSecrets(input)).toBe(expected);
  });
});

describe('redactReport', () => {
  const original = load('hostile');
  const snapshot = JSON.stringify(original);
  const red = redactReport(original, { key: 'test' });

  it('is pure and deterministic', () => {
    expect(JSON.stringify(original)).toBe(snapshot);
    expect(redactReport(load('hostile'), { key: 'test' })).toEqual(red);
    expect(redactReport(load('hostile'))).toEqual(redactReport(load('hostile')));
    expect(JSON.stringify(redactReport(load('hostile'), { key: 'other' }))).not.toBe(JSON.stringify(red));
  });

  it('keeps the contract shape', () => {
    expect(red.schemaVersion).toBe(1);
    expect(red.tool).toEqual(original.tool);
    expect(red.generatedAt).toBe(original.generatedAt);
    expect(red.subjects[0]!.findings[0]!.cause).toBe(original.subjects[0]!.findings[0]!.cause);
    expect(red.subjects[0]!.timeline.map((e) => [e.event, e.time, e.side, e.count])).toEqual(
      original.subjects[0]!.timeline.map((e) => [e.event, e.time, e.side, e.count]));
  });

  it('diffs: Psk values removed, LocalId/RemoteId pseudonymised as identities', () => {
    const diff = red.subjects[0]!.findings[0]!.diff;
    expect(diff[0]).toEqual({ parameter: 'Psk', cloud: '[removed]', peer: '[removed]' });
    expect(diff[1]!.cloud).toMatch(/^\d+\.\d+\.\d+\.34$/);
    expect(diff[1]!.cloud).toBe(red.subjects[0]!.endpoints!.cloud);
    expect(diff[1]!.peer).toMatch(/^fqdn-[a-z0-9]{8}\.example$/);
    expect(diff[2]!.cloud).toMatch(/^id-[a-z0-9]{8}$/);
    expect(diff[3]!.cloud).toMatch(/^10\.\d+\.0\.0\/16,10\.\d+\.0\.0\/16$/);
  });

  it('action parameters: JSON-string IkeConfig redacted as JSON, Psk dropped', () => {
    const params = red.subjects[0]!.findings[0]!.remediation[0]!.action!.parameters;
    const ike = JSON.parse(params['IkeConfig'] as string) as Record<string, string>;
    expect(ike).not.toHaveProperty('Psk');
    expect(ike['LocalId']).toBe(red.subjects[0]!.findings[0]!.diff[1]!.peer);
    expect(ike['IkeAuthAlg']).toBe('sha1');
    expect(params['VpnConnectionId']).toBe(red.subjects[0]!.id);
  });

  it('file names in inputs and evidence are redacted like any text, reduced to their base names', () => {
    const r = redactReport({ ...load('two-sided-psk'), inputs: [{ source: 'logs/vco-bp12869d20623bfaca61-198.51.100.1.log', kind: 'gateway-log', records: 1, problems: 0 }] }, { key: 'k' });
    expect(r.inputs[0]!.source).toMatch(/^vco-[a-z0-9]{20}-\d+\.\d+\.\d+\.1\.log$/);
    expect(r.inputs[0]!.source).toContain(r.subjects[0]!.id);
  });
});

describe('--redact is safe to share (issue 16, item 5)', () => {
  it('paths become base names, syslog hosts and connection names become pseudonyms, the same for the same inputs', async () => {
    const { analyze } = await import('../../src/index.js');
    const line = (t: string) => `Nov 21 22:18:0${t} acme-branch-fw charon: 10[IKE] <acme-hq-tunnel|1> sending packet: from 198.51.100.2[500] to 198.51.100.1[500] (240 bytes)`;
    const content = `${[1, 2, 3, 4, 5].map((i) => line(String(i))).join('\n')}\n`;
    const input = [{ source: '/home/analyst/cases/ACME-Corp/peer.log', content }];
    const a = redactReport(await analyze(input, { peerTz: 'UTC', peerYear: 2026 }));
    const b = redactReport(await analyze(input, { peerTz: 'UTC', peerYear: 2026 }));
    const out = JSON.stringify(a);
    for (const leak of ['ACME-Corp', '/home/analyst', 'acme-branch-fw', 'acme-hq-tunnel']) expect(out).not.toContain(leak);
    expect(a.inputs[0]!.source).toBe('peer.log');
    expect(a.subjects[0]!.id).toMatch(/^peer:conn-[a-z0-9]{8}$/);
    // Lines quoted whole (a problem's preview) have their host and connection names replaced too.
    const quoted = redactReport({ ...a, problems: [{ source: 'peer.log', line: 9, code: 'E_UNPARSED_LINE', message: `peer.log:9: no grammar understands this line: "${line('9')}".` }] });
    const msg = quoted.problems[0]!.message;
    for (const leak of ['acme-branch-fw', 'acme-hq-tunnel']) expect(msg).not.toContain(leak);
    expect(msg).toMatch(/^peer\.log:9: no grammar understands this line: "Nov 21 22:18:09 host-[a-z0-9]{8} charon: 10\[IKE\] <conn-[a-z0-9]{8}\|1> sending packet/);
    // Stable: generated at another time and speed, the same inputs give the same pseudonyms.
    expect({ ...b, generatedAt: '', stats: { ...b.stats, durationMs: 0 } }).toEqual({ ...a, generatedAt: '', stats: { ...a.stats, durationMs: 0 } });
  });

  it('a syslog host after a lower-case month (some journalctl builds) is a pseudonym too', async () => {
    const { analyze } = await import('../../src/index.js');
    const content = 'nov 21 22:18:01 acme-branch-fw charon: 10[IKE] <acme-hq-tunnel|1> sending packet: from 198.51.100.2[500] to 198.51.100.1[500] (240 bytes)\n';
    const r = redactReport(await analyze([{ source: 'peer.log', content }], { peerTz: 'UTC', peerYear: 2026 }));
    expect(r.stats.parsed).toBe(1);
    const quoted = redactReport({ ...r, problems: [{ source: 'peer.log', line: 9, code: 'E_UNPARSED_LINE', message: `peer.log:9: no grammar understands this line: "${content.trim()}".` }] });
    for (const leak of ['acme-branch-fw', 'acme-hq-tunnel']) expect(JSON.stringify(quoted)).not.toContain(leak);
  });
});
