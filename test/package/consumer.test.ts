// The package as a user installs it (issue 16, items 15–16): the packed tarball holds the library,
// the CLI and the rules — no benchmark or corpus code, no source maps without sources — and a
// consumer compiles against it with strict TypeScript, as an ES module and as CommonJS (through a
// dynamic import: the package is ESM only), then runs.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

function pack(into: string): Packed {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as Packed[])[0]!;
}

describe('the packed package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-pack-'));
  const packed = pack(dir);

  it('ships the library, the CLI and the rules, and nothing of the repository besides', () => {
    const paths = packed.files.map((f) => f.path);
    for (const needed of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/bundle/cli.mjs', 'dist/builtin-rules.json', 'rules/api/api-algorithm-compatibility.rule.yaml', 'schema/rule.schema.json', 'README.md', 'package.json']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => /^dist\/(?:bench|corpus)\/|\.map$|^test\/|^src\//.test(p))).toEqual([]);
    // README states the size; keep it honest within a margin.
    expect(packed.unpackedSize).toBeLessThan(6 * 1024 * 1024);
  });

  it('compiles and runs as a strict ES-module consumer and as a CommonJS one', () => {
    const consumer = join(dir, 'consumer');
    const installed = join(consumer, 'node_modules', 'ipsec-doctor');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', installed, '--strip-components=1']);
    // Its dependencies as npm would have installed them: the repository's own.
    symlinkSync(join(ROOT, 'node_modules'), join(installed, 'node_modules'), 'dir');
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    const example = join(ROOT, 'examples/psk-mismatch');
    writeFileSync(
      join(consumer, 'esm.mts'),
      [
        "import { analyze, renderMarkdown, type Report, type AnalyzeOptions } from 'ipsec-doctor';",
        "const options: AnalyzeOptions = { lang: 'en' };",
        `const report: Report = await analyze([${JSON.stringify(example)}], options);`,
        "const cause: string | undefined = report.subjects[0]?.findings[0]?.cause;",
        "console.log(cause, renderMarkdown(report).startsWith('# '));",
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'cjs.cts'),
      [
        // An ESM-only package's types, from a CommonJS file: resolved as an import would be.
        "import type { Report } from 'ipsec-doctor' with { 'resolution-mode': 'import' };",
        'async function main(): Promise<void> {',
        "  const { analyze } = await import('ipsec-doctor');",
        `  const report: Report = await analyze([${JSON.stringify(example)}]);`,
        '  console.log(report.subjects[0]?.findings[0]?.cause);',
        '}',
        'void main();',
      ].join('\n'),
    );
    execFileSync(process.execPath, [TSC, '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--outDir', join(consumer, 'out'), join(consumer, 'esm.mts'), join(consumer, 'cjs.cts')], { cwd: consumer, encoding: 'utf8' });
    expect(readdirSync(join(consumer, 'out')).sort()).toEqual(['cjs.cjs', 'esm.mjs']);
    expect(execFileSync(process.execPath, [join(consumer, 'out/esm.mjs')], { cwd: consumer, encoding: 'utf8' }).trim()).toBe('psk-mismatch true');
    expect(execFileSync(process.execPath, [join(consumer, 'out/cjs.cjs')], { cwd: consumer, encoding: 'utf8' }).trim()).toBe('psk-mismatch');
  }, 120_000);
});
