// Bundles the CLI into dist/cli.mjs (part of `npm run build`): one file instead of ~150 modules
// cuts start-up time. Lazy `import()`s become separate chunks, so `--version` still loads little.
// The Alibaba SDK packages stay external (CommonJS with dynamic requires), and so does Chevrotain,
// which grammars/chevrotain.ts loads from its own single-file build.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: without a clean start, every build would leave its old chunks.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  external: ['@alicloud/*', 'chevrotain', 'playwright-core'],
  banner: { js: "import { createRequire as __ipsecDoctorRequire } from 'node:module'; const require = __ipsecDoctorRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
