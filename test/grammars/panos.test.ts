// The PAN-OS dialect line by line: which lines it claims (and leaves to the other dialects), the
// shapes users paste (ikemgr.log, the system log as CSV or `show log system`, a GUI detail, a
// sentence alone), the events of its messages, and the times and addresses it reads. The lines
// are written for these tests in the shapes docs/panos.md lists.
import { describe, expect, it } from 'vitest';
import { createPanosDialect } from '../../grammars/panos/index.js';
import { csvFields } from '../../grammars/panos/tokens.js';
import { createDialects } from '../../src/parse/registry.js';
import { eventsOf, parseText } from './peer-harness.js';

const GW = '198.51.100.1';
const ME = '198.51.100.2';
const csv = (eventId: string, desc: string, object = 'to-cloud'): string =>
  `1,2026/12/05 10:00:05,012801000001,SYSTEM,vpn,0,2026/12/05 10:00:04,,${eventId},${object},0,0,general,informational,"${desc.replaceAll('"', '""')}",70001,0x0,0,0,0,0,,pa-fw`;
const cli = (eventId: string, desc: string): string => `2026/12/05 10:00:04 info     vpn      to-cloud  ${eventId}  0  ${desc}`;
const ikemgr = (msg: string, level = 'PERR'): string => `2026-12-05 10:00:04.120 +0800  [${level}]: { 1: }: ${ME}[500] - ${GW}[500]:0x7fa610013da0 ${msg}`;
const parse = (text: string) => parseText(text, [createPanosDialect()], { year: 2026 });
const one = (text: string) => {
  const p = parse(text);
  expect(p.failures).toEqual([]);
  expect(p.orphans).toEqual([]);
  return eventsOf(p);
};

const P1_TIMEOUT = `IKE phase-1 negotiation is failed as initiator, main mode. Failed SA: ${ME}[500]-${GW}[500] cookie:84222f276c2fa2e9:0000000000000000. Due to timeout.`;

describe('sniff', () => {
  const pan = createPanosDialect();
  it.each([
    ['an ikemgr line', ikemgr('authentication failure')],
    ['an ikemgr trace line', `2026-12-05 10:00:04.890 +0800 debug: pan_ikev2_debug(protocols/ikev2/ikev2.c:6946): IKEv2 SA state {GW:6-I}: SA dying`],
    ['a system-log CSV line', csv('ike-nego-p1-fail', P1_TIMEOUT)],
    ['a CSV line behind a syslog header', `<14>Dec  5 10:00:05 pa-fw.example.com ${csv('ike-nego-p1-fail', P1_TIMEOUT)}`],
    ['a show log system row', cli('ike-nego-p1-fail', P1_TIMEOUT)],
    ['a GUI detail', 'Event: ikev2-nego-ike-fail'],
    ['a description pasted alone', P1_TIMEOUT],
    ['a banner pasted alone', '====> PHASE-1 NEGOTIATION FAILED AS INITIATOR, MAIN MODE <===='],
  ])('claims %s', (_name, l) => expect(pan.sniff(l)).toBe(true));

  it.each([
    ['an Alibaba gateway line', `2026-12-05 10:00:04 vco-bp1abc [INFO]: ikev2.c:4664:ikev2_process_delete(): 1:${GW}[500] - ${ME}[500]:(nil):received DELETE IKE_SA`],
    ['a strongSwan line', 'Dec  5 10:00:01 gw charon[77]: 06[IKE] <to-cloud|1> sending DPD request'],
    ['a system-log line of another subtype', '1,2026/12/05 10:00:05,0128,SYSTEM,general,0,2026/12/05 10:00:04,,general,,0,0,general,informational,"User admin logged in",1,0x0'],
    ['prose naming IKE', 'The IKE phase was fine yesterday.'],
  ])('leaves %s', (_name, l) => expect(pan.sniff(l)).toBe(false));

  it('no other dialect claims a PAN-OS line (racoon2 leaves ikemgr to it)', () => {
    for (const d of createDialects().filter((x) => x.name !== 'panos')) {
      for (const l of [ikemgr('authentication failure'), csv('ike-nego-p1-fail', P1_TIMEOUT), cli('ike-nego-p1-fail', P1_TIMEOUT), P1_TIMEOUT, 'Event: ike-nego-p1-fail']) expect(d.sniff(l), `${d.name}: ${l}`).toBe(false);
    }
  });
});

