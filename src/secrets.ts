// Removes secrets outright (no pseudonym: nothing about a key may survive): PEM blocks and bare
// DER/base64 certificates, racoon2's `psk:` hex dumps, `"Psk": "…"` in JSON text (also escaped
// JSON inside JSON strings), `PSK "…"` lines of secrets files, `psk=…`-style assignments, and
// AccessKey ids / STS tokens. Quoted input lines also have their hex dumps withheld, whatever
// line came before them.

export const REMOVED = '[removed]';
export const CERT_REMOVED = '[certificate/key material removed]';

/** Object keys whose values are secrets; the redactor drops such properties. */
export const SECRET_KEY = /^(psk|pre_?shared_?key|access_?key_?secret|security_?token|sts_?token|password|passwd|passphrase|secret|private_?key)$/i;

const SECRET_WORDS = String.raw`(?:Psk|PreSharedKey|pre_shared_key|preSharedKey|AccessKeySecret|accessKeySecret|access_key_secret|SecurityToken|securityToken|password|Password|passphrase|secret|Secret|privateKey|private_key)`;

/** Log prefix racoon2 prints in the middle of its `psk:` line (the dump follows on new lines). */
const EMBEDDED_PREFIX = String.raw`(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[[A-Z_]+\]: \S+\(\):)?`;
const HEX_LINES = String.raw`(?:\r?\n[ \t]*[0-9A-Fa-f]{2,8}(?:[ \t]+[0-9A-Fa-f]{2,8})*[ \t]*(?=\r?\n|$))*`;

