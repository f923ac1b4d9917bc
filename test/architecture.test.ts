// The house rules the code's shape keeps (docs/architecture.md): no import circle, nothing outside
// src/facts/ reads a subject's accumulator, only sources/ and cli/ (and the worker that reads
// ranges) touch the file system, and files stay small.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;

function sources(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) out.push(p);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'grammars'));
  return out;
}

/** Relative imports of a module, type-only ones included (a circle of types is still a knot). */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^(?:import|export)\b[^'";]*?from\s+|import\(\s*)'(\.[^']+)'/gm)) out.push(resolve(dirname(file), m[1]!).replace(/\.js$/, '.ts'));
  return out;
}

describe('architecture', () => {
  const files = sources();
  const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const rel = (f: string): string => relative(ROOT, f);

  it('has no import circle', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f, text.get(f)!)]));
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const circles: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 1);
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (!graph.has(d)) continue;
        if (state.get(d) === 1) circles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(' → '));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, 2);
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(graph.size).toBeGreaterThan(100);
    expect(circles).toEqual([]);
  });

  it('reads subjects through their facts outside src/facts/', () => {
    const offenders = files.filter((f) => !rel(f).startsWith('src/facts/') && /\.acc\b/.test(text.get(f)!)).map(rel);
    expect(offenders).toEqual([]);
  });

  it('does file I/O only at the edges', () => {
    const edges = /^src\/(sources|cli|simulator|parallel|package-root\.ts)/;
    const offenders = files.filter((f) => !edges.test(rel(f)) && /from 'node:fs(?:\/promises)?'/.test(text.get(f)!)).map(rel);
    expect(offenders).toEqual([]);
  });

  it('keeps modules small', () => {
    const long = files.map((f) => [rel(f), text.get(f)!.split('\n').length] as const).filter(([, n]) => n > 350);
    expect(long).toEqual([]);
  });
});

describe('vocabulary', () => {
  it('docs/causes.md is generated from the cause table', async () => {
    const { renderCausesDoc, CAUSES } = await import('../src/vocabulary/causes.js');
    expect(CAUSES.length).toBeGreaterThan(20);
    expect(readFileSync(join(ROOT, 'docs/causes.md'), 'utf8')).toBe(renderCausesDoc());
  });
});