describe('events', () => {
  it.each([
    [P1_TIMEOUT, 'p1-timeout', 1, { role: 'initiator', mode: 'main', answered: 'false' }],
    [P1_TIMEOUT.replace(':0000000000000000', ':1c2d3e4f5a6b7c8d'), 'p1-timeout', 1, { answered: 'true' }],
    [`IKE phase-1 negotiation is started as responder, main mode. Initiated SA: ${ME}[500]-${GW}[500] cookie:1:0.`, 'p1-start', 1, { role: 'responder', mode: 'main' }],
    [`IKE phase-1 negotiation is succeeded as initiator, aggressive mode. Established SA: ${ME}[500]-${GW}[500] cookie:1:2 lifetime 28800 Sec.`, 'p1-established', 1, { role: 'initiator' }],
    [`IKE phase-1 negotiation is failed. Couldn't find configuration for IKE phase-1 request for peer IP ${GW}[500]`, 'no-config', 1, { remote: GW }],
    ['IKE phase-1 negotiation is failed. Unable to process peer\'s SA payload.', 'no-proposal', 1, {}],
    [`IKE phase-2 negotiation is started as initiator, quick mode. Initiated SA: ${ME}[500]-${GW}[500] message id:0x5A1B2C3D.`, 'p2-start', 2, { role: 'initiator' }],
    ["IKE phase-2 negotiation failed when processing SA payload. No suitable proposal found in peer's SA payload.", 'no-proposal', 2, {}],
    ['IKE phase-2 negotiation failed when processing Proxy ID. Received local id 203.0.113.128/25 type IPv4 address protocol 0 port 0, received remote id 203.0.113.0/24 type IPv4 address protocol 0 port 0.', 'ts-unacceptable', 2, { localTs: '203.0.113.128/25', remoteTs: '203.0.113.0/24' }],
    [`IKEv2 IKE SA negotiation is failed as responder, non-rekey. Failed SA: ${ME}[500]-${GW}[500] SPI:07f21c0fd2236540:ac9d9ee491cd49d9. received ID_I (type ipaddr [198.51.100.9]) does not match peers id`, 'id-mismatch', 1, { id: '198.51.100.9' }],
    [`IKEv2 IKE SA negotiation is failed as initiator, non-rekey. Failed SA: ${ME}[500]-${GW}[500] SPI:07f21c0fd2236540:0000000000000000. Due to negotiation timeout.`, 'p1-timeout', 1, { role: 'initiator', answered: 'false' }],
    [`IKEv2 child SA negotiation is failed as responder, rekey. Failed SA: ${ME}[500]-${GW}[500] message id:0x00000002. message lacks KE payload`, 'ke-missing', 2, {}],
    [`IKEv2 child SA negotiation is succeeded as initiator, non-rekey. Established SA: ${ME}[500]-${GW}[500] message id:0x1, SPI:0x1/0x2.`, 'p2-established', 2, { role: 'initiator' }],
    ['IKE protocol IPSec SA delete message received from peer. SPI:0xA1CD910F.', 'delete-received', 2, { what: 'CHILD_SA' }],
    ['IKE protocol IPSec SA delete message sent to peer. SPI:0xA1CD910F.', 'delete-sent', 2, { what: 'CHILD_SA' }],
    ['IKE protocol notification message received: INVALID-ID-INFORMATION (18).', 'ts-unacceptable', 2, {}],
    [`IPSec key installed. Installed SA: ${ME}[500]-${GW}[500] SPI:0x1/0x2 lifetime 3600 Sec lifesize unlimited.`, 'p2-established', 2, {}],
  ] as const)('%s → %s', (desc, type, phase, vars) => {
    for (const text of [csv('ike-generic-event', desc), cli('ike-generic-event', desc), desc]) {
      const e = one(text);
      expect(e.map((x) => [x.type, x.phase])).toEqual([[type, phase]]);
      expect(e[0]!.vars).toMatchObject(vars);
    }
  });

  it.each([
    ['authentication failure', 'auth-failed'],
    ['authentication result: failure', 'auth-failed'],
    ['received notify type NO_PROPOSAL_CHOSEN', 'no-proposal'],
    ['received notify type AUTHENTICATION_FAILED', 'auth-failed'],
    ['received Notify type TS_UNACCEPTABLE, failed establishing child_sa', 'ts-unacceptable'],
    ['received ID_I (type fqdn [gw.example.com]) does not match peers id', 'id-mismatch'],
  ])('ikemgr: %s → %s', (msg, type) => {
    expect(one(ikemgr(msg)).map((e) => e.type)).toEqual([type]);
  });

  it('reads the ikemgr banners', () => {
    const banner = (b: string): string => `2026-12-05 10:00:04.120 +0800  [PNTF]: { 1: }: ${b}`;
    const e = one([banner('====> PHASE-1 NEGOTIATION STARTED AS INITIATOR, MAIN MODE <===='), banner('====> PHASE-1 NEGOTIATION SUCCEEDED AS INITIATOR, MAIN MODE <===='), ikemgr('====> IKEv2 CHILD SA NEGOTIATION FAILED AS RESPONDER, REKEY <====', 'PNTF')].join('\n'));
    expect(e.map((x) => [x.type, x.phase])).toEqual([['p1-start', 1], ['p1-established', 1], ['p2-failed', 2]]);
  });

  it('a refusal without its phase is phase 2 once an IKE SA is up in the input', () => {
    const up = cli('ike-nego-p1-succ', `IKE phase-1 negotiation is succeeded as initiator, main mode. Established SA: ${ME}[500]-${GW}[500] cookie:1:2 lifetime 28800 Sec.`);
    expect(one(ikemgr('received notify type NO_PROPOSAL_CHOSEN')).map((e) => e.phase)).toEqual([1]);
    expect(one([up, ikemgr('received notify type NO_PROPOSAL_CHOSEN')].join('\n')).map((e) => e.phase)).toEqual([1, 2]);
  });

  it('a GUI detail: the event id with its description wrapped over the next lines', () => {
    const p = parse(['Event: ikev2-nego-enc-mismatch', "[IKE-GW-ALI]: Configured encryption algorithm 'AES256-CBC' was not presented", 'in the IKE proposal. Please ensure that matching proposals are configured on', 'both sides.', '', 'Event: ike-generic-event', 'no proposal chosen.'].join('\n'));
    expect(p.orphans).toEqual([]);
    expect(eventsOf(p).map((e) => [e.type, e.phase, e.vars['mine']])).toEqual([
      ['no-proposal', 1, 'AES256-CBC'],
      ['no-proposal', 1, undefined],
    ]);
    expect(p.records[0]!.context).toMatchObject({ shape: 'event', eventId: 'ikev2-nego-enc-mismatch' });
  });

  it('a GUI detail without its description reads as its event id', () => {
    expect(one('Event: ikev2-nego-child-fail').map((e) => [e.type, e.phase])).toEqual([['p2-failed', 2]]);
  });
});

