// Secrets a FortiGate capture can carry: the keys `diagnose debug application ike -1` prints when
// an SA is installed (`ISAKMP SA …/… key 32:…`, `IPsec SA enc spi … key 32:… auth 32:…`), an echoed
// `set psksecret …` (plain or `ENC …`), and the hex of the packets it dumps (`in`/`out`/`dec`
// lines: a decrypted payload is not for a report). The peer-common masks (`psk=…`) run too.
import { REDACTED, maskSecrets } from '../peer-common/secrets.js';

/** `key 32:ABCD…`, `auth 20:…`, `enc 16:…`: a length and the key in hex. */
const KEY_HEX = /\b((?:key|auth|enc|SK_\w{1,3}|SKEYID\w*|SKEYSEED|secret)\s+\d+:)[0-9A-Fa-f]{8,}/g;
/** `psksecret ENC xyz…`, `psksecret "abc"`, `psk-secret: …`. */
const PSK_SECRET = /\b(psk-?secret(?:-remote)?\s*[:=]?\s*)(?:ENC\s+)?(?:"[^"]*"|'[^']*'|\S+)/gi;
/** A packet dump: a run of 32 hex digits or more. */
const HEX_RUN = /\b[0-9A-Fa-f]{32,}\b/g;
export const HEX_WITHHELD = '[hex data withheld]';

export interface FortigateMask {
  text: string;
  secret: boolean;
}

/** Masks one message (or event-log body). */
export function maskFortigate(message: string): FortigateMask {
  let secret = false;
  let text = message;
  if (KEY_HEX.test(text)) {
    KEY_HEX.lastIndex = 0;
    text = text.replace(KEY_HEX, (_m, head: string) => `${head}${REDACTED}`);
    secret = true;
  }
  KEY_HEX.lastIndex = 0;
  if (PSK_SECRET.test(text)) {
    PSK_SECRET.lastIndex = 0;
    text = text.replace(PSK_SECRET, (_m, head: string) => `${head}${REDACTED}`);
    secret = true;
  }
  PSK_SECRET.lastIndex = 0;
  text = text.replace(HEX_RUN, HEX_WITHHELD);
  const common = maskSecrets(text);
  return { text: common.text, secret: secret || common.secret };
}
