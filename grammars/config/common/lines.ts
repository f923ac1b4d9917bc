// Owns the first look at a configuration file's text: the lines the grammars read, after refusing
// what is no configuration (binary, NUL bytes) and skipping what no grammar should scan (a giant
// line). Each refusal is a located problem; nothing throws.
import type { Problem } from '../../../src/types.js';
import { CONFIG_CODES, configProblem } from './problems.js';

export interface SourceLine {
  /** 1-based. */
  line: number;
  text: string;
}

/** Longest line a grammar scans; longer ones are configuration by no daemon. */
export const MAX_LINE = 16_384;

/** Share of control characters above which a file is taken for binary. */
const BINARY_SHARE = 0.1;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > BINARY_SHARE;
}

/** The lines of `text` (CRLF tolerated), or none with a problem for a binary or empty file. */
export function configLines(file: string, text: string, problems: Problem[]): SourceLine[] {
  if (text.trim() === '') {
    problems.push(configProblem(file, 1, CONFIG_CODES.empty, 'the file is empty', 'Give the configuration file itself'));
    return [];
  }
  if (looksBinary(text)) {
    problems.push(configProblem(file, 1, CONFIG_CODES.binary, 'the file is binary, not a configuration', 'Give the text configuration file'));
    return [];
  }
  const out: SourceLine[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    if (t.endsWith('\r')) t = t.slice(0, -1);
    if (t.length > MAX_LINE) {
      problems.push(configProblem(file, i + 1, CONFIG_CODES.syntax, `the line is ${t.length} characters long and was skipped`, 'Check that the file is a configuration file'));
      continue;
    }
    out.push({ line: i + 1, text: t.replace(/\0/g, '') });
  }
  return out;
}
