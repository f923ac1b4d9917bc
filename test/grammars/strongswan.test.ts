import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHeaderFailure } from '../../src/parse/dialect.js';
import { isFailureEvent, isPeerEventType } from '../../grammars/peer-common/events.js';
import { readProposalVar } from '../../grammars/peer-common/proposal-diff.js';
import { scanStamp, stampToEpochMs } from '../../grammars/peer-common/time.js';
import { createLibreswanDialect } from '../../grammars/libreswan/index.js';
import { createStrongswanDialect, strongswanDialect } from '../../grammars/strongswan/index.js';
import { eventsOf, parseText, type Parsed } from './peer-harness.js';

const LAB = new URL('../fixtures/lab/', import.meta.url);
const SAMPLES = new URL('../../grammars/strongswan/samples/', import.meta.url);
const read = (base: URL, path: string): string => readFileSync(new URL(path, base), 'utf8');
const parse = (text: string, ctx = {}): Parsed => parseText(text, [createStrongswanDialect()], { year: 2026, ...ctx });
const types = (p: Parsed): string[] => eventsOf(p).map((e) => e.type);
const only = (p: Parsed, type: string) => eventsOf(p).filter((e) => e.type === type);

interface Case {
  name: string;
  expect: (p: Parsed) => void;
}

const healthy = (p: Parsed): void => {
  expect(types(p)).toContain('p1-established');
  expect(types(p)).toContain('p2-established');
  expect(p.records.filter((r) => isFailureEvent(r.event)).map((r) => r.text)).toEqual([]);
};

const CASES: Case[] = [
  { name: 'sw-baseline_v2-P', expect: healthy },
  { name: 'r2-baseline_v1-B', expect: healthy },
  {
    name: 'sw-psk_mismatch_v2-P',
    // The parsed response names the refusal, and so does the line after it.
    expect: (p) =>
      expect(only(p, 'auth-failed')).toEqual([
        expect.objectContaining({ phase: 1, vars: expect.objectContaining({ type: 'AUTHENTICATION_FAILED', direction: 'received', exchange: 'IKE_AUTH' }) }),
        expect.objectContaining({ phase: 1, vars: expect.objectContaining({ notify: 'AUTHENTICATION_FAILED' }) }),
      ]),
  },
  {
    name: 'sw-p1_encryption_mismatch_v2-P',
    expect: (p) =>
      expect(only(p, 'no-proposal')).toEqual([
        expect.objectContaining({ phase: 1, vars: expect.objectContaining({ type: 'NO_PROPOSAL_CHOSEN', direction: 'received', exchange: 'IKE_SA_INIT' }) }),
        expect.objectContaining({ phase: 1, vars: expect.objectContaining({ notify: 'NO_PROPOSAL_CHOSEN', direction: 'received' }) }),
      ]),
  },
  {
    name: 'sw-ts_mismatch_v2-P',
    expect: (p) => {
      expect(only(p, 'ts-unacceptable')).toEqual([expect.objectContaining({ phase: 2, vars: { localTs: '203.0.113.128/25', remoteTs: '203.0.113.0/25' } })]);
      expect(types(p)).toContain('p2-failed');
    },
  },
  {
    name: 'sw-dpd_timeout_v2-P',
    expect: (p) => {
      const t = types(p);
      expect(t.indexOf('dpd-dead')).toBeGreaterThan(t.indexOf('p1-established'));
      expect(t).not.toContain('retransmit-limit');
    },
  },
  {
    name: 'r2-ike_version_mismatch_v2peer-B',
    expect: (p) => {
      expect(only(p, 'retransmit')).toHaveLength(3);
      expect(p.records.filter((r) => r.event?.type === 'retransmit').every((r) => r.phase === 1 && r.ikeVersion === 2)).toBe(true);
    },
  },
  { name: 'r2-p1_hash_mismatch_v1-B', expect: (p) => expect(p.records.filter((r) => r.event?.type === 'retransmit').map((r) => [r.phase, r.ikeVersion])).toEqual([[1, 1], [1, 1]]) },
  { name: 'r2-peer_unreachable_v1-B', expect: (p) => expect(types(p)).toEqual(['daemon-start']) },
  {
    name: 'r2-pfs_mismatch_v1-B',
    // The INFORMATIONAL_V1 message and the `received … error notify` line both say it (level 0 keeps only the first).
    expect: (p) => {
      expect(only(p, 'no-proposal').length).toBeGreaterThan(0);
      expect(only(p, 'no-proposal').every((e) => e.phase === 2)).toBe(true);
    },
  },
  {
    name: 'r2-psk_mismatch_v1_b_init-B',
    expect: (p) => {
      expect(only(p, 'peer-retransmit').length).toBeGreaterThan(0);
      expect(types(p).slice(-2)).toEqual(['retransmit-limit', 'p1-timeout']);
    },
  },
  { name: 'r2-ts_mismatch_v1-B', expect: (p) => expect(p.records.filter((r) => r.event?.type === 'retransmit').map((r) => r.phase)).toEqual([2, 2]) },
];