describe('times, addresses, frames', () => {
  it('ikemgr keeps its own zone; the system log is read in the device zone given', () => {
    const [a] = parse(ikemgr('authentication failure')).records;
    expect(a!.timeMs).toBe(Date.UTC(2026, 11, 5, 2, 0, 4, 120));
    const [b] = parseText(csv('ike-nego-p1-fail', P1_TIMEOUT), [createPanosDialect()], { tz: { minutes: -300 } }).records;
    // The generated time (10:00:04), not the receive time.
    expect(b!.timeMs).toBe(Date.UTC(2026, 11, 5, 15, 0, 4));
    expect(b!.context).toMatchObject({ shape: 'system', eventId: 'ike-nego-p1-fail', object: 'to-cloud' });
  });

  it('the addresses of the SA: this end, then the gateway', () => {
    const [r] = parse(csv('ike-nego-p1-fail', P1_TIMEOUT)).records;
    expect([r!.local, r!.remote]).toEqual([{ ip: ME, port: 500 }, { ip: GW, port: 500 }]);
  });

  it.each([
    ['a plain field list', 'a,b,,c', ['a', 'b', '', 'c']],
    ['a quoted field with a comma and a doubled quote', '1,"x, ""y""",2', ['1', 'x, "y"', '2']],
    ['an unterminated quote', '1,"open', ['1', 'open']],
  ])('CSV: %s', (_name, line, fields) => expect(csvFields(line)).toEqual(fields));
});
