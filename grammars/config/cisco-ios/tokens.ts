// Owns the Cisco IOS / IOS-XE line tokenizer: each `show running-config` line → its indentation
// depth, its words, and a `raw` safe to keep (a key after `key`, `pre-shared-key`, `password` or
// `secret` is masked so no setting's raw can carry it). `!` lines, the `Building configuration`
// banner and `end` carry nothing and are dropped.
import type { SourceLine } from '../common/lines.js';

export interface CiscoLine {
  /** Leading spaces: running-config indents each sub-mode by one space. */
  depth: number;
  words: string[];
  /** The line as written, trimmed, with any key masked. */
  raw: string;
  file: string;
  line: number;
}

const BANNER = /^(?:Building configuration|Current configuration|Last configuration change|NVRAM config last|version\s|end$)/;

/** Masks the word after a key-bearing keyword (and a type digit such as 0, 6 or 7 before it). */
export function maskSecrets(words: string[]): string {
  const out = [...words];
  for (let i = 0; i < out.length; i++) {
    const w = out[i]!.toLowerCase();
    if (w === 'key' || w === 'pre-shared-key' || w === 'password' || w === 'secret' || w === 'community') {
      let j = i + 1;
      if (w === 'pre-shared-key' && /^(?:local|remote)$/i.test(out[j] ?? '')) j++;
      if (w === 'pre-shared-key' && /^address$/i.test(out[j] ?? '')) continue; // keyring form: the key follows `key`
      if (/^\d$/.test(out[j] ?? '') && out.length > j + 1) j++;
      if (j < out.length) out[j] = '…';
      // `crypto isakmp key KEY address X`: everything after the key stays readable.
    }
  }
  return out.join(' ');
}

/** The lines of one running-config, with depth and words. */
export function tokenizeCisco(file: string, lines: SourceLine[]): CiscoLine[] {
  const out: CiscoLine[] = [];
  for (const { line, text } of lines) {
    const t = text.replace(/\t/g, ' ');
    const s = t.trim();
    if (s === '' || s.startsWith('!') || s.startsWith('#') || BANNER.test(s)) continue;
    const words = s.split(/\s+/);
    out.push({ depth: t.length - t.trimStart().length, words, raw: maskSecrets(words), file, line });
  }
  return out;
}
