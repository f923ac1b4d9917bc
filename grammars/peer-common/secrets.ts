// Secrets in peer logs: PSK values echoed from configuration (`PSK "…"`, `secret = …`) and key
// material the daemons dump at high log levels (strongSwan `Sk_ai secret => 32 bytes @ 0x…` with
// hex lines after it, Libreswan `| SKEYID …` debug dumps). Values are replaced by `[redacted]`.
import type { LogRecord } from '../../src/types.js';

export const REDACTED = '[redacted]';

/** `psk = "x"`, `secret: x`, `pre-shared key = x`, `: PSK "x"` (ipsec.secrets), `PSK 0sBASE64`. */
const INLINE = /\b((?:pre-?shared[ _-]?key|psk|secret|ike_secret|shared_secret)\s*[=:]\s*)("[^"]*"|'[^']*'|0[xs]\S+|[^\s,;]+)/gi;
const SECRETS_FILE = /\b(PSK\s+)("[^"]*"|'[^']*'|0[xs]\S+)/g;

/** A label announcing key material, with the strongSwan `=> N bytes @ 0x…` or a value after it. */
const KEY_LABEL = /\b(?:secret|SKEYID\w*|SKEYSEED|Sk_[a-z]{1,2}|pre-?shared key|psk|keymat|private key|DH secret|shared Diffie.Hellman secret)\b[^=]*=>\s*\d+ bytes/i;

/** strongSwan hex dump line (`   0: 2B 40 C8 …  +@.`) or Libreswan debug dump (`|   2b 40 c8 …`). */
const HEX_DUMP = /^\s*(?:\d+: (?:[0-9A-F]{2} ){1,16}|\|\s+(?:[0-9a-f]{2} ?){4,})/;

/** Libreswan debug line naming key material (`| SKEYID_d: 0x…`, `| PSK: …`). */
const LIBRESWAN_KEY_DEBUG = /^\|.*\b(?:SKEYID\w*|SKEYSEED|SK_[a-z]{1,2}|PSK|psk|secret|shared key|g\^xy|nonce)\b[^:]*:\s*(.*)$/;

export interface MaskResult {
  text: string;
  /** The line carried or announces key material: following dump lines must not be kept. */
  secret: boolean;
  changed: boolean;
}

/** Masks one message; `text` is the message with values replaced. */
export function maskSecrets(message: string): MaskResult {
  let text = message;
  let secret = false;
  if (HEX_DUMP.test(text)) {
    const m = /^(\s*(?:\d+:|\|))/.exec(text);
    return { text: `${m ? m[1] : ''} ${REDACTED}`, secret: true, changed: true };
  }
  if (KEY_LABEL.test(text)) secret = true;
  const dbg = LIBRESWAN_KEY_DEBUG.exec(text);
  if (dbg && /[0-9a-f]{2}[ :]?[0-9a-f]{2}/i.test(dbg[1] ?? '')) {
    text = `${text.slice(0, text.length - dbg[1]!.length)}${REDACTED}`;
    secret = true;
  }
  for (const re of [INLINE, SECRETS_FILE]) {
    re.lastIndex = 0;
    if (re.test(text)) {
      re.lastIndex = 0;
      text = text.replace(re, (_m, label: string) => `${label}${REDACTED}`);
      secret = true;
    }
    re.lastIndex = 0;
  }
  return { text, secret, changed: text !== message };
}

/** Replaces `message` inside `line` by `masked` (the header before it stays as written). */
export function maskLine(line: string, message: string, masked: string): string {
  if (message === masked) return line;
  const at = line.lastIndexOf(message);
  return at >= 0 ? `${line.slice(0, at)}${masked}${line.slice(at + message.length)}` : masked;
}

/** Peer dialects: drop a secret record's dump, mask secrets in kept continuation lines. */
export function redactContinuation(rec: LogRecord): void {
  if (rec.secret) {
    rec.continuation = undefined;
    return;
  }
  if (!rec.continuation) return;
  rec.continuation = rec.continuation.map((c) => {
    const m = maskSecrets(c);
    if (m.secret) rec.secret = true;
    return m.text;
  });
}
