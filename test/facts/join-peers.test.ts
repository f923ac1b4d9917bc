// Joining a device log to the gateway subject it talks to. A gateway that received nothing logs no
// address (only its start-up lines); a device log that names the gateway it tried still joins it,
// when it is the only such subject in the device log's time window (lab wave 7: the device's UDP
// 500 blocked, the device initiating). A device log's stamps carry no zone: read in the wrong one,
// it is hours off the gateway's, and still joins when it is the only subject within a zone's reach.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';

const GATEWAY = [
  '2026-12-06 15:30:46 vco-bp1join [INFO]: main.c:306:main(): starting iked for racoon2 20100526a',
  '2026-12-06 15:30:46 vco-bp1join [INFO]: main.c:321:main(): reading config /etc/racoon2/racoon2.conf',
  '2026-12-06 15:30:46 vco-bp1join [INFO]: isakmp.c:547:isakmp_open_address(): 198.51.100.1[4500] used for NAT-T',
].join('\n');
const DEVICE = [
  'Dec  6 07:30:47 08[IKE] <to-cloud|1> initiating IKE_SA to-cloud[1] to 198.51.100.1',
  'Dec  6 07:30:49 14[IKE] <to-cloud|1> retransmit 1 of request with message ID 0',
  'Dec  6 07:30:52 16[IKE] <to-cloud|1> retransmit 2 of request with message ID 0',
  'Dec  6 07:31:01 10[IKE] <to-cloud|1> giving up after 2 retransmits',
  'Dec  6 07:31:01 10[IKE] <to-cloud|1> establishing IKE_SA failed, peer not responding',
].join('\n');
const now = new Date('2026-12-07T00:00:00Z');

describe('joining device logs to gateway subjects', () => {
  it('a device log naming the gateway joins the only gateway subject in its window that names no address', async () => {
    const report = await analyze([{ source: 'gateway.log', content: GATEWAY }, { source: 'peer.log', content: DEVICE }], { now });
    expect(report.subjects.map((s) => s.id)).toEqual(['vco-bp1join']);
    expect(report.subjects[0]!.findings[0]?.cause).toBe('peer-unreachable');
  });

  it('two such gateway subjects: the device log stands alone rather than guess', async () => {
    const other = GATEWAY.replaceAll('vco-bp1join', 'vco-bp1other');
    const report = await analyze([{ source: 'gateway.log', content: `${GATEWAY}\n${other}` }, { source: 'peer.log', content: DEVICE }], { now });
    expect(report.subjects.map((s) => s.id).sort()).toEqual(['peer:to-cloud', 'vco-bp1join', 'vco-bp1other']);
  });

  it('a device log read in the wrong time zone (hours off) still joins the only such subject', async () => {
    for (const peerTz of ['+08:00', '-07:00', '+14:00']) {
      const report = await analyze([{ source: 'gateway.log', content: GATEWAY }, { source: 'peer.log', content: DEVICE }], { now, peerTz });
      expect(report.subjects.map((s) => s.id), peerTz).toEqual(['vco-bp1join']);
      expect(report.subjects[0]!.findings[0]?.cause, peerTz).toBe('peer-unreachable');
    }
  });

  it('a device log more than a time zone away (another day) stands alone', async () => {
    const report = await analyze([{ source: 'gateway.log', content: GATEWAY }, { source: 'peer.log', content: DEVICE.replaceAll('Dec  6', 'Dec  4') }], { now, peerTz: 'UTC' });
    expect(report.subjects.map((s) => s.id).sort()).toEqual(['peer:to-cloud', 'vco-bp1join']);
  });
});
