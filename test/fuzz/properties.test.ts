// Property-based hardening suite (fast-check): the families an outside fuzz run uses — mutated
// fixtures, corrupt compression, deep / huge / type-confused JSON, encodings and line ends, mixed
// dialects, hostile rule files — against the invariants the project promises: never a throw, the
// report valid, every line parsed or listed (`lines == parsed + unparsed`), every problem one line,
// no input secret in any format. `npm test` runs a few cases per property (seconds); `npm run fuzz`
// runs FUZZ_RUNS of them (minutes) with a fresh seed, printed on failure for replay.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyze, loadRules } from '../../src/index.js';
import type { AnalyzeInput, Report } from '../../src/index.js';
import { renderText } from '../../src/report/render/text.js';
import { renderJson } from '../../src/report/render/json.js';
import { renderMarkdown } from '../../src/report/render/markdown.js';
import { renderHtml } from '../../src/report/render/html.js';
import { reportSchemaErrors } from '../helpers/report-schema.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 12);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
function params<T>(): fc.Parameters<T> {
  return {
    numRuns: RUNS,
    ...(SEED !== undefined ? { seed: SEED } : {}),
    endOnFailure: true,
    // Counterexamples are whole files: report the seed and path to replay, and the failure.
    reporter: (r) => {
      if (r.failed) throw new Error(`property failed: seed ${r.seed}, path "${r.counterexamplePath}" (replay: FUZZ_SEED=${r.seed})\n${String((r.errorInstance as Error | undefined)?.message ?? r.errorInstance).slice(0, 3000)}`);
    },
  };
}
const TIMEOUT = 60_000 + RUNS * 3_000;

const LAB = new URL('../fixtures/lab/', import.meta.url).pathname;
const read = (p: string): Buffer => readFileSync(join(LAB, p));
/** Real inputs of every kind the tool reads. */
const SEEDS: { name: string; bytes: Buffer }[] = [
  { name: 'gateway.log', bytes: read('r2-psk_mismatch_v1_b_init-L/input/gateway.log') },
  { name: 'peer.log', bytes: read('r2-psk_mismatch_v1_b_init-B/input/peer.log') },
  { name: 'libreswan.log', bytes: read('sw-lsw_psk_mismatch_v2-P/input/peer.log') },
  { name: 'strongswan.log', bytes: read('sw-psk_mismatch_v2-P/input/peer.log') },
  { name: 'logs.json', bytes: read('r2-psk_mismatch_v1_b_init-A/input/describe-vpn-connection-logs.json') },
  { name: 'diagnose.json', bytes: read('r2-psk_mismatch_v1_b_init-A/input/diagnose-vpn-connections.json') },
  { name: 'gateway-diagnosis.json', bytes: readFileSync(new URL('../fixtures/gateway-diagnosis/gd-public-private-loss/input/get-vpn-gateway-diagnose-result.json', import.meta.url)) },
];
/** The lab's pre-shared key, as text and as the hex dump racoon2 prints of it. */
const SECRETS = ['Vx7pQ2-lab-shared-key', '56783770 51322d6c 61622d73 68617265'];

/** The invariants of every report, whatever went in. */
function checkReport(report: Report): void {
  const schema = reportSchemaErrors(report);
  if (schema.length > 0) {
    const empty = report.subjects.flatMap((s) => s.findings.filter((f) => f.evidence.length === 0).map((f) => `${s.id}:${f.ruleId}`));
    throw new Error(`report not valid: ${schema.slice(0, 5).join('; ')} (findings without evidence: ${empty.join(', ')}; inputs ${JSON.stringify(report.inputs)})`);
  }
  if (report.stats.lines !== report.stats.parsed + report.stats.unparsed) throw new Error(`lines not accounted: ${JSON.stringify(report.stats)}`);
  for (const p of report.problems) if (/[\n\r\u2028\u2029]/.test(p.message)) throw new Error(`problem on two lines: ${JSON.stringify(p.message.slice(0, 300))}`);
  for (const out of [renderText(report), renderJson(report), renderMarkdown(report), renderHtml(report)]) {
    for (const s of SECRETS) {
      const at = out.indexOf(s);
      // The context names the path that leaked; the whole output would bury it.
      if (at >= 0) throw new Error(`an input secret in the output: …${out.slice(Math.max(0, at - 300), at + 100)}…`);
    }
  }
}

