// Sealed subjects: how a run with more connections than it keeps in memory stays small. The
// subjects of gateway logs are independent of each other, so the least recently fed one is
// sealed when too many are open: its observations are written to a store as they are, it is
// judged at once (the run's own judge), and only the judged subject is read back at the end. A
// sealed subject fed again is reopened from its observations, exactly as it was, and stays open.
// A run of one document that can be read again may bet that no sealed subject comes back (an export
// grouped by connection): it keeps no observations, and loses the bet with SealedSubjectGone — the
// run then reads its input again, keeping them (run/analyze.ts). The same report either way. Such
// a run, once the input has shown it is grouped, also seals idle subjects (IDLE_AFTER_FEEDS).
// Anything that joins subjects across the index (a device log, an API document, a configuration,
// dual-tunnel ids) reopens every sealed subject first and stops sealing: such runs are read as
// before. Lives in facts/ because it owns accumulators; the store itself (I/O) comes from sources/.
import { deserialize, serialize } from 'node:v8';
import { SubjectAccumulator } from './subject.js';

/**
 * Where sealed subjects are written: pieces of bytes, each read back by the handle `put` gave. What
 * `get` returns may be overwritten by the next call: read it (or copy it) first.
 */
export interface SealStore {
  put(bytes: Uint8Array): number;
  get(handle: number): Uint8Array;
}


/**
 * A key of its own: an id cut from a log line by the parser is a slice that would keep the whole
 * line alive for as long as the key is kept (53 000 of them on a 1 GB export).
 */
const ownKey = (key: string): string => JSON.parse(JSON.stringify(key)) as string;

/** The judged sealed subjects: their ids, and each one's bytes read back on demand (valid until the next read). */
export interface SealedSubjects {
  ids: string[];
  read(i: number): Uint8Array;
}

/** A sealed subject is needed again and its observations were not kept: read the inputs again, keeping them. */
export class SealedSubjectGone extends Error {
  constructor(readonly key: string) {
    super(`sealed subject ${key} is needed again; its observations were not kept`);
  }
}

/**
 * Other subjects fed since, after which a subject is idle. When the run bets that no sealed
 * subject comes back, and the input has shown it is grouped by subject (more subjects than the
 * budget, and none fed again: see `fed`), idle subjects are sealed without waiting for the budget.
 * On the fleet export a subject then lives ~17 subjects' lines (~3 k), inside one scavenge of the
 * young generation, and its data dies young instead of being promoted with the 512 open ones.
 */
export const IDLE_AFTER_FEEDS = 16;

export class Sealing {
  /** Open subjects that may be sealed, least recently fed first, with the feed count when they were last fed. */
  private readonly recent = new Map<string, number>();
  /** Subject switches so far (`fed` calls): the clock idleness is counted in. */
  private feeds = 0;
  /** Whether a subject was ever fed again after another one: the input is not grouped by subject. */
  private returned = false;
  /** Sealed key → the store handle of its observations (a number, not an object: 53 000 on a 1 GB export). */
  private readonly sealed = new Map<string, number>();
  /** Observations handle → the handle of the judged subject (-1 until judged). */
  private judgedOf = new Int32Array(1024).fill(-1);
  /** Sealed, not judged yet: the accumulators themselves until the run takes them. */
  private readonly pending = new Map<string, SubjectAccumulator>();
  /** Reopened subjects: never sealed again (an interleaved export would reopen them on every line). */
  private readonly pinned = new Set<string>();
  private store: SealStore | undefined;
  private active = true;
  /** Slots of sealed subjects whose observations were not kept (handles of their judgements only). */
  private slots = 0;