/** Lines that say something failed: each must carry an event. */
const FAILURE_WORDS = /fail|unacceptable|NO_PROP|AUTH_FAILED|retransmit|mismatch|refused|no acceptable|no matching|giving up|timed out|not responding|decryption|invalid|no IKE config|not found/i;

describe('strongSwan dialect on the lab peer logs', () => {
  it.each(CASES)('$name', ({ name, expect: check }) => {
    const p = parse(read(LAB, `${name}/input/peer.log`));
    expect(p.failures).toEqual([]);
    expect(p.orphans).toEqual([]);
    expect(p.records.every((r) => r.side === 'peer' && r.dialect === 'strongswan')).toBe(true);
    for (const r of p.records) if (FAILURE_WORDS.test(r.message)) expect(r.event, `line ${r.line}: ${r.message}`).toBeDefined();
    for (const e of eventsOf(p)) expect(isPeerEventType(e.type), e.type).toBe(true);
    // The lab device is 198.51.100.2, the cloud gateway 198.51.100.1.
    for (const r of p.records) {
      if (r.local) expect(r.local.ip).toBe('198.51.100.2');
      if (r.remote) expect(r.remote.ip).toBe('198.51.100.1');
    }
    check(p);
  });

  it('fills endpoints with ports from packet lines and connection/session from <conn|id>', () => {
    const p = parse(read(LAB, 'sw-baseline_v2-P/input/peer.log'));
    const sent = p.records.find((r) => r.event?.type === 'packet-sent')!;
    expect(sent.local).toEqual({ ip: '198.51.100.2', port: 500 });
    expect(sent.remote).toEqual({ ip: '198.51.100.1', port: 500 });
    const up = p.records.find((r) => r.event?.type === 'p1-established')!;
    expect([up.connName, up.session, up.tag, up.context?.['thread']]).toEqual(['to-cloud', '1', 'IKE', '11']);
    expect(up.event!.vars).toMatchObject({ local: '198.51.100.2', remote: '198.51.100.1', localId: '198.51.100.2', remoteId: '198.51.100.1' });
  });

  it('reads the year and zone from the context and keeps the stamp as written', () => {
    const p = parse(read(LAB, 'sw-baseline_v2-P/input/peer.log'), { year: 2026, tz: { minutes: 480 } });
    expect(p.records[0]!.localTime).toBe('Nov 21 21:58:39');
    expect(p.records[0]!.timeMs).toBe(Date.UTC(2026, 10, 21, 13, 58, 39));
  });
});

