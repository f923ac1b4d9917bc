// Everything known about one subject (a connection, or a tunnel of a dual-tunnel connection), fed
// record by record in bounded memory: event tallies and evidence, the exchange it got furthest to,
// API diagnoses, gateway checks, the cloud-side configuration, and the timeline.
import type { Evidence, LogRecord, Side } from '../types.js';
import type { CloudConfig, ConnectionDiagnosis, GatewayCheck } from '../parse/api-documents.js';
import type { DeviceConnection } from '../check/device-model.js';
import { EvidenceStore, recordEvidence } from './evidence-store.js';
import { TimelineBuilder } from './timeline.js';
import { ExchangeProgress } from './exchange-progress.js';
import { Lifecycle } from './lifecycle.js';
import { EPISODE_GAP_MS, closesEpisode, sameEpisodeShape } from './episodes.js';
import { hashText } from './text-hash.js';

const MESSAGES_KEPT = 80;
/** Earlier episodes kept per subject; beyond it the two oldest become one. */
const EARLIER_KEPT = 8;
/** Latest warning/error lines remembered per subject (a SourceLog quotes one of the latest). */
const PROBLEM_HASHES_KEPT = 256;


export class SubjectAccumulator {
  vpnConnectionId: string | null = null;
  tunnelId: string | null = null;
  vpnGatewayId: string | null = null;
  // Episode-level (see episodes.ts): what one attempt at the tunnel showed. A quiet gap after a
  // failure moves these into `earlier` and starts them afresh; the rest belongs to the subject.
  store = new EvidenceStore();
  timeline = new TimelineBuilder();
  readonly diagnoses: ConnectionDiagnosis[] = [];
  readonly checks = new Map<string, GatewayCheck>();
  config: CloudConfig | undefined;
  /** The device's configuration of this connection, when one was given beside the logs. */
  deviceConnection: DeviceConnection | undefined;
  /** The dialect of the first device-log line (and the connection it names): the fix is written in its terms. */
  peerDevice: { dialect: string; connName?: string; family?: string } | undefined;
  sides = new Set<Side>();
  /** Records per side; `quoted`: the cloud records that are an API diagnosis's SourceLog line (one line it quotes, not a log). */
  records: Record<Side, number> & { quoted: number } = { cloud: 0, peer: 0, quoted: 0 };
  /** Distinct error/warning messages per side → first evidence (for message-match rules). */
  messages: Record<Side, Map<string, Evidence>> = { cloud: new Map(), peer: new Map() };
  /** Addresses seen: the gateway's own (cloud local / peer remote) and the device's. */
  readonly gatewayIps = new Map<string, number>();
  readonly deviceIps = new Map<string, number>();
  ikeVersions: Record<Side, Set<number>> = { cloud: new Set(), peer: new Set() };
  /** How far the gateway's phase-1 exchange got (see exchange-progress.ts). */
  progress = new ExchangeProgress();
  /** The tunnel's life as each side logged it (see lifecycle.ts). */
  life: Record<Side, Lifecycle> = { cloud: new Lifecycle(), peer: new Lifecycle() };
  firstMs: number | undefined;
  lastMs: number | undefined;
  /** The subject's first line, the evidence of last resort when none of its lines is notable. */
  firstLine: Evidence | undefined;
  sources = new Set<string>();
  /** Earlier episodes of this subject, oldest first (episode-level fields only; see episodes.ts). */
  earlier: SubjectAccumulator[] = [];
  /** Hashes of warning/error record texts, to skip a `SourceLog` line the exported logs already hold. */
  private readonly problemTextHashes = new Set<number>();
  lastSource = '';

  constructor(readonly id: string) {}