  constructor(
    /** The index's open gateway subjects by key: sealing removes from it, reopening puts back. */
    private readonly open: Map<string, SubjectAccumulator>,
    private readonly budget: number,
    private readonly openStore: () => SealStore | undefined,
    /** False: the run bets no sealed subject is fed again (see above). */
    private readonly keepObservations = true,
  ) {}

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /**
   * `key` was fed (or opened; the index calls this only when the subject changes): it becomes the
   * most recent, and the least recent beyond the budget are sealed. Idle ones are sealed too once
   * more subjects than the budget came one after another, none fed again: an input with no more
   * subjects than the budget cannot show that (one of them is fed twice first), so no input is
   * sealed that the budget alone would keep open, and an interleaved one never is for idleness.
   */
  fed(key: string): void {
    if (!this.active || this.pinned.has(key)) return;
    const now = ++this.feeds;
    if (this.recent.has(key)) {
      this.returned = true;
      this.recent.delete(key);
    }
    this.recent.set(key, now);
    const sealIdle = !this.keepObservations && !this.returned && now > this.budget;
    while (this.active && this.recent.size > 0) {
      const [oldest, lastFed] = this.recent.entries().next().value as [string, number];
      if (this.recent.size <= this.budget && !(sealIdle && now - lastFed > IDLE_AFTER_FEEDS)) break;
      this.recent.delete(oldest);
      const subject = this.open.get(oldest);
      if (subject) this.seal(oldest, subject);
    }
  }

  private seal(key: string, acc: SubjectAccumulator): void {
    this.store ??= this.openStore();
    if (!this.store) {
      // No place to write: the run keeps every subject open, as it always did.
      this.active = false;
      this.recent.clear();
      return;
    }
    let observations: number;
    try {
      // Not kept: a slot of its own, for its judgement.
      observations = this.keepObservations ? this.store.put(serialize(acc)) : this.slots++;
    } catch {
      // The store is full or broken (a disk out of space): this subject and the rest stay open.
      this.halt();
      return;
    }
    this.sealed.set(ownKey(key), observations);
    this.pending.set(key, acc);
    this.open.delete(key);
  }

  /** No more sealing; what is sealed stays sealed. */
  private halt(): void {
    this.active = false;
    this.recent.clear();
  }

  /** The sealed subject `key` open again (and kept open), or undefined when it is not sealed. */
  reopen(key: string): SubjectAccumulator | undefined {
    const observations = this.sealed.get(key);
    if (observations === undefined) return undefined;
    // Not judged yet, the accumulator itself is still at hand, observations kept or not.
    const pending = this.pending.get(key);
    if (!pending && !this.keepObservations) throw new SealedSubjectGone(key);
    // The input is not grouped after all: nothing more is sealed for being idle.
    this.returned = true;
    this.sealed.delete(key);
    const acc = pending ?? SubjectAccumulator.revive(deserialize(this.store!.get(observations)) as SubjectAccumulator);
    this.pending.delete(key);
    this.open.set(key, acc);
    this.pinned.add(key);
    return acc;
  }

  /** Every sealed subject open again, and no more sealing. */
  stop(): void {
    if (!this.active && this.sealed.size === 0) return;
    this.active = false;
    for (const key of [...this.sealed.keys()]) this.reopen(key);
    this.recent.clear();
  }

  /** Sealed subjects waiting to be judged, handed to the run (which gives back what it judged). */
  takePending(): [string, SubjectAccumulator][] {
    const out = [...this.pending];
    this.pending.clear();
    return out;
  }

  /** The judged subject of a sealed key (a subject reopened meanwhile keeps none). */
  judged(key: string, bytes: Uint8Array): void {
    const observations = this.sealed.get(key);
    if (observations === undefined || !this.store) return;
    if (observations >= this.judgedOf.length) {
      const grown = new Int32Array(Math.max(observations + 1, 2 * this.judgedOf.length)).fill(-1);
      grown.set(this.judgedOf);
      this.judgedOf = grown;
    }
    try {
      this.judgedOf[observations] = this.store.put(bytes);
    } catch {
      // Its judgement could not be written: the subject opens again from its observations, and
      // is judged with the open ones (without observations, the run reads its inputs again).
      this.halt();
      this.reopen(key);
    }
  }

  /** Keys of the sealed subjects, in the order they were sealed. */
  keys(): IterableIterator<string> {
    return this.sealed.keys();
  }

  /** The judged sealed subjects, to be read back one at a time; the index lets go of them. */
  take(): SealedSubjects {
    const store = this.store;
    const ids: string[] = [];
    const handles = new Int32Array(this.sealed.size);
    for (const [id, observations] of this.sealed) {
      const judged = this.judgedOf[observations] ?? -1;
      if (judged < 0 || !store) throw new Error(`sealed subject ${id} was never judged`);
      handles[ids.length] = judged;
      ids.push(id);
    }
    this.sealed.clear();
    this.judgedOf = new Int32Array(0);
    return { ids, read: (i) => store!.get(handles[i]!) };
  }
}
