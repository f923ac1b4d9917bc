// The process-wide V8 heap policy of the command line (a library never changes its host's flags).
// An analysis keeps a small live set (≈ 30–45 MB: subjects with capped evidence) and churns through
// short-lived line objects. Two defaults of V8 cost memory for nothing here:
// - the old generation grows to several times the live set before a full collection (a 1 GB
//   export peaked at ~280–320 MB RSS for ~42 MB of live data): capped at 10 % growth;
// - the young generation doubles while many objects survive, up to 32 MB on 64-bit, which is
//   ~25 MB of RSS over an 8 MB one at the same speed: held at 8 MB, and at 16 MB once the run
//   seals subjects (a fleet's live set is bounded, and a bigger young generation copies less).
// Both are flags V8 reads whenever it resizes a space, so they take effect when set at run time.
// Flags read only at start (a single-threaded collector) need a relaunch (relaunch.ts).
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Growth of the old generation past the live set before the next full collection, in percent. */
export const HEAP_GROWING_PERCENT = 10;

/**
 * The young generation (both semi-spaces) stops growing once it reaches this size. Measured on
 * the 1 M-line benchmark export in-process: peak RSS 133–138 MB uncapped (32 MB), 117–120 MB at
 * 16 MB, 104–108 MB at 8 MB, time within noise; at 4 MB and below, 10–40 % slower (more objects
 * promoted). On the 1 GB export: 138 MB at 8 MB, 151 MB at 16 MB.
 */
export const YOUNG_GENERATION_CAP_BYTES = 8 * 1024 * 1024;
/**
 * The cap once a run seals subjects (facts/seal-store.ts): its live set is bounded from then on
 * (at most 512 open subjects), so a bigger young generation costs only itself. Measured on the 1 M
 * fleet export (5 110 connections): when every sealed subject was still promoted (sixth session),
 * scavenges 249 → 126–133, 587 → 385–442 ms, 5–10 % of the run, for +11 MB of peak RSS; since
 * sealed subjects die young (seventh session), 8 MB is still 0.1–0.3 s slower for 6–8 MB less. The
 * few-connection export never seals and stays at 8 MB: its live set grows with its episodes
 * (142 → 154 MB at 16 MB).
 */
export const SEALING_YOUNG_GENERATION_CAP_BYTES = 16 * 1024 * 1024;
/** V8's own `--semi-space-growth-factor` (the young generation doubles). */
const V8_SEMI_SPACE_GROWTH_FACTOR = 2;

/** Sets the old-generation growth policy; for every command, it costs nothing. */
export function applyHeapPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

type CapState = 'off' | 'watching' | 'capped' | 'lifted';
let capState: CapState = 'off';
let watcher: PerformanceObserver | undefined;
/** Where the young generation stops growing while the cap holds. */
let capAt = YOUNG_GENERATION_CAP_BYTES;

function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Holds the young generation at `capBytes`. It starts small and V8 doubles it after collections
 * that keep much; the growth factor is set to 1 as soon as a collection finds it at the cap, so it
 * grows no further (a factor of 1 from the start would leave it at 2 MB: 40 % slower).
 */
export function capYoungGeneration(capBytes = YOUNG_GENERATION_CAP_BYTES): void {
  if (capState !== 'off') return;
  capAt = capBytes;
  watch();
}

function watch(): void {
  capState = 'watching';
  watcher = new PerformanceObserver(() => {
    if (capState !== 'watching' || youngGenerationBytes() < capAt) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    capState = 'capped';
    stopWatching();
  });
  watcher.observe({ entryTypes: ['gc'] });
}

/**
 * Moves the cap up to `capBytes` (never down): the young generation may grow again, doubling as
 * V8 decides, and is held once it gets there. Nothing when no cap is set or it was lifted.
 */
export function raiseYoungGenerationCap(capBytes = SEALING_YOUNG_GENERATION_CAP_BYTES): void {
  if (capState === 'off' || capState === 'lifted' || capBytes <= capAt) return;
  capAt = capBytes;
  if (capState === 'capped') {
    setFlagsFromString(`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH_FACTOR}`);
    watch();
  }
}

/**
 * Lets the young generation grow again, for good. The flag is process-wide: worker threads start
 * with a 2 MB young generation, and a cap set for this thread would keep theirs there.
 */
export function liftYoungGenerationCap(): void {
  if (capState === 'capped') setFlagsFromString(`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH_FACTOR}`);
  capState = 'lifted';
  stopWatching();
}

/** Whether the cap holds now (tests, the benchmark). */
export function youngGenerationCapState(): CapState {
  return capState;
}

function stopWatching(): void {
  watcher?.disconnect();
  watcher = undefined;
}
