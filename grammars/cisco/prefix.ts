// What names a Cisco message before its text: the ASA syslog tag (`%ASA-5-713119: `) and its
// `Group = …, Username = …, IP = …, ` fields, the ASA console debug tag (`[IKEv1 DEBUG]`), the IOS
// syslog tag (`%CRYPTO-4-IKMP_BAD_MESSAGE: `), and the IOS debug prefixes — `ISAKMP:(1001):`,
// `ISAKMP (0:1): `, `ISAKMP-PAK: (1001):`, `IPSEC(validate_proposal_request): `,
// `IKEv2:(SESSION ID = 1,SA ID = 1):`, `IKEv2-ERROR:(SA ID = 1):: `, `IKEv2-PROTO-4: `, and the crypto
// engine's (`CryptoEngine0: `, `CRYPTO_ENGINE: `: key generation steps, no negotiation event).

export type PrefixKind = 'asa' | 'ios-syslog' | 'isakmp' | 'ipsec' | 'ikev2' | 'engine';

export interface PrefixPayload {
  kind: PrefixKind;
  /** ASA message id (`713119`), IOS syslog mnemonic (`IKMP_BAD_MESSAGE`), IPSEC function name. */
  id?: string;
  /** ASA/IOS syslog facility (`ASA`, `CRYPTO`, `IKEV2`). */
  facility?: string;
  severity?: number;
  /** ASA `Group = ` (the tunnel group: a L2L group is named by the peer's address). */
  group?: string;
  /** ASA `IP = ` / `Remote:` — the other end's address. */
  peer?: string;
  /** IOS ISAKMP connection id (`1001`, `0` before phase 1 completes) or IKEv2 SA id. */
  conn?: string;
  /** IOS debug sub-facility (`ERROR`, `PAK`, `PROTO-4`, `INTERNAL`). */
  sub?: string;
  /** IKE version the family speaks (ISAKMP and 713xxx: 1; IKEv2 and 75xxxx: 2). */
  version?: 1 | 2;
}

// The leading `%` is often lost when a message is quoted (a post, a ticket): the tag alone is enough.
export const BARE_TAG = /^(?:ASA|CRYPTO|IKEV2|IPSEC|ISAKMP)-\d-[A-Z0-9_]+: /;
const ASA = /^%?(?:ASA|PIX|FTD)-(\d)-(\d{6}): ?/;
const IOS_SYSLOG = /^%?(CRYPTO|IKEV2|IPSEC|ISAKMP|CRYPTO_ENGINE|CRYPTO_SL)-(\d)-([A-Z0-9_]+): ?/;
const ENGINE = /^(?:CryptoEngine\d*|CRYPTO_ENGINE): ?/;
const ASA_DEBUG = /^\[IKEv([12])(?: DEBUG)?\]:? ?/;
/** The ASA console debug pasted without its tag: `Group = x, IP = y, text` (an L2L group is named by its peer). */
const ASA_BARE = /^Group = [^,]+, (?:Username = [^,]+, )?IP = [^,\s]+, /;
const ISAKMP = /^ISAKMP(?:-(\w+))?(?: ?\((\d+)(?::(\d+))?\))?:?(?: ?\((\d+)\):?)? ?/;
const IPSEC = /^IPSEC(?:-(\w+))?(?:\((\w+)\))?:?(?:\(SESSION ID = \d+\))? ?/;
const IKEV2 = /^IKEv2(?:-([\w-]+))?:? ?(?:\((?:SESSION ID = (\d+),\s*)?(?:SA ID = (\d+)|(\d+))\)|\(SESSION ID = (\d+)\))?:*:? ?/;
/** `Group = x, Username = y, IP = z, ` (any subset, in this order) after an ASA tag. */
const ASA_FIELDS = /^(?:Group = ([^,]+), )?(?:Username = ([^,]+), )?(?:IP = ([^,\s]+), )?/;
/** ASA IKEv2 (750xxx) `Local:a:p Remote:b:p Username:u ` fields. */
const ASA_V2 = /^Local:(\S+?):\d+ Remote:(\S+?):\d+ Username:(\S+) /;

