// Bounded memory of what happened to one subject: per (side, event) counts, the first and last few
// records as quotable evidence, and per-variable tallies. Caps keep a subject small however long
// the export; what the caps fold away is counted, never silently lost.
import type { Evidence, LogRecord, Side } from '../types.js';
import { reportTime } from './report-time.js';

const FIRST_KEPT = 3;
const LAST_KEPT = 2;
const VAR_COMBOS_KEPT = 32;
const TEXT_CAP = 400;
const CHATTER = new Set(['packet-received', 'packet-sent', 'p1-attr']);
/** Events a rule quotes by their variables (the notify types it is about), not any occurrence. */
const QUOTED_BY_VARS = new Set(['notify']);
const SIDES: readonly Side[] = ['cloud', 'peer'];

export interface EventTally {
  side: Side;
  type: string;
  count: number;
  firstMs?: number;
  lastMs?: number;
  /** The first records, kept raw and turned into evidence only when quoted. */
  first: EvidenceRef[];
  /** The latest records after the first ones (a ring that churns on every occurrence). */
  last: EvidenceRef[];
  /** Latest variables seen with this event. */
  lastVars: Record<string, string>;
  /**
   * Distinct variable sets with their counts, in first-seen order (capped); events quoted by their
   * variables keep their first record. A list, not a Map: most tallies hold one or two sets, and a
   * Map's table per tally was a tenth of what a subject keeps.
   */
  combos: VarCombo[];
  /** The variables object counted last and its entry (undefined when the cap left it out). */
  lastComboVars?: Record<string, string> | undefined;
  lastCombo?: VarCombo | undefined;
}

/** One distinct variable set of an event type and how often it was seen. */
export interface VarCombo {
  key: string;
  vars: Record<string, string>;
  count: number;
  ref?: EvidenceRef;
}

/** What a record needs to become evidence later, without formatting its time now. */
export interface EvidenceRef {
  source: string;
  line: number;
  pointer: string | undefined;
  timeMs: number | undefined;
  side: Side;
  text: string;
}

/**
 * The key of a variable set, joined rather than concatenated: `+=` leaves a tree of string pieces
 * behind each key, and a subject keeps up to 32 keys per event type (3 MB on a 1 GB export).
 */
function comboKeyOf(vars: Record<string, string>): string {
  const parts: string[] = [];
  for (const k in vars) parts.push(k, vars[k]!);
  return parts.join('\u0001');
}

function refOf(rec: LogRecord): EvidenceRef {
  return { source: rec.source, line: rec.line, pointer: rec.pointer, timeMs: rec.timeMs, side: rec.side, text: rec.text };
}

export function refEvidence(r: EvidenceRef): Evidence {
  const e: Evidence = { source: r.source, side: r.side, text: r.text.length > TEXT_CAP ? `${r.text.slice(0, TEXT_CAP)}…` : r.text };
  if (r.pointer) e.pointer = r.pointer;
  else e.line = r.line;
  if (r.timeMs !== undefined && Number.isFinite(r.timeMs)) e.time = reportTime(r.timeMs);
  return e;
}

export function recordEvidence(rec: LogRecord): Evidence {
  return refEvidence(refOf(rec));
}

/** The combination of `key` in a tally's list. */
function comboOf(t: EventTally, key: string): VarCombo | undefined {
  for (const c of t.combos) if (c.key === key) return c;
  return undefined;
}

/** Occurrences of a tally whose variables hold every pair of `vars` (all of them without `vars`). */
function tallyCount(t: EventTally | undefined, vars: Record<string, string> | undefined): number {
  if (!t) return 0;
  if (!vars || isEmpty(vars)) return t.count;
  let n = 0;
  for (const c of t.combos) if (holds(c.vars, vars)) n += c.count;
  return n;
}

function isEmpty(o: Record<string, string>): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return false;
  return true;
}

function holds(have: Record<string, string>, want: Record<string, string>): boolean {
  for (const k in want) if (Object.prototype.hasOwnProperty.call(want, k) && have[k] !== want[k]) return false;
  return true;
}

export class EvidenceStore {
  /** Every tally in first-seen order (both sides). */
  readonly tallies: EventTally[] = [];

  /** Rebuilds a store from its structured clone (a worker's answer). */
  static revive(plain: EvidenceStore): EvidenceStore {
    const store = new EvidenceStore();
    for (const t of plain.tallies) {
      store.tallies.push(t);
      store.bySide[t.side].set(t.type, t);
    }
    return store;
  }

  /** The same tallies by side then type: event types are interned constants, no key to build. */
  private readonly bySide: Record<Side, Map<string, EventTally>> = { cloud: new Map(), peer: new Map() };

  private tally(side: Side, type: string): EventTally {
    let t = this.bySide[side].get(type);
    if (!t) {
      t = { side, type, count: 0, first: [], last: [], lastVars: {}, combos: [], lastComboVars: undefined, lastCombo: undefined };
      this.bySide[side].set(type, t);
      this.tallies.push(t);
    }
    return t;
  }