  add(rec: LogRecord): void {
    if (rec.timeMs !== undefined && this.lastMs !== undefined && rec.timeMs - this.lastMs >= EPISODE_GAP_MS && closesEpisode(this)) this.closeEpisode();
    if (!this.sides.has(rec.side)) this.sides.add(rec.side);
    this.records[rec.side]++;
    this.firstLine ??= recordEvidence(rec);
    if (rec.source !== this.lastSource) {
      this.sources.add(rec.source);
      this.lastSource = rec.source;
    }
    if (rec.timeMs !== undefined && Number.isFinite(rec.timeMs)) {
      if (this.firstMs === undefined || rec.timeMs < this.firstMs) this.firstMs = rec.timeMs;
      if (this.lastMs === undefined || rec.timeMs > this.lastMs) this.lastMs = rec.timeMs;
    }
    if (rec.ikeVersion && rec.event) this.ikeVersions[rec.side].add(rec.ikeVersion);
    if (rec.side === 'peer') {
      if (!this.peerDevice || (!this.peerDevice.connName && rec.connName)) this.peerDevice = { dialect: rec.dialect, ...(rec.connName ? { connName: rec.connName } : {}), ...(this.peerDevice?.family ? { family: this.peerDevice.family } : {}) };
      // The product line where a dialect reads several (Cisco ASA or IOS, Huawei or H3C): the first line that says.
      const family = rec.context?.['family'] ?? rec.context?.['vendor'];
      if (family !== undefined && this.peerDevice.family === undefined) this.peerDevice.family = family;
    }
    if (rec.side === 'cloud') this.progress.add(rec);
    if (rec.event) this.life[rec.side].add(rec);
    else if (rec.side === 'cloud' && rec.func === 'ikev2_create_child_responder') this.life.cloud.childCreated();
    const gw = rec.side === 'cloud' ? rec.local : rec.remote;
    const dev = rec.side === 'cloud' ? rec.remote : rec.local;
    if (gw) this.gatewayIps.set(gw.ip, (this.gatewayIps.get(gw.ip) ?? 0) + 1);
    if (dev) this.deviceIps.set(dev.ip, (this.deviceIps.get(dev.ip) ?? 0) + 1);
    const notable = rec.level === 'error' || rec.level === 'warn';
    if (notable || (rec.event && rec.level !== 'debug')) {
      const msgs = this.messages[rec.side];
      if (msgs.size < MESSAGES_KEPT && !msgs.has(rec.message)) msgs.set(rec.message, recordEvidence(rec));
    }
    if (notable) {
      // The latest warnings are the ones a SourceLog repeats: keep a window, oldest out first.
      this.problemTextHashes.add(hashText(rec.text));
      if (this.problemTextHashes.size > PROBLEM_HASHES_KEPT) this.problemTextHashes.delete(this.problemTextHashes.values().next().value!);
    }
    this.store.add(rec);
    this.timeline.add(rec);
  }

  /** A line an API diagnosis quotes (SourceLog): a record like any other, counted as quoted. */
  addQuoted(rec: LogRecord): void {
    this.add(rec);
    this.records.quoted++;
  }

  /**
   * Lets go of every observation: the subject was sealed and judged, and nothing reads it again.
   * An object once held by a long-lived Map (the index's, the sealing's) survives the scavenges
   * after its entry is deleted, until the next full collection, and so does whatever it points at:
   * on a fleet export each subject's data was promoted — 60 MB of a million lines, whatever the
   * open-subject budget (docs/performance.md, seventh session).
   */
  letGo(): void {
    this.takeEpisodeOf(new SubjectAccumulator(this.id));
    this.diagnoses.length = 0;
    this.checks.clear();
    this.gatewayIps.clear();
    this.deviceIps.clear();
    this.problemTextHashes.clear();
    this.earlier = [];
    this.config = undefined;
    this.deviceConnection = undefined;
    this.peerDevice = undefined;
  }

  /** Whether a warning/error line with this exact text was already read (hash; false positives negligible). */
  hasEventText(text: string): boolean {
    return this.problemTextHashes.has(hashText(text));
  }

  addDiagnosis(d: ConnectionDiagnosis): void {
    this.diagnoses.push(d);
    this.vpnConnectionId ??= d.vpnConnectionId ?? null;
    this.tunnelId ??= d.tunnelId ?? null;
    this.vpnGatewayId ??= d.vpnGatewayId ?? null;
  }

  addCheck(c: GatewayCheck): void {
    this.checks.set(c.name, c);
    this.vpnGatewayId ??= c.vpnGatewayId ?? null;
  }

  setConfig(c: CloudConfig): void {
    this.config = c;
    // A DownloadVpnConnectionConfig names no connection ('').
    if (c.vpnConnectionId) this.vpnConnectionId ??= c.vpnConnectionId;
    if (c.tunnelId) this.tunnelId ??= c.tunnelId;
    this.vpnGatewayId ??= c.vpnGatewayId ?? null;
  }

  /** The most frequent address of a map (the gateway's or the device's). */
  static top(m: Map<string, number>): string | undefined {
    let best: string | undefined;
    let n = 0;
    for (const [k, v] of m) if (v > n) [best, n] = [k, v];
    return best;
  }

