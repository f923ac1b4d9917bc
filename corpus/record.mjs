#!/usr/bin/env node
// Runs corpus scenarios in the lab (../shared/lab, root, not for CI) and keeps each run once,
// compressed, in corpus/runs/<scenario>/: the gateway log in Alibaba's line shape
// (gateway.log.gz, made by the lab's to-gateway-format.mjs), the device log (peer.log.gz), the
// DiagnoseVpnConnections stand-in the lab derives from Alibaba's keyword table (diagnose.json)
// and the lab's meta.json. The corpus runner derives every view from these files.
//
//   node corpus/record.mjs [--jobs 2] [--force] [REGEX]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// CORPUS_DIR: record into another corpus of the same layout (scenarios/ and runs/), e.g. a held-out set.
const HERE = process.env.CORPUS_DIR ? resolve(process.env.CORPUS_DIR) + '/' : new URL('.', import.meta.url).pathname;
const LAB = resolve(process.env.LAB_DIR ?? join(new URL('.', import.meta.url).pathname, '../../shared/lab'));
const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const jobs = Number(opt('--jobs', '2'));
const force = args.includes('--force');
const filter = new RegExp(args.filter((a, i) => !a.startsWith('--') && !['--jobs'].includes(args[i - 1]))[0] ?? '.');
const gw = await import(join(LAB, 'to-gateway-format.mjs'));

const names = readdirSync(join(HERE, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .filter((n) => filter.test(n) && (force || !existsSync(join(HERE, 'runs', n, 'meta.json'))));
console.log(`${names.length} scenarios to record with ${jobs} lanes`);

function run(name, lane) {
  const out = join('/tmp', `corpus-run-${lane}`, name);
  rmSync(out, { recursive: true, force: true });
  return new Promise((done) => {
    const p = spawn(join(LAB, 'run.sh'), [join(HERE, 'scenarios', `${name}.json`), out], {
      env: { ...process.env, LAB_NS_A: `cA${lane}`, LAB_NS_B: `cB${lane}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    p.stdout.on('data', (d) => (log += d));
    p.stderr.on('data', (d) => (log += d));
    p.on('close', (code) => done({ out, code, log }));
  });
}

function keep(name, out) {
  const dir = join(HERE, 'runs', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
  if (existsSync(join(out, 'iked.log'))) {
    // iked may print bytes that are not UTF-8; the lab's converter reads the log as UTF-8 too.
    const lines = gw.toGatewayLines(readFileSync(join(out, 'iked.log')).toString('utf8'), { vco: gw.idFor('vco', name), withContext: gw.contextFor(name) });
    writeFileSync(join(dir, 'gateway.log.gz'), gzipSync(lines.join('\n') + '\n', { level: 9 }));
    const { diagnose } = gw.apiExports(lines, { scenario: name, vco: gw.idFor('vco', name) });
    writeFileSync(join(dir, 'diagnose.json'), JSON.stringify(diagnose, null, 2) + '\n');
    writeFileSync(join(dir, 'peer.log.gz'), gzipSync(readFileSync(join(out, 'peer.log')), { level: 9 }));
  } else {
    writeFileSync(join(dir, 'cloud.log.gz'), gzipSync(readFileSync(join(out, 'a.log')), { level: 9 }));
    writeFileSync(join(dir, 'peer.log.gz'), gzipSync(readFileSync(join(out, 'b.log')), { level: 9 }));
  }
  delete meta.generated_at;
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  return meta;
}

let next = 0;
async function lane(i) {
  while (next < names.length) {
    const name = names[next++];
    const t = Date.now();
    const { out, code, log } = await run(name, i);
    if (code !== 0 || !existsSync(join(out, 'meta.json'))) {
      console.log(`FAIL ${name} (exit ${code})\n${log.split('\n').slice(-5).join('\n')}`);
      continue;
    }
    const meta = keep(name, out);
    console.log(`ok   ${name} ${meta.outcome} ${meta.iked_process ?? ''} ${Math.round((Date.now() - t) / 1000)}s`);
  }
}
await Promise.all(Array.from({ length: jobs }, (_, i) => lane(i + 1)));
