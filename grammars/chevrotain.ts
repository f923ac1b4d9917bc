// Loads Chevrotain from its single-file build. The package's `exports` entry is a tree of
// hundreds of small modules (with lodash-es) that takes ~350 ms to import; the bundled
// `lib/chevrotain.min.mjs` of the same release takes ~20 ms, and CLI start-up is a target.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

async function load(): Promise<Chevrotain> {
  try {
    const entry = createRequire(import.meta.url).resolve('chevrotain');
    // entry is lib/src/api.js; the bundle sits in lib/.
    const bundle = join(dirname(dirname(entry)), 'chevrotain.min.mjs');
    return (await import(pathToFileURL(bundle).href)) as Chevrotain;
  } catch {
    return import('chevrotain');
  }
}

const chevrotain = await load();

export const { createToken, EmbeddedActionsParser, Lexer } = chevrotain;
export type { IToken, TokenType } from 'chevrotain';