// ── mutations of real bytes ──────────────────────────────────────────────────────────────────
type Mutation = (b: Buffer) => Buffer;
const flip = fc.record({ at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }), count: fc.integer({ min: 1, max: 40 }) }).map(
  ({ at, mask, count }): Mutation =>
    (b) => {
      const c = Buffer.from(b);
      for (let i = 0; i < count && c.length > 0; i++) {
        const k = (at + i * 977) % c.length;
        c[k] = c[k]! ^ mask;
      }
      return c;
    },
);
const truncate = fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (b) => b.subarray(0, Math.floor(b.length * f)));
const insert = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), junk: fc.uint8Array({ maxLength: 300 }) }).map(
  ({ at, junk }): Mutation =>
    (b) => {
      const i = Math.floor(b.length * at);
      return Buffer.concat([b.subarray(0, i), Buffer.from(junk), b.subarray(i)]);
    },
);
const nulRun = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), n: fc.integer({ min: 1, max: 5000 }) }).map(
  ({ at, n }): Mutation =>
    (b) => {
      const i = Math.floor(b.length * at);
      return Buffer.concat([b.subarray(0, i), Buffer.alloc(n), b.subarray(i)]);
    },
);
const lineEnds = fc.constantFrom<Mutation>(
  (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'),
  (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r'), 'latin1'),
  (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]),
  (b) => Buffer.from(b.toString('utf8'), 'utf16le'),
);
const giantLine = fc.integer({ min: 70_000, max: 400_000 }).map((n): Mutation => (b) => Buffer.concat([b, Buffer.from(`\n${'x'.repeat(n)}\n`)]));
const shuffleLines = fc.nat().map(
  (seed): Mutation =>
    (b) => {
      const lines = b.toString('utf8').split('\n');
      for (let i = lines.length - 1, s = seed; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        const j = s % (i + 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return Buffer.from(lines.join('\n'));
    },
);
/** Lines of another input (another dialect, an API export) interleaved into this one. */
const interleave = fc.record({ other: fc.constantFrom(...SEEDS), every: fc.integer({ min: 1, max: 20 }) }).map(
  ({ other, every }): Mutation =>
    (b) => {
      const mine = b.toString('utf8').split('\n');
      const theirs = other.bytes.toString('utf8').split('\n');
      const out: string[] = [];
      mine.forEach((l, i) => {
        out.push(l);
        if (i % every === 0 && theirs.length > 0) out.push(theirs[i % theirs.length]!);
      });
      return Buffer.from(out.join('\n'));
    },
);
/** Other clocks: impossible dates, ISO `T` stamps with zones, years far off, syslog stamps. */
const retime = fc.constantFrom<Mutation>(
  (b) => Buffer.from(b.toString('utf8').replace(/2026-11-2\d/g, '2031-02-30')),
  (b) => Buffer.from(b.toString('utf8').replace(/(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)/g, '$1T$2+05:45')),
  (b) => Buffer.from(b.toString('utf8').replace(/\b20(\d\d)-/g, '19$1-')),
  (b) => Buffer.from(b.toString('utf8').replace(/\d{4}-(\d\d)-(\d\d) /g, 'Feb 29 ')),
  (b) => Buffer.from(b.toString('utf8').replace(/Nov \d\d/g, 'Dec 99')),
);
const mutation = fc.oneof(flip, truncate, insert, nulRun, lineEnds, giantLine, shuffleLines, interleave, retime);
/** Compression, whole or damaged, around whatever the mutations made. */
const packing = fc.oneof(
  fc.constant<Mutation>((b) => b),
  fc.constant<Mutation>((b) => gzipSync(b)),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (b) => {
    const z = gzipSync(b);
    return z.subarray(0, Math.floor(z.length * f));
  }),
  fc.nat().map((at): Mutation => (b) => {
    const z = Buffer.from(gzipSync(b));
    if (z.length > 12) {
      const k = 12 + (at % (z.length - 12));
      z[k] = z[k]! ^ 0x5a;
    }
    return z;
  }),
);
const mutatedInput = fc.record({
  seed: fc.constantFrom(...SEEDS),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  pack: packing,
  withOther: fc.option(fc.constantFrom(...SEEDS)),
});

describe('mutated real inputs', () => {
  it(
    'never throw; the report is valid, every line accounted, no secret in any format',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedInput, async ({ seed, mutations, pack, withOther }) => {
          let bytes = seed.bytes;
          for (const m of mutations) bytes = m(bytes);
          const inputs: AnalyzeInput[] = [{ source: seed.name, content: pack(bytes) }];
          if (withOther) inputs.push({ source: `other-${withOther.name}`, content: withOther.bytes });
          checkReport(await analyze(inputs, { now: new Date('2026-12-01T00:00:00Z') }));
        }),
        params(),
      );
    },
    TIMEOUT,
  );
});

// ── JSON of every shape ───────────────────────────────────────────────────────────────────────
const deepArrays = fc.integer({ min: 1, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);
const deepObjects = fc.integer({ min: 1, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);
const anyValue = fc.anything({ maxDepth: 6, withNullPrototype: true, withObjectString: true });
const confused = fc.oneof(
  anyValue.map((v) => ({ VpnConnections: v })),
  anyValue.map((v) => ({ VpnConnections: { VpnConnection: v } })),
  anyValue.map((v) => ({ DiagnoseResult: v, VpnGatewayId: 'vpn-x' })),
  fc.array(fc.oneof(fc.string(), anyValue), { maxLength: 20 }).map((logs) => ({ Data: { Logs: logs }, VpnConnectionId: 'vco-x' })),
  fc.array(fc.record({ VpnConnectionId: fc.oneof(fc.string(), anyValue), FailedReasonCode: fc.oneof(fc.string(), anyValue), SourceLog: fc.oneof(fc.string(), anyValue) }, { requiredKeys: [] }), { maxLength: 30 }).map((v) => ({ VpnConnections: v })),
  fc.constant(JSON.parse('{"__proto__":{"polluted":1},"VpnConnections":[{"VpnConnectionId":"vco-p","constructor":{"prototype":{"x":1}}}]}')),
);
const jsonText = fc.oneof(
  deepArrays,
  deepObjects,
  confused.map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return '{}';
    }
  }),
);

