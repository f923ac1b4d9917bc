// One run's settings, resolved once from the caller's options: zones parsed, the thread count
// decided, defaults applied and said (`…Given: false` is what the report's assumption lines
// quote). One name per setting from here down: `logTz` is the gateway's zone in the options, here
// and in the gateway's parse context (`tz`); `peerTz` the same for device logs.
import { availableParallelism } from 'node:os';
import { GATEWAY_TZ_MINUTES, parseZone, type Zone } from '../parse/timezone.js';
import type { Lang } from '../report/template.js';
import { VERSION } from '../version.js';
import { AnalyzeOptionError, type AnalyzeOptions } from './options.js';

export interface RunSettings {
  /** Zone of the gateway's log stamps; `logTzGiven` false = the gateway clock's UTC+8, assumed. */
  logTz: Zone;
  logTzGiven: boolean;
  /** Zone of device log stamps that carry none; `peerTzGiven` false = this machine's zone, assumed. */
  peerTz: Zone;
  peerTzGiven: boolean;
  /**
   * Set on the second reading of a run whose device log lined up with the gateway's only once
   * shifted (run/analyze.ts): `peerTz` is then the inferred zone, and this says from what.
   */
  peerTzInferred?: { readFirst: string; minutes: number; matched: number; subjectId: string };
  /** Year for device stamps that carry none, when the user named it. */
  peerYear?: number;
  lang: Lang;
  explain: boolean;
  /** Threads for big gateway logs (this one included); `jobsAuto`: sized to the machine, files whole. */
  jobs: number;
  jobsAuto: boolean;
  /** Gateway subjects kept open while reading; beyond them the least recently fed are sealed (facts/seal-store.ts). */
  openSubjects: number;
  now: Date;
  version: string;
}

/**
 * Gateway subjects kept open by default. A subject of a region's export holds ~20 KB while open:
 * 512 of them are ~10 MB, and a run with fewer subjects never seals one (nor opens a store).
 */
export const OPEN_SUBJECTS = 512;

/** Years a syslog stamp may be read in: anything else is a typo. */
export const PEER_YEARS = [1990, 2100] as const;

function zoneOption(name: 'logTz' | 'peerTz', v: string | undefined, now: Date): Zone | undefined {
  const z = parseZone(v, now);
  if (v !== undefined && z === undefined) throw new AnalyzeOptionError(name, `"${v}" is not a time zone. Use ±HH:MM, UTC, local or an IANA name such as Asia/Shanghai.`);
  return z;
}

/** Refuses what no analysis can use, naming the option (the first problem is enough to fix). */
function checkOptions(o: AnalyzeOptions): void {
  if (o.lang !== undefined && o.lang !== 'en' && o.lang !== 'zh') throw new AnalyzeOptionError('lang', `"${String(o.lang)}" is not a language of the reports. Use en or zh.`);
  if (o.jobs !== undefined && o.jobs !== 'auto' && !(Number.isInteger(o.jobs) && o.jobs >= 1)) throw new AnalyzeOptionError('jobs', `${String(o.jobs)} is not a thread count. Use a whole number ≥ 1, or 'auto'.`);
  if (o.openSubjects !== undefined && !(Number.isInteger(o.openSubjects) && o.openSubjects >= 1)) throw new AnalyzeOptionError('openSubjects', `${String(o.openSubjects)} is not a subject count. Use a whole number ≥ 1.`);
  if (o.peerYear !== undefined && !(Number.isInteger(o.peerYear) && o.peerYear >= PEER_YEARS[0] && o.peerYear <= PEER_YEARS[1])) {
    throw new AnalyzeOptionError('peerYear', `${String(o.peerYear)} is not a year between ${PEER_YEARS[0]} and ${PEER_YEARS[1]}.`);
  }
}

/** Options → settings; a bad option throws AnalyzeOptionError (bad input never does). */
export function resolveSettings(o: AnalyzeOptions): RunSettings {
  checkOptions(o);
  const now = o.now ?? new Date();
  const logTz = zoneOption('logTz', o.logTz, now);
  const peerTz = zoneOption('peerTz', o.peerTz, now);
  const jobsAuto = o.jobs === 'auto';
  return {
    logTz: logTz ?? { minutes: GATEWAY_TZ_MINUTES },
    logTzGiven: logTz !== undefined,
    // The machine's zone "now", as `--peer-tz local` reads it.
    peerTz: peerTz ?? parseZone('local')!,
    peerTzGiven: peerTz !== undefined,
    ...(o.peerYear ? { peerYear: o.peerYear } : {}),
    lang: o.lang ?? 'en',
    explain: o.explain ?? false,
    jobs: jobsAuto ? availableParallelism() : Math.max(1, Math.floor(Number(o.jobs ?? 1)) || 1),
    jobsAuto,
    openSubjects: o.openSubjects ?? OPEN_SUBJECTS,
    now,
    version: VERSION,
  };
}
