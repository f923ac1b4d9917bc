// `npm run corpus`: scores the built analyzer on every view of every corpus run and prints the
// tables (family, view, family × view, IKE version, initiator, device), the confusion of expected
// vs given causes, and on request every miss.
//   npm run corpus -- [--filter REGEX] [--views LABP] [--misses] [--json FILE]
import { writeFileSync } from 'node:fs';
import { analyze } from '../src/index.js';
import { confusion, runCorpus, table, totals, VIEWS, type CaseResult, type Tally, type View } from './runner.js';

const args = process.argv.slice(2);
const opt = (k: string, d: string): string => (args.includes(k) ? (args[args.indexOf(k) + 1] ?? d) : d);
const filter = new RegExp(opt('--filter', '.'));
const views = [...opt('--views', Object.keys(VIEWS).join(''))] as View[];

const started = Date.now();
// --dir: another corpus of the same layout (a held-out set recorded with CORPUS_DIR=… record.mjs).
const results = await runCorpus(analyze, { filter, views, ...(args.includes('--dir') ? { dir: opt('--dir', '') } : {}) });
const t = totals(results);
const line = (label: string, o: Tally): string => `${label.padEnd(16)} ${o.ok}/${o.n}  ${o.n ? ((100 * o.ok) / o.n).toFixed(1) : '—'}%`;
const out: string[] = [];
out.push(table(results, (r) => `${r.family}-${r.variant}`, 'family'), '');
out.push(table(results, (r) => `${r.view} ${VIEWS[r.view]}`, 'view'), '');
out.push(table(results, (r) => `${r.family} · ${r.view}`, 'family · view'), '');
out.push(table(results, 'version', 'IKE version'), '', table(results, 'initiator', 'initiator'), '', table(results, 'device', 'device'), '');
const conf = confusion(results);
if (conf) out.push(`expected → given (misses)\n${conf}`, '');
if (args.includes('--misses')) {
  const miss = (r: CaseResult): string =>
    `MISS ${r.name} [${r.view}] expected ${r.expected}, given ${r.given}${r.paramOk === false ? ' (param not named)' : ''}${r.valuesOk === false ? ` (values ${r.valuesGiven})` : ''}`;
  out.push(...results.filter((x) => !x.causeOk || x.paramOk === false || x.valuesOk === false).map(miss), '');
}
out.push(line('cause first', t.causeFirst), line('param named', t.paramNamed), line('values right', t.valuesRight), line('both values', t.valuesBoth), line('healthy quiet', t.healthyQuiet));
out.push(`${results.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(out.join('\n'));
if (args.includes('--json')) writeFileSync(opt('--json', 'corpus-results.json'), JSON.stringify(results, null, 2));