describe('JSON: deep, huge, type-confused, cut', () => {
  it(
    'never throw and keep the invariants',
    async () => {
      await fc.assert(
        fc.asyncProperty(jsonText, fc.option(fc.double({ min: 0, max: 1, noNaN: true })), fc.boolean(), async (text, cut, gz) => {
          const t = cut === null ? text : text.slice(0, Math.floor(text.length * cut));
          const bytes = Buffer.from(t.length > 0 ? t : '{');
          const report = await analyze([{ source: 'x.json', content: gz ? gzipSync(bytes) : bytes }]);
          checkReport(report);
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        }),
        params(),
      );
    },
    TIMEOUT,
  );
});

// ── hostile rule files ────────────────────────────────────────────────────────────────────────
const EXAMPLE = readFileSync(new URL('../../docs/examples/rules/acme-udp4500-blocked.rule.yaml', import.meta.url), 'utf8');
const yamlScalar = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constantFrom('/(a|a)*$/', '/(?=x)/', '/([/', '/^(a|a?)+$/', '*a', '&a x', '!!js/function "x"', '__proto__', '$.constructor'));
const condition: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }), fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }), fc.record({ not: tie('node') })),
  leaf: fc.record({ fact: fc.oneof(fc.constantFrom('failedReasonCode', 'eventCount', 'phase1Established', 'mode', 'nope'), fc.string()), operator: fc.constantFrom('equal', 'matches', 'notMatches', 'inCidr', 'greaterThan', 'bogus'), value: yamlScalar, params: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), yamlScalar, { maxKeys: 3 })) }, { requiredKeys: ['fact', 'operator'] }),
})).node;
const ruleText = fc.oneof(
  fc.string({ maxLength: 2000 }),
  condition.map((c) => EXAMPLE.replace(/^conditions:[\s\S]*?(?=^evidence:)/m, `conditions: ${JSON.stringify(c)}\n`)),
  fc.record({ mutate: flip, at: fc.nat() }).map(({ mutate }) => mutate(Buffer.from(EXAMPLE)).toString('latin1')),
  fc.integer({ min: 1, max: 12 }).map((n) => {
    let t = 'a0: &a0 [x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < n; i++) t += `a${i}: &a${i} [${Array(8).fill(`*a${i - 1}`).join(', ')}]\n`;
    return t;
  }),
);

describe('hostile rule files', () => {
  it(
    'are data: problems with locations, never a throw; a rule that loads runs without one',
    async () => {
      await fc.assert(
        fc.asyncProperty(ruleText, async (text) => {
          const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-fuzz-rules-'));
          writeFileSync(join(dir, 'x.rule.yaml'), text);
          const { rules, problems } = await loadRules([dir], false);
          for (const p of problems) expect(p.message).toMatch(/x\.rule\.yaml:\d+:\d+: [^\n]+$/);
          if (rules.length > 0) {
            const report = await analyze([{ source: 'peer.log', content: SEEDS[3]!.bytes }], { rules: [...(await loadRules()).rules, ...rules] });
            checkReport(report);
          }
        }),
        params(),
      );
    },
    TIMEOUT,
  );
});

// ── the command line ──────────────────────────────────────────────────────────────────────────
const MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;

describe('the CLI on the same inputs', () => {
  it(
    'exits 0, 1 or 2 only; on exit 2 prints exactly one line',
    async () => {
      const { spawnSync } = await import('node:child_process');
      await fc.assert(
        fc.asyncProperty(mutatedInput, fc.constantFrom('text', 'json', 'markdown', 'html'), async ({ seed, mutations, pack }, format) => {
          let bytes = seed.bytes;
          for (const m of mutations) bytes = m(bytes);
          const dir = mkdtempSync(join(tmpdir(), 'ipsec-doctor-fuzz-cli-'));
          const path = join(dir, seed.name);
          writeFileSync(path, pack(bytes));
          const r = spawnSync(process.execPath, [MAIN, 'analyze', path, '--format', format], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
          if (![0, 1, 2].includes(r.status ?? -1)) throw new Error(`exit ${r.status}: ${r.stderr.slice(0, 500)}`);
          if (r.status === 2 && r.stderr.trimEnd().split('\n').length !== 1) throw new Error(`exit 2 with ${r.stderr.trimEnd().split('\n').length} lines: ${r.stderr.slice(0, 500)}`);
          for (const s of SECRETS) if (r.stdout.includes(s) || r.stderr.includes(s)) throw new Error('an input secret in the CLI output');
        }),
        { ...params(), numRuns: Math.max(3, Math.ceil(RUNS / 10)) },
      );
    },
    TIMEOUT,
  );
});