  /**
   * Rebuilds an accumulator from its structured clone (a worker thread's result): the clone kept
   * every field but lost the classes.
   */
  static revive(plain: SubjectAccumulator): SubjectAccumulator {
    const a = new SubjectAccumulator(plain.id);
    Object.assign(a, plain, {
      store: EvidenceStore.revive(plain.store),
      progress: ExchangeProgress.revive(plain.progress),
      life: { cloud: Lifecycle.revive(plain.life.cloud), peer: Lifecycle.revive(plain.life.peer) },
      timeline: Object.assign(new TimelineBuilder(), plain.timeline),
      earlier: plain.earlier.map((e) => SubjectAccumulator.revive(e)),
    });
    return a;
  }

  /** Moves the line numbers of one source by `offset` (a file read in ranges, each from line 1). */
  shiftLines(source: string, offset: number): void {
    if (offset === 0) return;
    for (const t of this.store.tallies.values()) {
      for (const e of t.first) if (e.source === source && e.line !== undefined) e.line += offset;
      for (const e of t.last) if (e.source === source) e.line += offset;
    }
    for (const m of [this.messages.cloud, this.messages.peer]) for (const e of m.values()) if (e.source === source && e.line !== undefined) e.line += offset;
    const first = this.firstLine;
    if (first && first.source === source && first.line !== undefined) first.line += offset;
    this.timeline.shiftLines(source, offset);
    for (const e of this.earlier) e.shiftLines(source, offset);
  }

  /** Moves the current episode into `earlier` and starts the next one empty (see episodes.ts). */
  private closeEpisode(): void {
    const prev = new SubjectAccumulator(this.id);
    prev.takeEpisodeOf(this);
    this.takeEpisodeOf(new SubjectAccumulator(this.id));
    // Attempts that failed the same way, apart only by a quiet gap, stay one episode: the list
    // grows with distinct outcomes, not with retries.
    const last = this.earlier.at(-1);
    if (last && sameEpisodeShape(last, prev)) last.absorbEpisode(prev, true);
    else this.earlier.push(prev);
    if (this.earlier.length > EARLIER_KEPT) {
      const [a, b] = this.earlier.splice(0, 2) as [SubjectAccumulator, SubjectAccumulator];
      a.absorbEpisode(b, true);
      this.earlier.unshift(a);
    }
  }

  /** Takes the episode-level fields of `o` by reference (o must not be used for them afterwards). */
  takeEpisodeOf(o: SubjectAccumulator): void {
    this.store = o.store;
    this.timeline = o.timeline;
    this.sides = o.sides;
    this.records = o.records;
    this.messages = o.messages;
    this.ikeVersions = o.ikeVersions;
    this.progress = o.progress;
    this.life = o.life;
    this.firstMs = o.firstMs;
    this.lastMs = o.lastMs;
    this.firstLine = o.firstLine;
    this.sources = o.sources;
    this.lastSource = o.lastSource;
  }

  /** An earlier episode as a subject of its own for the facts: its lines, this subject's ids and addresses. */
  episodeView(e: SubjectAccumulator): SubjectAccumulator {
    const v = new SubjectAccumulator(this.id);
    v.takeEpisodeOf(e);
    v.vpnConnectionId = this.vpnConnectionId;
    v.tunnelId = this.tunnelId;
    v.vpnGatewayId = this.vpnGatewayId;
    v.peerDevice = this.peerDevice;
    for (const [k, n] of this.gatewayIps) v.gatewayIps.set(k, n);
    for (const [k, n] of this.deviceIps) v.deviceIps.set(k, n);
    return v;
  }

  /** Makes `e` (an earlier episode) part of the current one, as if its lines had come first. */
  prependEpisode(e: SubjectAccumulator): void {
    const merged = new SubjectAccumulator(this.id);
    merged.takeEpisodeOf(e);
    merged.absorbEpisode(this, true);
    this.takeEpisodeOf(merged);
  }

  /** The first and last time of every episode together. */
  span(): { firstMs: number | undefined; lastMs: number | undefined } {
    let firstMs = this.firstMs;
    let lastMs = this.lastMs;
    for (const e of this.earlier) {
      if (e.firstMs !== undefined && (firstMs === undefined || e.firstMs < firstMs)) firstMs = e.firstMs;
      if (e.lastMs !== undefined && (lastMs === undefined || e.lastMs > lastMs)) lastMs = e.lastMs;
    }
    return { firstMs, lastMs };
  }

