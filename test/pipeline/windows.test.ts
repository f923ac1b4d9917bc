// Windows at the device's end: RasClient's failure sentence with its error code, `Error N:` as
// rasdial prints it, and a RemoteAccess event as PowerShell's Format-List shows it (the message
// wrapped over indented lines). Written here in Windows' shapes with documentation addresses.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import type { Report } from '../../src/types.js';

const run = (text: string): Promise<Report> => analyze([{ source: 'windows.txt', content: text }], { now: new Date('2026-12-05T00:00:00Z'), peerTz: 'UTC', peerYear: 2026 });

const rras = (error: string): string =>
  [
    '  EventID            : 20111',
    '  MachineName        : on-prem-vm',
    '  Data               : {233, 53, 0, 0}',
    '  EntryType          : Error',
    '  Message            : RoutingDomainID- {00000000-0000-0000-0000-000000000000}: A demand dial connection to the remote',
    '                          interface CloudGateway on port VPN2-4 was successfully initiated but failed to complete',
    `                          successfully because of the  following error: ${error}`,
    '  Source             : RemoteAccess',
    `  ReplacementStrings : {{00000000-0000-0000-0000-000000000000}, CloudGateway, VPN2-4, ${error}}`,
    '  InstanceId         : 20111',
    '  TimeGenerated      : 3/18/2016 1:26:02 PM',
    '',
  ].join('\n');

const CASES: [string, string, string][] = [
  ['RasClient 13868 (policy match error)', 'CoId={B46DAC17-165F-0000-43FD-70B45F16DA01}: The user HOST\\ops dialed a connection named Cloud VPN which has failed. The error code returned on failure is 13868.\n', 'ike-proposal-mismatch'],
  ['RasClient 809 (the server does not answer)', 'The user HOST\\ops dialed a connection named Cloud VPN which has failed. The error code returned on failure is 809.\n', 'peer-unreachable'],
  ['rasdial: Error 13801', 'Error 13801: IKE authentication credentials are unacceptable.\n', 'psk-mismatch'],
  ['RRAS event: credentials unacceptable', rras('Internet key exchange (IKE) authentication credentials are unacceptable.'), 'psk-mismatch'],
  ['RRAS event: the remote server is not responding', rras('The network connection between your computer and the VPN server could not be established because the remote server is not responding.'), 'peer-unreachable'],
  ['RRAS event: no machine certificate', rras('IKE failed to find valid machine certificate. Contact your Network Security Administrator about installing a valid certificate in the appropriate Certificate Store.'), 'certificate-error'],
];

describe('Windows VPN errors', () => {
  it.each(CASES)('%s', async (_name, text, cause) => {
    const r = await run(text);
    expect(r.stats.unparsed).toBe(0);
    expect(r.subjects).toHaveLength(1);
    expect(r.subjects[0]!.findings[0]?.cause).toBe(cause);
  });

  it('reads the event message once (ReplacementStrings repeats it)', async () => {
    const r = await run(rras('Policy match error'));
    expect(r.subjects[0]!.timeline.filter((t) => t.event === 'no-proposal')).toHaveLength(1);
  });

  it('leaves short generic words without Format-List padding to others', async () => {
    const r = await run('Source: RemoteAccess\nIndex: 12\n');
    expect(r.stats.unparsed).toBe(2);
  });
});
