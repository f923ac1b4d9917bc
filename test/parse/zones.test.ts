// Time zones as users name them (issue 16, item 4): fixed offsets and IANA names, whose offset is
// the one in force at each stamp's own time — a device log that spans a daylight-saving change
// keeps its real order and spacing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatZone, parseZone, zoneOffsetAtWallTime } from '../../src/parse/timezone.js';
import { stampToEpochMs } from '../../grammars/peer-common/time.js';
import { readStamp } from '../../grammars/racoon2/stamp.js';
import { analyze, AnalyzeOptionError } from '../../src/index.js';

describe('zones', () => {
  it('parses offsets, UTC and IANA names; refuses the rest', () => {
    expect(parseZone('+05:30')).toEqual({ minutes: 330 });
    expect(parseZone('UTC')).toEqual({ minutes: 0 });
    expect(parseZone('Asia/Shanghai')).toEqual({ minutes: 480, name: 'Asia/Shanghai' });
    for (const bad of ['Mars/Olympus', '+25:00', 'soon', 'Asia']) expect(parseZone(bad)).toBeUndefined();
    expect(formatZone({ minutes: -300, name: 'America/New_York' })).toMatch(/^America\/New_York \(/);
    // In the report's language: a Chinese report describes the zone in Chinese.
    expect(formatZone({ minutes: 480, name: 'Asia/Shanghai' }, 'zh')).toBe('Asia/Shanghai（按每条时间戳当时的偏移，含夏令时）');
  });

  it('follows daylight saving per stamp (America/New_York, 8 March 2026)', () => {
    // 01:30 is EST (−5), 03:30 the same night is EDT (−4): one real hour apart, not two.
    const before = stampToEpochMs({ year: 2026, month: 2, day: 8, hour: 1, minute: 30, second: 0, ms: 0 }, { tz: { minutes: 0, name: 'America/New_York' } })!;
    const after = stampToEpochMs({ year: 2026, month: 2, day: 8, hour: 3, minute: 30, second: 0, ms: 0 }, { tz: { minutes: 0, name: 'America/New_York' } })!;
    expect(new Date(before).toISOString()).toBe('2026-03-08T06:30:00.000Z');
    expect(after - before).toBe(3_600_000);
    expect(zoneOffsetAtWallTime('America/New_York', Date.UTC(2026, 6, 1, 12))).toBe(-240);
    expect(new Date(readStamp('2026-07-01 12:00:00 vco-x [INFO]: x', { minutes: 0, name: 'Europe/Berlin' }).ms).toISOString()).toBe('2026-07-01T10:00:00.000Z');
  });

  it('analyze reads a device log in an IANA zone and says so', async () => {
    const line = 'Jul  1 12:00:05 gw charon: 10[IKE] <to-cloud|1> initiating Main Mode IKE_SA to-cloud[1] to 198.51.100.1';
    const report = await analyze([{ source: 'peer.log', content: `${line}\n` }], { peerTz: 'America/New_York', peerYear: 2026 });
    expect(report.subjects[0]!.timeline[0]!.time).toBe('2026-07-01T16:00:05Z');
    expect(report.assumptions?.join('\n')).toMatch(/Peer log times read as America\/New_York/);
    await expect(analyze([], { peerTz: 'Mars/Olympus' })).rejects.toBeInstanceOf(AnalyzeOptionError);
  });
});

describe('device clock check (issue 16, item 4)', () => {
  const both = new URL('../fixtures/lab/r2-psk_mismatch_v1_b_init-B/input', import.meta.url).pathname;
  const warning = (r: { assumptions?: string[] }): string | undefined => r.assumptions?.find((a) => a.startsWith('Device log times'));

  it.each([['+03:00', '3 h behind'], ['-05:00', '5 h ahead of'], ['Asia/Kolkata', '5 h 30 min behind']])('a device log read as %s is said to be %s, with the zone that lines it up', async (tz, gap) => {
    const report = await analyze([both], { peerTz: tz });
    expect(warning(report)).toContain(`Device log times are ${gap} the gateway's`);
    expect(warning(report)).toContain('rerun with --peer-tz +00:00');
  });

  it('says nothing when the zone is right', async () => {
    expect(warning(await analyze([both], { peerTz: 'UTC' }))).toBeUndefined();
  });

  it('no zone given: the device log is read again in the zone that lines it up, and the report says so', async () => {
    // The device wrote its stamps 3 h ahead of UTC (its own zone); nobody said so (this machine's
    // zone, assumed first, is not UTC+03:00).
    const gateway = readFileSync(join(both, 'gateway.log'), 'utf8');
    const peer = readFileSync(join(both, 'peer.log'), 'utf8').replace(/^Nov 21 22:/gm, 'Nov 22 01:');
    const report = await analyze([{ source: 'gateway.log', content: gateway }, { source: 'peer.log', content: peer }], { peerYear: 2026 });
    expect(warning(report)).toBeUndefined();
    const said = report.assumptions?.find((a) => a.startsWith('Peer log times read as'));
    expect(said).toMatch(/^Peer log times read as UTC\+03:00, inferred from the gateway's log \(read as UTC[+-]\d\d:\d\d they were .* off; \d+ events of vco-\w+ line up/);
    // Times now agree: the device's first packet is within seconds of the gateway's.
    const tl = report.subjects[0]!.timeline;
    const first = (side: string): number => Date.parse(tl.find((e) => e.side === side && e.time)!.time!);
    expect(Math.abs(first('peer') - first('cloud'))).toBeLessThan(60_000);
  });
});
