// Secrets a Huawei or H3C paste can carry: the pre-shared key of an echoed configuration line
// (VRP `pre-shared-key cipher %^%#…%^%#` / `simple …`, Comware `pre-shared-key address A key
// cipher $c$3$…`, `authentication-method pre-share … key …`), VRP and Comware cipher blobs
// wherever they appear, key material `terminal debugging` prints (`SKEYID …: 3a4b…`), and long hex
// runs (packet dumps). The peer-common masks (`psk=…`, `secret: …`) run too.
import { REDACTED, maskSecrets } from '../peer-common/secrets.js';

/** `pre-shared-key [address A|hostname H] [key] [cipher|simple|plain] VALUE`. */
const PSK_CONFIG = /\b(pre-shared-key\s+(?:(?:address|hostname|ipv6)\s+\S+\s+(?:\S+\s+)?)?(?:key\s+)?(?:(?:cipher|simple|plain)\s+)?)(?!(?:error|mismatch|is|fail\w*)\b)("[^"]*"|\S+)/gi;
/** `key cipher $c$3$…` / `key simple abc` anywhere (keychains, Comware keys). */
const KEY_CONFIG = /\b((?:key|password|secret)\s+(?:cipher|simple|plain)\s+)(\S+)/gi;
/** VRP `%^%#…%^%#` / `%@%@…%@%@`, Comware `$c$3$…`: a stored key, even encrypted. */
const CIPHER_BLOB = /%\^%#\S*?%\^%#|%@%@\S*?%@%@|\$c\$\d\$\S+/g;
/** Debug key dumps: `SKEYID_e: 0x3a…`, `PSK: …`, `SK_ei …`, `key: …` with hex after it. */
const KEY_DUMP = /\b((?:SKEYID\w*|SKEYSEED|SK_\w{1,3}|PSK|psk|pre-shared key|DH (?:shared )?secret|keymat|key)\s*[:=]?\s*)(?:0x)?[0-9A-Fa-f][0-9A-Fa-f :]{15,}/g;
const HEX_RUN = /\b[0-9A-Fa-f]{32,}\b/g;
export const HEX_WITHHELD = '[hex data withheld]';

export interface HuaweiMask {
  text: string;
  secret: boolean;
}

function replaceAll(text: string, re: RegExp, by: (m: string, head: string) => string): { text: string; hit: boolean } {
  re.lastIndex = 0;
  if (!re.test(text)) {
    re.lastIndex = 0;
    return { text, hit: false };
  }
  re.lastIndex = 0;
  const out = text.replace(re, by as (m: string, ...rest: string[]) => string);
  re.lastIndex = 0;
  return { text: out, hit: true };
}

/** Masks one line (or message). */
export function maskHuawei(input: string): HuaweiMask {
  let secret = false;
  let text = input;
  for (const [re, by] of [
    [PSK_CONFIG, (_m: string, head: string) => `${head}${REDACTED}`],
    [KEY_CONFIG, (_m: string, head: string) => `${head}${REDACTED}`],
    [CIPHER_BLOB, () => REDACTED],
    [KEY_DUMP, (_m: string, head: string) => `${head}${REDACTED}`],
  ] as const) {
    const r = replaceAll(text, re, by);
    text = r.text;
    secret ||= r.hit;
  }
  text = text.replace(HEX_RUN, HEX_WITHHELD);
  const common = maskSecrets(text);
  return { text: common.text, secret: secret || common.secret };
}
