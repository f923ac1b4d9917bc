// Secrets a Cisco capture can carry: a pre-shared key some IOS debug levels echo
// (`ISAKMP: pre-shared key: …`), configuration echoed into a paste (`crypto isakmp key K address A`,
// `pre-shared-key [local|remote] K`, `ikev1 pre-shared-key K`), key material the high debug levels
// dump (`SKEYID_d: …`, `keymat`, ASA `debug crypto ikev1 255` hex), and packet hex (IKEv2
// `Decrypted packet:Data:` dumps). The peer-common masks run too.
import { REDACTED, maskSecrets } from '../peer-common/secrets.js';

/** `crypto isakmp key [0|6] K address A` / `hostname H`. */
const ISAKMP_KEY = /\b(crypto isakmp key\s+(?:[067]\s+)?)(\S+)(?=\s+(?:address|hostname)\b)/gi;
/** `pre-shared-key [local|remote] [0|6] K`, `ikev1 pre-shared-key K`, `pre-shared key: K`. */
const PSK_WORD = /\b(pre-?shared[- ]key(?:\s+(?:local|remote))?\s*(?::\s*|\s+)(?:[067]\s+)?)(?!(?:matching|with|for|is|not|authentication|mismatch)\b)(\S+)/gi;
/** A label announcing key material, the value after it. */
const KEY_LABEL = /\b((?:SKEYID(?:_[dae])?|SKEYSEED|keymat|key ?data|shared secret|DH secret|g\^xy|Sk_\w{1,3}|encryption key|auth(?:entication)? key)\s*[:=]\s*)\S.*$/i;
/** A run of hex bytes (`c0 a8 01 02 …`, `C0A80102…`), as packet and key dumps print them. */
const HEX_BYTES = /^(\s*)(?:[0-9A-Fa-f]{2}[ :]){8,}[0-9A-Fa-f]{0,2}\s*$/;
const HEX_RUN = /\b[0-9A-Fa-f]{32,}\b/g;
export const HEX_WITHHELD = '[hex data withheld]';

export interface CiscoMask {
  text: string;
  secret: boolean;
}

/** Masks one message (or a continuation line). */
export function maskCisco(message: string): CiscoMask {
  let secret = false;
  let text = message;
  const hex = HEX_BYTES.exec(text);
  if (hex) return { text: `${hex[1]}${HEX_WITHHELD}`, secret: true };
  for (const re of [ISAKMP_KEY, PSK_WORD]) {
    re.lastIndex = 0;
    if (re.test(text)) {
      re.lastIndex = 0;
      text = text.replace(re, (_m, head: string) => `${head}${REDACTED}`);
      secret = true;
    }
    re.lastIndex = 0;
  }
  const k = KEY_LABEL.exec(text);
  if (k) {
    text = `${text.slice(0, k.index)}${k[1]}${REDACTED}`;
    secret = true;
  }
  text = text.replace(HEX_RUN, HEX_WITHHELD);
  const common = maskSecrets(text);
  return { text: common.text, secret: secret || common.secret };
}
