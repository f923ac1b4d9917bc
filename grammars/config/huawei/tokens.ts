// Owns the first cut of a VRP / Comware configuration: each command line as words with its file,
// line and indentation, and the `raw` text safe to show (a pre-shared key is never kept in it).
// `#` separators, prompts (`<Router>`, `[Router]`) and blank lines carry no command.
import type { SourceLine } from '../common/lines.js';

export interface HwLine {
  file: string;
  line: number;
  /** Leading spaces: `display current-configuration` indents a section's commands by one. */
  indent: number;
  /** The command's words, as written. */
  words: string[];
  /** Lower-cased words, for matching. */
  lower: string[];
  /** The line as written, with any key replaced by `…`. */
  raw: string;
}

/** Words after which a pre-shared key follows (`simple`, `cipher`, Comware `plaintext`, `ciphertext`). */
const KEY_MARK = new Set(['simple', 'cipher', 'plaintext', 'ciphertext']);

/** Index of the first word of the key in a `pre-shared-key …` line, or -1 when the line has none. */
export function secretIndex(lower: readonly string[]): number {
  const at = lower.indexOf('pre-shared-key');
  if (at < 0) return -1;
  for (let i = at + 1; i < lower.length; i++) if (KEY_MARK.has(lower[i]!)) return i + 1 < lower.length ? i + 1 : -1;
  // VRP before V200R008 wrote `pre-shared-key <key>` with no mark.
  return at + 1 < lower.length && lower.length === at + 2 ? at + 1 : -1;
}

/** The key text of a `pre-shared-key …` line (never shown; only digested and scrubbed). */
export function secretOf(line: HwLine): string | undefined {
  const i = secretIndex(line.lower);
  return i < 0 ? undefined : line.words.slice(i).join(' ');
}

/** One line → HwLine, or undefined for a separator, prompt, comment or blank. */
export function tokenizeLine(file: string, src: SourceLine): HwLine | undefined {
  const text = src.text.replace(/\t/g, ' ');
  const body = text.trim();
  if (body === '' || body.startsWith('#') || body.startsWith('!') || /^[<[][^\s]*[>\]]/.test(body)) return undefined;
  const words = body.split(/\s+/);
  const lower = words.map((w) => w.toLowerCase());
  const k = secretIndex(lower);
  const raw = k < 0 ? body : `${words.slice(0, k).join(' ')} …`;
  return { file, line: src.line, indent: text.length - text.trimStart().length, words, lower, raw };
}