  add(rec: LogRecord): void {
    const ev = rec.event;
    if (!ev) return;
    const t = this.tally(rec.side, ev.type);
    t.count++;
    if (rec.timeMs !== undefined) {
      if (t.firstMs === undefined || rec.timeMs < t.firstMs) t.firstMs = rec.timeMs;
      if (t.lastMs === undefined || rec.timeMs > t.lastMs) t.lastMs = rec.timeMs;
    }
    const intoFirst = t.first.length < FIRST_KEPT;
    if (intoFirst) t.first.push(refOf(rec));
    // Packet-level chatter (every packet, sizes and ports in every variable) is counted, not
    // remembered: holding its latest line would keep a line alive per subject across scavenges,
    // and that promoted churn, not the kept data, is what grows the heap on big exports.
    if (CHATTER.has(ev.type)) {
      if (intoFirst) t.lastVars = ev.vars;
      return;
    }
    if (!intoFirst) {
      t.last.push(refOf(rec));
      if (t.last.length > LAST_KEPT) t.last.shift();
    }
    t.lastVars = ev.vars;
    // Records of one remembered line share their event: its combination is the one counted last.
    if (ev.vars === t.lastComboVars && t.lastCombo) {
      t.lastCombo.count++;
      return;
    }
    const comboKey = comboKeyOf(ev.vars);
    let c = comboOf(t, comboKey);
    // The variables object is kept as the parser made it, not copied: its values are cut from the
    // parse memo's own copy of the line's tail, or from the line, which the first/last references
    // keep anyway. No one changes an event once it is handed on (parse/log-parser.ts).
    if (c) c.count++;
    else if (t.combos.length < VAR_COMBOS_KEPT) t.combos.push((c = QUOTED_BY_VARS.has(ev.type) ? { key: comboKey, vars: ev.vars, count: 1, ref: refOf(rec) } : { key: comboKey, vars: ev.vars, count: 1 }));
    t.lastComboVars = ev.vars;
    t.lastCombo = c;
  }

  get(side: Side, type: string): EventTally | undefined {
    return this.bySide[side].get(type);
  }

  count(type: string, side?: Side, vars?: Record<string, string>): number {
    // Rule gates ask this of every subject for most rules: no array or key list per call.
    if (side) return tallyCount(this.get(side, type), vars);
    return tallyCount(this.get('cloud', type), vars) + tallyCount(this.get('peer', type), vars);
  }

  /** Evidence for one event type: first and last records kept. */
  evidence(type: string, side?: Side): Evidence[] {
    const out: Evidence[] = [];
    for (const s of side ? [side] : (['cloud', 'peer'] as Side[])) {
      const t = this.get(s, type);
      if (t) out.push(...t.first.map(refEvidence), ...t.last.map(refEvidence));
    }
    return out;
  }

  /**
   * What a finding quotes of one event type: the first and the last (when there are two or more) of
   * its kept records — for events kept by their variables, of each combination's first record
   * whose variables `accept` takes. Only those two become evidence (every kept record was made
   * evidence, to use two).
   */
  evidenceEnds(type: string, accept: ((vars: Record<string, string>) => boolean) | undefined): Evidence[] {
    let first: EvidenceRef | undefined;
    let last: EvidenceRef | undefined;
    let n = 0;
    const byVars = QUOTED_BY_VARS.has(type) && accept !== undefined;
    for (const s of SIDES) {
      const t = this.get(s, type);
      if (!t) continue;
      if (byVars) {
        for (const c of t.combos) {
          if (!c.ref || !accept(c.vars)) continue;
          if (n++ === 0) first = c.ref;
          last = c.ref;
        }
        continue;
      }
      for (const list of [t.first, t.last]) {
        for (const r of list) {
          if (n++ === 0) first = r;
          last = r;
        }
      }
    }
    if (n === 0) return [];
    return n === 1 ? [refEvidence(first!)] : [refEvidence(first!), refEvidence(last!)];
  }

  merge(other: EvidenceStore): void {
    for (const t of other.tallies) {
      const mine = this.bySide[t.side].get(t.type);
      if (!mine) {
        this.tallies.push(t);
        this.bySide[t.side].set(t.type, t);
        continue;
      }
      mine.count += t.count;
      // `other` was read after this one (a later range, a later file): its latest values win.
      mine.lastVars = t.lastVars;
      if (t.firstMs !== undefined && (mine.firstMs === undefined || t.firstMs < mine.firstMs)) mine.firstMs = t.firstMs;
      if (t.lastMs !== undefined && (mine.lastMs === undefined || t.lastMs > mine.lastMs)) mine.lastMs = t.lastMs;
      // As if the other's records had followed these: `last` only fills once `first` is full.
      if (mine.first.length < FIRST_KEPT) {
        const combined = [...mine.first, ...t.first, ...t.last];
        mine.first = combined.slice(0, FIRST_KEPT);
        mine.last = combined.slice(FIRST_KEPT).slice(-LAST_KEPT);
      } else {
        mine.last = [...mine.last, ...t.first, ...t.last].slice(-LAST_KEPT);
      }
      for (const c of t.combos) {
        const mc = comboOf(mine, c.key);
        if (mc) mc.count += c.count;
        else if (mine.combos.length < VAR_COMBOS_KEPT) mine.combos.push(c);
      }
    }
  }
}
