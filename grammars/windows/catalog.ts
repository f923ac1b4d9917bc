// Windows VPN errors (the built-in IKEv2 / L2TP client, RRAS demand-dial interfaces) → typed
// events. Windows reports an IKE failure as an error code (RasClient's "The error code returned on
// failure is 13868.", `Error 809: …`) or as the code's sentence inside an event message
// (RemoteAccess 20111: "… failed to complete successfully because of the following error: …").
// The codes and their sentences are Windows' own (winerror.h / raserror.h), docs/windows.md.
import type { LogRecord } from '../../src/types.js';
import { levelFromEvent, recordText } from '../peer-common/catalog-kit.js';

interface Meaning {
  type: string;
  vars: Record<string, string>;
  phase: 1 | 2;
}

const M = (type: string, vars: Record<string, string> = {}): Meaning => ({ type, vars, phase: 1 });

/** Error code → what it says about the negotiation. */
const CODES: Readonly<Record<string, Meaning>> = {
  '809': M('retransmit-limit', { why: 'the remote server is not responding' }),
  '13805': M('retransmit-limit', { why: 'negotiation timed out' }),
  '13801': M('auth-failed', { reason: 'credentials-unacceptable' }),
  '13806': M('cert-error', { reason: 'own-key-missing' }),
  '13868': M('no-proposal', { why: 'policy match error' }),
  '788': M('no-proposal', { why: 'no compatible security parameters' }),
  '13843': M('payload-invalid'),
  '789': M('p1-failed', { why: 'the security layer failed in the initial negotiation' }),
};

/** The sentences of those codes, as an event message quotes them. */
const SENTENCES: [RegExp, string][] = [
  [/remote server is not responding/i, '809'],
  [/Negotiation timed out/i, '13805'],
  [/authentication credentials are unacceptable/i, '13801'],
  [/failed to find valid machine certificate/i, '13806'],
  [/Policy match error/i, '13868'],
  [/could not negotiate compatible parameters with the remote computer/i, '788'],
  [/Invalid payload received/i, '13843'],
  [/security layer encountered a processing error during initial negotiations/i, '789'],
];

const CODE = /(?:error code returned on failure is|(?:Remote Access )?[Ee]rror)\s*:?\s*(\d{3,5})\b/;

export function classifyWindows(rec: LogRecord): void {
  const text = recordText(rec);
  let code = CODE.exec(text)?.[1];
  if (!code || !CODES[code]) code = SENTENCES.find(([re]) => re.test(text))?.[1];
  const m = code ? CODES[code] : undefined;
  if (!m) return;
  rec.event = { type: m.type, vars: { ...m.vars, code: code! } };
  rec.phase = m.phase;
  levelFromEvent(rec);
}