const RULES: [RegExp, string | ((...m: string[]) => string)][] = [
  // PEM blocks, also a truncated one that never reaches its END line.
  [/-----BEGIN ([A-Z0-9 ]{1,40})-----[\s\S]*?(?:-----END \1-----|$)/g, CERT_REMOVED],
  // Bare DER certificates / keys in base64 (they all start with "MII").
  [/\bMII[A-Za-z0-9+/]{40,}={0,2}/g, CERT_REMOVED],
  // racoon2 `psk: <prefix>\n<hex dump>` and any `psk: value` on one line.
  // Lower case only: that is how the daemons print it, and prose like "PSK: …" must survive.
  [new RegExp(String.raw`(\bpsk[ \t]*[:=][ \t]*)${EMBEDDED_PREFIX}[^\n]*${HEX_LINES}`, 'g'), (_m, head) => `${head}${REMOVED}`],
  // JSON `"Psk": "…"` (any secret-named key), plain and escaped inside another JSON string.
  [new RegExp(String.raw`("${SECRET_WORDS}"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'g'), (_m, head) => `${head}"${REMOVED}"`],
  [new RegExp(String.raw`(\\"${SECRET_WORDS}\\"\s*:\s*)\\"(?:[^"\\]|\\[^"])*\\"`, 'g'), (_m, head) => `${head}\\"${REMOVED}\\"`],
  // JSON with a non-string value (number, bare word).
  [new RegExp(String.raw`("${SECRET_WORDS}"\s*:\s*)(?!["\s])[^,}\]\s]+`, 'g'), (_m, head) => `${head}"${REMOVED}"`],
  // ipsec.secrets: `… : PSK "secret"` / `PSK 'secret'` / `PSK 0x…` / `PSK 0s…`.
  [/(\bPSK[ \t]+)(?:"[^"\n]*"|'[^'\n]*'|0[xs][0-9A-Za-z+/=]+)/g, (_m, head) => `${head}"${REMOVED}"`],
  // key=value, key: value (config files, query strings, CLI flags).
  [new RegExp(String.raw`(\b${SECRET_WORDS}[ \t]*[=:][ \t]*)(?!\[removed\])("[^"\n]*"|'[^'\n]*'|[^\s&,;]+)`, 'g'), (_m, head) => `${head}${REMOVED}`],
  [new RegExp(String.raw`(--${SECRET_WORDS}[ \t]+)("[^"\n]*"|'[^'\n]*'|\S+)`, 'g'), (_m, head) => `${head}${REMOVED}`],
  // Alibaba AccessKey ids and STS tokens.
  [/\bLTAI[0-9A-Za-z]{12,30}\b/g, REMOVED],
  [/\bSTS\.[A-Za-z0-9+/=._-]{16,}/g, REMOVED],
];

/** The text with every secret replaced by `[removed]` (certificates by a longer marker). */
export function removeSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) {
    if (typeof replacement === 'string') out = out.replace(pattern, replacement);
    else out = out.replace(pattern, replacement as (...m: string[]) => string);
  }
  return out;
}

/** Two or more groups of hex digits in a row, the first a full word: a dump (of a key, a nonce, a packet), not prose. */
const HEX_RUN = /\b[0-9A-Fa-f]{8}(?:[ \t]+[0-9A-Fa-f]{2,8})+\b/g;
/**
 * Four or more single bytes in hex and the rest of the line: strongSwan's and Libreswan's debug
 * dumps (`0: 53 75 70 33 …  Sup3…`), whose ASCII column would spell a key out.
 */
const BYTE_RUN = /(?<![\w:.-])[0-9A-Fa-f]{2}(?:[ \t]+[0-9A-Fa-f]{2}){3,}(?![\w:.-]).*$/gm;
export const HEX_WITHHELD = '[hex data withheld]';

/**
 * A quoted line with its hex dumps withheld: a key racoon2 dumps is recognised by what it is, not
 * only by the `psk:` line before it (which a damaged or re-wrapped log may have lost).
 */
export function withholdHexDumps(text: string): string {
  return text.replace(HEX_RUN, HEX_WITHHELD).replace(BYTE_RUN, HEX_WITHHELD);
}

/**
 * Supersets of what the rules above and the hex dumps need: text with none of them holds nothing to
 * remove, and most quoted lines are skipped in three tests instead of fourteen patterns (2.3 µs a
 * string, 0.4 s for a 4 000-connection report). The words every rule needs; the start of a
 * HEX_RUN; the start of a BYTE_RUN. Not "any two hex pairs", which words such as `received DELETE`
 * (`ed DE`) have: a quarter of a fleet report's quoted lines went the long way. Three patterns, not
 * one alternation: V8 scans each much faster alone (32 against 75 ms for 66 000 lines).
 */
const SECRET_WORD = /psk|key|secret|passw|passphrase|token|BEGIN|MII|LTAI|STS\./i;
const HEX_RUN_START = /\b[0-9A-Fa-f]{8}[ \t]+[0-9A-Fa-f]{2}/;
const BYTE_RUN_START = /(?:^|[^\w:.-])[0-9A-Fa-f]{2}[ \t]+[0-9A-Fa-f]{2}[ \t]+[0-9A-Fa-f]{2}[ \t]+[0-9A-Fa-f]{2}/;

/** A line quoted from an input, safe to print: secrets by pattern removed, hex dumps withheld. */
export function scrubQuoted(text: string): string {
  return SECRET_WORD.test(text) || HEX_RUN_START.test(text) || BYTE_RUN_START.test(text) ? withholdHexDumps(removeSecrets(text)) : text;
}

/** Secret values shorter than this are not scrubbed as literals (they would hit ordinary words). */
const MIN_SECRET_LITERAL = 4;
const JSON_OBJECT_START = /^\s*\{/;
/** How deep and how many values the collector looks at in one document (a hostile one is bounded). */
const COLLECT_MAX_NODES = 1_000_000;

/**
 * Every value an input holds under a secret-named key (`Psk`, `AccessKeySecret`, `password`, …),
 * also inside JSON-in-a-string fields, added to `into`: the report scrubs these literally wherever
 * they appear, so a key that also shows up in a log line or a note never reaches the output.
 */
export function collectSecretValues(value: unknown, into: Set<string>): void {
  const stack: unknown[] = [value];
  for (let seen = 0; stack.length > 0 && seen < COLLECT_MAX_NODES; seen++) {
    const v = stack.pop();
    if (typeof v === 'string') {
      // Tested in place: a logs export holds a million strings, none worth a copy.
      if (JSON_OBJECT_START.test(v) && v.length < 1_000_000) {
        try {
          stack.push(JSON.parse(v));
        } catch {
          // Not JSON after all.
        }
      }
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (SECRET_KEY.test(k) && (typeof x === 'string' || typeof x === 'number') && String(x).length >= MIN_SECRET_LITERAL) into.add(String(x));
      else stack.push(x);
    }
  }
}

/** `text` with every literal secret value replaced (longest first, so a key containing another goes whole). */
export function removeSecretValues(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) if (out.includes(v)) out = out.split(v).join(REMOVED);
  return out;
}