/** The prefix at i, or undefined; `end` is where the message text begins. */
export function readPrefix(s: string, i: number): { payload: PrefixPayload; end: number } | undefined {
  const rest = i === 0 ? s : s.slice(i);
  const c = rest.charCodeAt(0);
  if (c === 37 || ((c === 65 || c === 67 || c === 73) && BARE_TAG.test(rest.slice(0, 48)))) {
    let m = ASA.exec(rest);
    if (m) {
      const id = m[2]!;
      const p: PrefixPayload = { kind: 'asa', facility: 'ASA', severity: Number(m[1]), id };
      if (/^(?:71[345]|602|702|717)/.test(id)) p.version = 1;
      if (/^75[0-2]/.test(id)) p.version = 2;
      let end = m[0].length;
      const f = ASA_FIELDS.exec(rest.slice(end));
      if (f && f[0]) {
        if (f[1]) p.group = f[1];
        if (f[3]) p.peer = f[3];
        end += f[0].length;
      }
      const v2 = ASA_V2.exec(rest.slice(end));
      if (v2) p.peer = v2[2];
      return { payload: p, end: i + end };
    }
    m = IOS_SYSLOG.exec(rest);
    if (m) {
      const p: PrefixPayload = { kind: 'ios-syslog', facility: m[1]!, severity: Number(m[2]), id: m[3]! };
      if (m[1] === 'IKEV2' || /^IKEV2/.test(m[3]!)) p.version = 2;
      return { payload: p, end: i + m[0].length };
    }
    return undefined;
  }
  if (c === 91) {
    const m = ASA_DEBUG.exec(rest);
    if (!m) return undefined;
    const p: PrefixPayload = { kind: 'asa', facility: 'ASA', version: m[1] === '2' ? 2 : 1 };
    let end = m[0].length;
    const f = ASA_FIELDS.exec(rest.slice(end));
    if (f && f[0]) {
      if (f[1]) p.group = f[1];
      if (f[3]) p.peer = f[3];
      end += f[0].length;
    }
    return { payload: p, end: i + end };
  }
  if (c === 71) {
    const f = ASA_BARE.test(rest) ? ASA_FIELDS.exec(rest) : null;
    if (!f) return undefined;
    const p: PrefixPayload = { kind: 'asa', facility: 'ASA', version: 1, group: f[1]! };
    if (f[3]) p.peer = f[3];
    return { payload: p, end: i + f[0].length };
  }
  if (c === 67) {
    const m = ENGINE.exec(rest);
    return m ? { payload: { kind: 'engine' }, end: i + m[0].length } : undefined;
  }
  if (c !== 73) return undefined;
  if (rest.startsWith('ISAKMP')) {
    const m = ISAKMP.exec(rest);
    if (!m) return undefined;
    const p: PrefixPayload = { kind: 'isakmp', version: 1 };
    if (m[1]) p.sub = m[1];
    const conn = m[4] ?? m[3] ?? m[2];
    if (conn !== undefined) p.conn = conn;
    return { payload: p, end: i + m[0].length };
  }
  if (rest.startsWith('IPSEC') || rest.startsWith('IPSec(')) {
    const m = IPSEC.exec(rest.replace(/^IPSec\(/, 'IPSEC('));
    if (!m) return undefined;
    const p: PrefixPayload = { kind: 'ipsec', version: 1 };
    if (m[1]) p.sub = m[1];
    if (m[2]) p.id = m[2];
    return { payload: p, end: i + m[0].length };
  }
  if (rest.startsWith('IKEv2')) {
    const m = IKEV2.exec(rest);
    if (!m) return undefined;
    const p: PrefixPayload = { kind: 'ikev2', version: 2 };
    if (m[1]) p.sub = m[1];
    const conn = m[3] ?? m[4];
    if (conn !== undefined) p.conn = conn;
    return { payload: p, end: i + m[0].length };
  }
  return undefined;
}