  /**
   * Takes over another accumulator's observations: a peer session joined to this subject, or —
   * `continues` — what a parallel read found in the next range or file of the same input.
   * Episodes: a continuation closes this one where a quiet gap would have in one read; a joined
   * subject's episodes go to the episode of ours nearest in time.
   */
  absorb(o: SubjectAccumulator, continues = false): void {
    this.absorbSubject(o);
    const theirs = [...o.earlier, o];
    if (continues) {
      theirs.forEach((seg, i) => {
        const gap = seg.firstMs !== undefined && this.lastMs !== undefined && seg.firstMs - this.lastMs >= EPISODE_GAP_MS;
        const closes = (i > 0 || gap) && closesEpisode(this);
        if (closes) this.closeEpisode();
        // The first segment continues this episode mid-exchange, where the other read began blind.
        this.absorbEpisode(seg, true, i === 0 && !closes);
      });
      return;
    }
    for (const seg of theirs) {
      // The earlier episode nearest in time, if one is nearer than the current one.
      let target: SubjectAccumulator | undefined;
      let best = this.earlier.length > 0 ? episodeGap(this, seg) : 0;
      for (const e of this.earlier) {
        const g = episodeGap(e, seg);
        if (g < best) [target, best] = [e, g];
      }
      (target ?? this).absorbEpisode(seg, false);
    }
  }

  /** What belongs to the subject whatever the episode: ids, API documents, addresses, the device. */
  private absorbSubject(o: SubjectAccumulator): void {
    for (const h of o.problemTextHashes) {
      this.problemTextHashes.add(h);
      if (this.problemTextHashes.size > PROBLEM_HASHES_KEPT) this.problemTextHashes.delete(this.problemTextHashes.values().next().value!);
    }
    for (const [k, v] of o.gatewayIps) this.gatewayIps.set(k, (this.gatewayIps.get(k) ?? 0) + v);
    for (const [k, v] of o.deviceIps) this.deviceIps.set(k, (this.deviceIps.get(k) ?? 0) + v);
    for (const d of o.diagnoses) this.addDiagnosis(d);
    for (const c of o.checks.values()) this.addCheck(c);
    if (o.config && !this.config) this.setConfig(o.config);
    this.peerDevice ??= o.peerDevice;
  }

  /** The episode-level observations of `o`, read after (continues) or beside ours. */
  absorbEpisode(o: SubjectAccumulator, continues: boolean, replay = false): void {
    for (const s of o.sides) this.sides.add(s);
    this.records.cloud += o.records.cloud;
    this.records.peer += o.records.peer;
    this.records.quoted += o.records.quoted;
    for (const s of o.sources) this.sources.add(s);
    for (const side of ['cloud', 'peer'] as Side[]) {
      for (const [k, v] of o.messages[side]) if (!this.messages[side].has(k) && this.messages[side].size < MESSAGES_KEPT) this.messages[side].set(k, v);
      for (const v of o.ikeVersions[side]) this.ikeVersions[side].add(v);
    }
    this.firstLine ??= o.firstLine;
    if (o.firstMs !== undefined && (this.firstMs === undefined || o.firstMs < this.firstMs)) this.firstMs = o.firstMs;
    if (o.lastMs !== undefined && (this.lastMs === undefined || o.lastMs > this.lastMs)) this.lastMs = o.lastMs;
    this.progress.merge(o.progress, continues, replay);
    this.life.cloud.merge(o.life.cloud, continues);
    this.life.peer.merge(o.life.peer, continues);
    this.store.merge(o.store);
    this.timeline.merge(o.timeline, continues);
  }
}

/** Milliseconds between two episodes' time windows (0 when they overlap, Infinity when unknown). */
function episodeGap(a: SubjectAccumulator, b: SubjectAccumulator): number {
  if (a.firstMs === undefined || b.firstMs === undefined) return Infinity;
  const aEnd = a.lastMs ?? a.firstMs;
  const bEnd = b.lastMs ?? b.firstMs;
  if (a.firstMs <= bEnd && b.firstMs <= aEnd) return 0;
  return Math.min(Math.abs(a.firstMs - bEnd), Math.abs(b.firstMs - aEnd));
}
