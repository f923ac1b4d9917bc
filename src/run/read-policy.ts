// The read policy of one run: the zone each side's stamps are read in, the year for device stamps
// that carry none, and the assumption lines that say so. Decided once, before any input is read
// in full, from the settings and the inputs' first lines (sources/files/heads.ts). The only
// builder of parse contexts: the reader in this thread and the worker threads get theirs here,
// so a line reads the same whatever the thread count and whatever the order of the inputs.
import type { Side } from '../types.js';
import type { Dialect, ParseContext } from '../parse/dialect.js';
import { unframe } from '../parse/frames.js';
import { formatZone, type Zone } from '../parse/timezone.js';
import type { InputHead } from '../sources/files/heads.js';
import { deviceClockWarning, gatewayZoneAssumption, newestFirstNote, repeatedLinesNote, peerZoneAssumption, peerZoneInferred, type YearFrom } from '../report/assumptions.js';
import type { RunSettings } from './settings.js';

/** What one side's stamps are read with: plain data, so it crosses to worker threads as is. */
export interface SideContext {
  tz: Zone;
  /** Device side only: the year for stamps that carry none. */
  year?: number;
}

const GATEWAY_STAMP = /^(\d{4})-\d\d-\d\d \d\d:\d\d:\d\d/;
/** JSON string literals of an export's first entries (log lines, SourceLog). */
const JSON_STRING = /"((?:[^"\\\n]|\\.){20,})"/g;

/** The lines of a head a grammar would look at: its lines, or the strings of a JSON export. */
function headLines(text: string): string[] {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return text.split('\n');
  const out: string[] = [];
  for (const m of text.matchAll(JSON_STRING)) {
    try {
      out.push(JSON.parse(`"${m[1]!}"`) as string);
    } catch {
      // Cut inside an escape at the head's end.
    }
  }
  return out;
}

/**
 * The earliest gateway stamp in the inputs' heads: the year device logs are read in when the user
 * named none. The earliest, not the first met, so the order of the inputs does not matter.
 */
export function gatewayStampOf(heads: readonly InputHead[], gateway: Dialect): string | undefined {
  let best: string | undefined;
  for (const h of heads) {
    for (const raw of headLines(h.text)) {
      const line = unframe(raw);
      if (!GATEWAY_STAMP.test(line) || !gateway.sniff(line)) continue;
      const stamp = line.slice(0, 19);
      if (best === undefined || stamp < best) best = stamp;
      // A head's lines are in time order: its first gateway stamp is its earliest.
      break;
    }
  }
  return best;
}

export class ReadPolicy {
  /** Assumption lines in the order their side was first read. */
  private readonly said = new Set<string>();

  constructor(
    private readonly settings: RunSettings,
    /** Year of the earliest gateway stamp among the inputs' heads. */
    readonly gatewayYear: number | undefined,
  ) {}

  static fromHeads(settings: RunSettings, heads: readonly InputHead[], gateway: Dialect): ReadPolicy {
    const stamp = gatewayStampOf(heads, gateway);
    return new ReadPolicy(settings, stamp ? Number(stamp.slice(0, 4)) : undefined);
  }

  private peerYear(mtimeMs: number | undefined): { year: number; from: YearFrom } {
    if (this.settings.peerYear) return { year: this.settings.peerYear, from: 'peer-year' };
    if (this.gatewayYear !== undefined) return { year: this.gatewayYear, from: 'gateway' };
    return { year: mtimeMs ? new Date(mtimeMs).getUTCFullYear() : this.settings.now.getUTCFullYear(), from: 'file-date' };
  }

  /** Zone (and for the device side, year) of one side of an input; `mtimeMs` is its file date. */
  side(side: Side, mtimeMs?: number): SideContext {
    if (side === 'cloud') return { tz: this.settings.logTz };
    return { tz: this.settings.peerTz, year: this.peerYear(mtimeMs).year };
  }

  /** Says what reading one side of an input assumed (once per distinct sentence). */
  note(side: Side, mtimeMs?: number): void {
    const s = this.settings;
    if (side === 'cloud') {
      this.said.add(gatewayZoneAssumption(s.lang, formatZone(s.logTz, s.lang), !s.logTzGiven));
      return;
    }
    const { year, from } = this.peerYear(mtimeMs);
    const inferred = s.peerTzInferred;
    if (inferred) this.said.add(peerZoneInferred(s.lang, formatZone(s.peerTz, s.lang), inferred.readFirst, inferred.minutes, inferred.matched, inferred.subjectId, year));
    else this.said.add(peerZoneAssumption(s.lang, formatZone(s.peerTz, s.lang), !s.peerTzGiven, year, from));
  }

  /** The parse context for one dialect of an input, noting the assumption it makes. */
  contextFor(source: string, dialect: Dialect, mtimeMs?: number, memoScope?: object): ParseContext {
    this.note(dialect.side, mtimeMs);
    return { source, ...this.side(dialect.side, mtimeMs), ...(memoScope ? { memoScope } : {}) };
  }

  /** Device events line up with the gateway's only once shifted by `minutes`: the zone that lines them up. */
  noteDeviceClock(minutes: number, matched: number, subjectId: string): void {
    this.deviceClock ??= { minutes, matched, subjectId };
    const tz = this.settings.peerTz;
    const suggested = formatZone({ minutes: tz.minutes - minutes });
    this.said.add(deviceClockWarning(this.settings.lang, minutes, matched, subjectId, suggested, tz.name ?? formatZone({ minutes: tz.minutes })));
  }

  /** The device clock shift the run found (the first subject that showed one), for a second reading in the right zone. */
  deviceClock: { minutes: number; matched: number; subjectId: string } | undefined;

  /** Gateway lines of an API export the log files gave already, counted once. */
  noteRepeatedLines(source: string, lines: number): void {
    this.said.add(repeatedLinesNote(this.settings.lang, source, lines));
  }

  /** `source` is written newest line first: read turned around, or (too long for that) as written. */
  noteNewestFirst(source: string, turned: boolean, maxLines: number, maxMb: number): void {
    this.said.add(newestFirstNote(this.settings.lang, source, turned, maxLines, maxMb));
  }

  assumptions(): string[] {
    return [...this.said];
  }
}