describe('strongSwan samples', () => {
  it('IKEv2 responder proposal mismatch: lists normalise to aes256 (cloud) vs aes (device)', () => {
    const p = parse(read(SAMPLES, 'responder-ike-proposal-mismatch.log'));
    expect(p.failures).toEqual([]);
    const [no] = only(p, 'no-proposal');
    expect(no!.phase).toBe(1);
    expect(readProposalVar(no!.vars['received'])).toEqual([{ IkeEncAlg: 'aes256', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]);
    expect(readProposalVar(no!.vars['configured'])).toEqual([{ IkeEncAlg: 'aes', IkeAuthAlg: 'sha256', IkePfs: 'group14' }]);
    expect(JSON.parse(no!.vars['diff']!)).toEqual([{ parameter: 'IkeEncAlg', cloud: 'aes256', peer: 'aes' }]);
    expect(only(p, 'transform-unacceptable')[0]!.vars).toEqual({ transform: 'ENCRYPTION_ALGORITHM', kind: 'enc' });
    expect(types(p)).toEqual(expect.arrayContaining(['proposal-received', 'proposal-configured', 'notify']));
  });

  it('IKEv1 responder PSK mismatch over syslog', () => {
    const p = parse(read(SAMPLES, 'responder-v1-psk-mismatch.log'));
    expect(p.failures).toEqual([]);
    const r = p.records.find((x) => x.event?.type === 'decrypt-failed')!;
    expect(r.event!.vars['payload']).toBe('ID_V1');
    expect([r.phase, r.ikeVersion, r.level, r.context?.['host'], r.context?.['program'], r.context?.['pid']]).toEqual([1, 1, 'error', 'vpn-b', 'charon', '2211']);
    expect(types(p)).toEqual(expect.arrayContaining(['payload-invalid', 'peer-retransmit', 'p1-start']));
  });

  it('IKEv1 phase 2: PFS mismatch diff and traffic selectors of a missing child config', () => {
    const p = parse(read(SAMPLES, 'responder-v1-phase2.log'));
    expect(p.failures).toEqual([]);
    const [no] = only(p, 'no-proposal');
    expect(no!.phase).toBe(2);
    expect(JSON.parse(no!.vars['diff']!)).toEqual([{ parameter: 'IpsecPfs', cloud: 'group14', peer: 'disabled' }]);
    expect(only(p, 'ts-unacceptable')).toEqual([expect.objectContaining({ phase: 2, vars: { localTs: '203.0.113.0/25', remoteTs: '203.0.113.128/25' } })]);
    expect(only(p, 'notify').map((e) => e.vars['type'])).toEqual(['NO_PROPOSAL_CHOSEN', 'INVALID_ID_INFORMATION']);
  });

  it('ISO time_format, log levels, no IKE config, MAC mismatch, no matching peer config', () => {
    const p = parse(read(SAMPLES, 'responder-v2-auth-and-config.log'), { tz: { minutes: 60 } });
    expect(p.failures).toEqual([]);
    expect(only(p, 'no-config')[0]!.vars).toEqual({ local: '198.51.100.2', remote: '198.51.100.9' });
    const noCfg = p.records.find((r) => r.event?.type === 'no-config')!;
    expect(noCfg.remote).toEqual({ ip: '198.51.100.9' });
    expect(only(p, 'id-mismatch')[0]!.vars).toMatchObject({ remote: '198.51.100.1', remoteId: 'cloud.example' });
    expect(only(p, 'auth-failed')[0]!.vars).toMatchObject({ reason: 'mac-mismatch', localId: '198.51.100.2', remoteId: '198.51.100.1' });
    const last = p.records.at(-1)!;
    expect([last.localTime, last.timeMs, last.level]).toEqual(['2026-11-21 21:58:53.250', Date.UTC(2026, 10, 21, 20, 58, 53, 250), 'info']);
    expect(p.records[0]!.tag).toBe('NET');
  });

  it('journald lines without thread/group still classify, names come from the message', () => {
    const p = parse(read(SAMPLES, 'journald.log'));
    expect(p.failures).toEqual([]);
    expect(types(p)).toEqual(['p1-start', 'packet-sent', 'p1-established', 'ts-unacceptable', 'p2-failed', 'delete-received', 'sa-deleted', 'p1-start']);
    expect(p.records[0]!.connName).toBe('to-cloud');
    expect(p.records[0]!.remote).toEqual({ ip: '198.51.100.1' });
  });

  it("NetworkManager's charon lines: a failed decryption and the quiet lines after it", () => {
    const nm = (msg: string): string => `Apr 29 00:43:22 laptop NetworkManager[19586]: ${msg}`;
    const p = parse([nm('invalid HASH_V1 payload length, decryption failed?'), nm('could not decrypt payloads'), nm('ignore malformed INFORMATIONAL request'), nm('Activation: starting connection')].join('\n'));
    expect(p.records.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(p.records[2]!.event).toBeUndefined();
    expect(types(p)).toEqual(['decrypt-failed', 'decrypt-failed']);
  });

  it('reads a month in lower or upper case, as some journalctl builds write it', () => {
    const sample = read(SAMPLES, 'journald.log');
    const lower = sample.replace(/^([A-Z][a-z]{2})(?= )/gm, (m) => m.toLowerCase());
    const upper = sample.replace(/^([A-Z][a-z]{2})(?= )/gm, (m) => m.toUpperCase());
    expect(lower).not.toBe(sample);
    const [p, pl, pu] = [parse(sample), parse(lower), parse(upper)];
    expect(pl.failures).toEqual([]);
    expect(pu.failures).toEqual([]);
    expect(pl.records.map((r) => [r.timeMs, r.event?.type])).toEqual(p.records.map((r) => [r.timeMs, r.event?.type]));
    expect(pu.records.map((r) => [r.timeMs, r.event?.type])).toEqual(p.records.map((r) => [r.timeMs, r.event?.type]));
  });

  it('statusall and swanctl output are records of the dialect, not failures', () => {
    const p = parse(read(SAMPLES, 'status.txt'));
    expect(p.failures).toEqual([]);
    expect(p.orphans).toEqual([]);
    expect(p.records.filter((r) => r.tag === 'status').every((r) => !r.event)).toBe(true);
    expect(types(p)).toEqual(['p1-start', 'auth-failed']);
  });

  it('masks key material and PSK values', () => {
    const p = parse(read(SAMPLES, 'key-dump.log'));
    const all = p.records.map((r) => `${r.text}\n${r.message}`).join('\n');
    expect(all).not.toMatch(/9B 1F 44|5A 12 C3|Vx7pQ2/);
    expect(p.records.filter((r) => r.secret)).toHaveLength(p.records.length);
    expect(p.records.at(-1)!.text).toContain('secret = [redacted]');
  });
});

describe('strongSwan header variants', () => {
  const lines: [string, string, Partial<{ connName: string; session: string; tag: string; localTime: string; timeMs: number; event: string }>][] = [
    ['filelog', 'Nov 21 21:58:50 08[IKE] <conn|1> giving up after 5 retransmits', { connName: 'conn', session: '1', tag: 'IKE', event: 'retransmit-limit' }],
    ['filelog without <name|id>', 'Nov 21 21:58:50 08[IKE] giving up after 5 retransmits', { tag: 'IKE', event: 'retransmit-limit' }],
    ['filelog, day padded', 'Nov  1 01:02:03 08[IKE] <7> sending DPD request', { session: '7', localTime: 'Nov  1 01:02:03', timeMs: Date.UTC(2026, 10, 1, 1, 2, 3), event: 'dpd-sent' }],
    ['filelog with ms', 'Nov 21 21:58:50.123 08[IKE] <conn|1> sending DPD request', { timeMs: Date.UTC(2026, 10, 21, 21, 58, 50, 123) }],
    ['filelog with year after the clock', 'Nov 21 21:58:50 2024 08[IKE] <conn|1> sending DPD request', { timeMs: Date.UTC(2024, 10, 21, 21, 58, 50) }],
    ['filelog ISO T with zone', '2026-11-21T21:58:50+08:00 08[IKE] <conn|1> sending DPD request', { timeMs: Date.UTC(2026, 10, 21, 13, 58, 50) }],
    ['filelog without time_format', '08[IKE] <conn|1> sending DPD request', { connName: 'conn', event: 'dpd-sent' }],
    ['thread ids above 99', 'Nov 21 21:58:50 108[IKE] <conn|1> sending DPD request', { event: 'dpd-sent' }],
    ['syslog', 'Nov 21 21:58:50 vpn charon[1234]: 08[IKE] <conn|1> giving up after 5 retransmits', { connName: 'conn', event: 'retransmit-limit' }],
    ['syslog without pid', 'Nov 21 21:58:50 vpn charon: 08[IKE] <conn|1> sending DPD request', { event: 'dpd-sent' }],
    ['rsyslog ISO', '2026-11-21T21:58:50.123456+00:00 vpn charon[1234]: 08[IKE] <conn|1> sending DPD request', { timeMs: Date.UTC(2026, 10, 21, 21, 58, 50, 123) }],
    ['charon-systemd', 'Nov 21 21:58:50 vpn charon-systemd[1234]: sending DPD request', { event: 'dpd-sent' }],
    ['no stamp, no host', 'charon: 09[IKE] sending DPD request', { event: 'dpd-sent' }],
    ['swanctl --initiate', '[IKE] sending DPD request', { tag: 'IKE', event: 'dpd-sent' }],
  ];
  it.each(lines)('%s', (_n, line, want) => {
    const d = createStrongswanDialect();
    expect(d.sniff(line)).toBe(true);
    const [r] = d.parseHeaders([{ text: line, line: 1 }], { source: 's', tz: { minutes: 0 }, year: 2026 });
    expect(r && !isHeaderFailure(r)).toBe(true);
    if (!r || isHeaderFailure(r)) return;
    d.classify(r);
    const got = { connName: r.connName, session: r.session, tag: r.tag, localTime: r.localTime, timeMs: r.timeMs, event: r.event?.type };
    expect(got).toMatchObject(want);
  });

  it('does not claim Libreswan, racoon2 or unrelated lines', () => {
    for (const l of [
      'Nov 21 22:03:59.723515: "to-cloud" #1: responding to Main Mode',
      'Nov 21 21:42:23 host pluto[123]: "conn"[1] 198.51.100.1 #1: ISAKMP SA established',
      '2026-11-22 06:10:09 vco-bp1a15261a8cf3184b38 [INFO]: main.c:306:main(): starting iked for racoon2 20100526a',
      'dc75b7b3 ca0dbf05 00000000 00000000 01100200 00000000 0000007c 0d000038',
      'Nov 21 21:58:50 host sshd[12]: Accepted publickey for root',
      '',
      'hello world',
    ])
      expect(strongswanDialect.sniff(l), l).toBe(false);
  });

  it('returns a HeaderFailure for sniffed-looking garbage and never throws', () => {
    const d = createStrongswanDialect();
    const garbage = ['Nov 99 21:58:50 08[IKE] x', 'Nov 21 21:58:50 nothing here', '\u0000\u0001', '<<<>>>', 'Nov 21 25:61:61 08[IKE] bad clock'];
    const out = d.parseHeaders(garbage.map((text, i) => ({ text, line: i + 1 })), { source: 's', tz: { minutes: 0 } });
    expect(out).toHaveLength(garbage.length);
    expect(out.slice(1, 4).every(isHeaderFailure)).toBe(true);
    const first = out[0]!;
    if (!isHeaderFailure(first)) expect(first.timeMs).toBeUndefined();
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const fuzz = Array.from({ length: 300 }, (_, i) => ({ line: i + 1, text: Array.from({ length: Math.floor(rnd() * 60) }, () => String.fromCharCode(32 + Math.floor(rnd() * 95))).join('') }));
    fuzz.push({ line: 301, text: 'Nov 21 21:58:50 08[IKE] <a|1> received proposals: IKE:' }, { line: 302, text: 'Nov 21 21:58:50 08[IKE] <a|1> CHILD_SA x{1} established with SPIs' });
    expect(() => {
      for (const r of d.parseHeaders(fuzz, { source: 'f', tz: { minutes: 0 } })) if (!isHeaderFailure(r)) d.classify(r);
    }).not.toThrow();
  });
});

describe('mixed dialects in one file', () => {
  it('each line goes to its own grammar', () => {
    const text = [
      'Nov 21 21:58:39 00[DMN] Starting IKE charon daemon (strongSwan 5.9.8, Linux 6.1, x86_64)',
      'Nov 21 22:03:59.723515: "to-cloud" #1: responding to Main Mode',
      'Nov 21 21:58:40 01[NET] <1> received packet: from 198.51.100.1[500] to 198.51.100.2[500] (464 bytes)',
      'Nov 21 22:04:00.873928: "to-cloud" #1: no acceptable Oakley Transform',
    ].join('\n');
    const p = parseText(text, [createStrongswanDialect(), createLibreswanDialect()], { year: 2026 });
    expect(p.records.map((r) => r.dialect)).toEqual(['strongswan', 'libreswan', 'strongswan', 'libreswan']);
    expect(eventsOf(p).map((e) => e.type)).toEqual(['daemon-start', 'p1-start', 'packet-received', 'no-proposal']);
  });
});

describe('time stamps without year or zone', () => {
  const at = (text: string, ctx: { tz: { minutes: number }; year?: number }, now?: number): number | undefined => stampToEpochMs(scanStamp(text)!.parts, ctx, now);
  it('uses the context year and zone', () => {
    expect(at('Nov 21 21:58:50', { tz: { minutes: 480 }, year: 2025 })).toBe(Date.UTC(2025, 10, 21, 13, 58, 50));
    expect(at('Nov 21 21:58:50', { tz: { minutes: -300 }, year: 2025 })).toBe(Date.UTC(2025, 10, 22, 2, 58, 50));
  });
  it('falls back to the current year, or the previous one when that would be in the future', () => {
    const now = Date.UTC(2027, 0, 1, 0, 10);
    expect(at('Jan  1 00:05:00', { tz: { minutes: 0 } }, now)).toBe(Date.UTC(2027, 0, 1, 0, 5));
    expect(at('Dec 31 23:59:59', { tz: { minutes: 0 } }, now)).toBe(Date.UTC(2026, 11, 31, 23, 59, 59));
    expect(new Date(at('Nov 21 21:58:50', { tz: { minutes: 0 } })!).getUTCFullYear()).toBeLessThanOrEqual(new Date().getUTCFullYear());
  });
  it('keeps an explicit year or zone of the stamp', () => {
    expect(at('2024-02-29T10:00:00.5Z', { tz: { minutes: 480 }, year: 2030 })).toBe(Date.UTC(2024, 1, 29, 10, 0, 0, 500));
    expect(at('2024-02-29 10:00:00', { tz: { minutes: 60 }, year: 2030 })).toBe(Date.UTC(2024, 1, 29, 9));
    expect(at('Feb 29 10:00:00 2024', { tz: { minutes: 0 }, year: 2030 })).toBe(Date.UTC(2024, 1, 29, 10));
  });
  it('rejects impossible clocks instead of inventing a time', () => {
    expect(at('Nov 21 24:00:00', { tz: { minutes: 0 }, year: 2026 })).toBeUndefined();
    expect(scanStamp('Foo 21 21:58:50')).toBeUndefined();
  });
});

// charon at `ike 0`: no IKE retransmit or refusal lines, only packets and messages. The catalogue
// reads retransmissions from repeated packets and refusals from the notifies this end sends, and
// at `ike 1` (where both kinds of line exist) reads each once.
describe('strongSwan at log level 0', () => {
  const ev = (text: string) => eventsOf(parse(text)).filter((e) => !['packet-sent', 'packet-received'].includes(e.type));

  it('a packet sent again with nothing received is a retransmission', () => {
    const e = ev(`Dec  4 19:16:42 14[IKE] <to-cloud|1> initiating Main Mode IKE_SA to-cloud[1] to 198.51.100.1
Dec  4 19:16:42 14[ENC] <to-cloud|1> generating ID_PROT request 0 [ SA V V V V V ]
Dec  4 19:16:42 14[NET] <to-cloud|1> sending packet: from 198.51.100.2[500] to 198.51.100.1[500] (176 bytes)
Dec  4 19:16:44 10[NET] <to-cloud|1> sending packet: from 198.51.100.2[500] to 198.51.100.1[500] (176 bytes)
Dec  4 19:16:47 11[NET] <to-cloud|1> sending packet: from 198.51.100.2[500] to 198.51.100.1[500] (176 bytes)`);
    const re = e.filter((x) => x.type === 'retransmit');
    expect(re.map((x) => x.vars['count'])).toEqual(['1', '2']);
    expect(re[0]).toMatchObject({ phase: 1, vars: { inferred: 'true', first: 'true', msgid: '0' } });
  });

  it('a logged retransmit line is not counted twice', () => {
    const e = ev(`Dec  4 17:50:11 08[IKE] <to-cloud|1> initiating Main Mode IKE_SA to-cloud[1] to 198.51.100.1
Dec  4 17:50:11 08[ENC] <to-cloud|1> generating ID_PROT request 0 [ SA V V V V V ]
Dec  4 17:50:11 08[NET] <to-cloud|1> sending packet: from 198.51.100.2[500] to 198.51.100.1[500] (176 bytes)
Dec  4 17:50:13 13[IKE] <to-cloud|1> sending retransmit 1 of request message ID 0, seq 1
Dec  4 17:50:13 13[NET] <to-cloud|1> sending packet: from 198.51.100.2[500] to 198.51.100.1[500] (176 bytes)`);
    expect(e.filter((x) => x.type === 'retransmit')).toHaveLength(1);
  });

  it('an answered packet sent again is not a retransmission', () => {
    const e = ev(`Dec  4 17:50:11 08[ENC] <to-cloud|1> generating INFORMATIONAL_V1 request 1 [ HASH N(DPD) ]
Dec  4 17:50:11 08[NET] <to-cloud|1> sending packet: from 198.51.100.2[4500] to 198.51.100.1[4500] (92 bytes)
Dec  4 17:50:11 09[NET] <to-cloud|1> received packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (92 bytes)
Dec  4 17:50:11 09[ENC] <to-cloud|1> parsed INFORMATIONAL_V1 request 2 [ HASH N(DPD_ACK) ]
Dec  4 17:50:21 08[ENC] <to-cloud|1> generating INFORMATIONAL_V1 request 3 [ HASH N(DPD) ]
Dec  4 17:50:21 08[NET] <to-cloud|1> sending packet: from 198.51.100.2[4500] to 198.51.100.1[4500] (92 bytes)`);
    expect(e.filter((x) => x.type === 'retransmit')).toEqual([]);
  });

  it('the same packet received again without being parsed is the other end repeating itself', () => {
    const e = ev(`Dec  4 19:18:50 07[ENC] <1> parsed ID_PROT request 0 [ ID HASH ]
Dec  4 19:18:50 07[IKE] <to-cloud|1> IKE_SA to-cloud[1] established between 198.51.100.2[cpe.example.com]...198.51.100.1[198.51.100.1]
Dec  4 19:18:50 07[ENC] <to-cloud|1> generating ID_PROT response 0 [ ID HASH ]
Dec  4 19:18:50 07[NET] <to-cloud|1> sending packet: from 198.51.100.2[4500] to 198.51.100.1[4500] (92 bytes)
Dec  4 19:18:52 13[NET] <to-cloud|1> received packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (92 bytes)
Dec  4 19:18:52 13[NET] <to-cloud|1> sending packet: from 198.51.100.2[4500] to 198.51.100.1[4500] (92 bytes)
Dec  4 19:18:54 14[NET] <to-cloud|1> received packet: from 198.51.100.1[4500] to 198.51.100.2[4500] (92 bytes)`);
    const pr = e.filter((x) => x.type === 'peer-retransmit');
    expect(pr).toHaveLength(1);
    expect(pr[0]).toMatchObject({ phase: 1, vars: { inferred: 'true' } });
  });

  it('a refusal the device sends, with no refusal line before it, is that refusal', () => {
    const [no] = ev(`Dec  4 19:19:32 15[ENC] <1> parsed IKE_AUTH request 1 [ IDi N(INIT_CONTACT) AUTH SA TSi TSr ]
Dec  4 19:19:32 15[IKE] <to-cloud|1> IKE_SA to-cloud[1] established between 198.51.100.2[198.51.100.2]...198.51.100.1[198.51.100.1]
Dec  4 19:19:32 15[ENC] <to-cloud|1> generating IKE_AUTH response 1 [ IDr AUTH N(TS_UNACCEPT) ]`).filter((x) => x.type === 'ts-unacceptable');
    expect(no).toMatchObject({ phase: 2, vars: { direction: 'sent', inferred: 'notify-sent' } });
  });

  it('a notify sent in answer to the other end\'s refusal is not the device\'s own refusal', () => {
    const e = ev(`Dec  4 17:50:11 15[ENC] <to-cloud|1> generating IKE_AUTH request 1 [ IDi N(INIT_CONTACT) IDr AUTH SA TSi TSr ]
Dec  4 17:50:11 11[ENC] <to-cloud|1> parsed IKE_AUTH response 1 [ N(NO_PROP) ]
Dec  4 17:50:11 11[IKE] <to-cloud|1> IDr payload missing
Dec  4 17:50:11 11[ENC] <to-cloud|1> generating INFORMATIONAL request 2 [ N(AUTH_FAILED) ]`);
    expect(e.map((x) => x.type)).toContain('no-proposal');
    expect(e.map((x) => x.type)).not.toContain('auth-failed');
  });

  it('an IKEv1 refusal arrives as an INFORMATIONAL request and belongs to quick mode once the IKE SA is up', () => {
    const e = ev(`Dec  4 19:18:38 12[CFG] <to-cloud|1> received proposals: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048
Dec  4 19:18:38 12[IKE] <to-cloud|1> IKE_SA to-cloud[1] established between 198.51.100.2[198.51.100.2]...198.51.100.1[198.51.100.1]
Dec  4 19:18:38 12[ENC] <to-cloud|1> generating QUICK_MODE request 1723976073 [ HASH SA No ID ID ]
Dec  4 19:18:38 15[ENC] <to-cloud|1> parsed INFORMATIONAL_V1 request 1653166523 [ HASH N(NO_PROP) ]
Dec  4 19:18:38 15[IKE] <to-cloud|1> received NO_PROPOSAL_CHOSEN error notify`);
    const no = e.filter((x) => x.type === 'no-proposal');
    expect(no.length).toBeGreaterThan(0);
    expect(no.every((x) => x.phase === 2)).toBe(true);
    expect(no.every((x) => x.vars['received'] === undefined)).toBe(true);
  });
});

describe('strongSwan notifies printed as numbers', () => {
  it('an aggressive-mode request answered with (29) is a refused exchange mode', () => {
    const p = parse(`[IKE] initiating Aggressive Mode IKE_SA con1[5] to 192.0.2.9
[ENC] generating AGGRESSIVE request 0 [ SA KE No ID V V V V V ]
[ENC] parsed INFORMATIONAL_V1 request 0 [ N((29)) ]
[IKE] received (29) error notify`);
    const refused = eventsOf(p).filter((e) => e.type === 'mode-not-acceptable');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.phase === 1 && e.vars['mode'] === 'aggressive')).toBe(true);
    expect(refused.at(-1)!.vars['notify']).toBe('INVALID_EXCHANGE_TYPE');
  });
});
