// Decides which subject every record and API entry belongs to: gateway lines by their resource id
// (or the connection the export names), peer-device sessions by their endpoints — joined to the
// gateway subject whose addresses they share (facts/peer-join.ts), else left as a subject of their own.
import type { LogRecord } from '../types.js';
import type { CloudConfig, ConnectionDiagnosis, GatewayCheck } from '../parse/api-documents.js';
import { SubjectAccumulator } from './subject.js';
import type { DeviceConnection } from '../check/device-model.js';
import { Sealing, type SealStore, type SealedSubjects } from './seal-store.js';
import { InputOverlap } from './input-overlap.js';
import { joinPeerSessions } from './peer-join.js';

/** An index's subjects by key, as exported for another thread and imported back (structured clone). */
export interface SubjectState {
  cloud: [string, SubjectAccumulator][];
  peer: [string, SubjectAccumulator][];
}

/** Where a diagnosis's SourceLog line goes (its subject; opaque outside facts/). */
export type SourceLogTarget = SubjectAccumulator;
/** A subject's observations as `finish` hands them to the facts (opaque outside facts/). */
export type ObservedSubject = SubjectAccumulator;

/** The id an observed subject is reported under. */
export const subjectIdOf = (s: ObservedSubject): string => s.id;

export class SubjectIndex {
  private readonly cloud = new Map<string, SubjectAccumulator>();
  private readonly peer = new Map<string, SubjectAccumulator>();

  /**
   * `rangePiece`: this index reads a byte range of a file apart from the rest (parallel/), so its
   * gateway subjects may continue subjects of the range before: they keep what the merge replays.
   */
  constructor(private readonly opts: { rangePiece?: boolean } = {}) {}

  private cloudSubject(id: string): SubjectAccumulator {
    let s = this.cloud.get(id) ?? this.sealing?.reopen(id);
    if (!s) {
      s = new SubjectAccumulator(id);
      if (this.opts.rangePiece) s.progress.keepPrefix();
      if (id.startsWith('tun-')) s.tunnelId = id;
      else if (id.startsWith('vco-')) s.vpnConnectionId = id;
      this.cloud.set(id, s);
    }
    this.sealing?.fed(id);
    return s;
  }

  private sealing: Sealing | undefined;
  /** API export lines a log file gave already are counted once (facts/input-overlap.ts): on for log files beside an API document. */
  private overlap: InputOverlap | undefined;

  /** Counts an API export's lines that a log file gave already once (a run with both). */
  countRepeatsOnce(): void {
    this.overlap ??= new InputOverlap();
  }

  /** Whether the run compares API exports with log files (then every log is read in this thread). */
  get countsRepeats(): boolean {
    return this.overlap !== undefined;
  }

  /** Lines of each API export left out as a log file's. */
  get repeatedLines(): ReadonlyMap<string, number> {
    return this.overlap?.repeats ?? new Map();
  }

  /**
   * Keeps at most `open` gateway subjects open, sealing the least recently fed ones into the store
   * `openStore` makes when first needed (facts/seal-store.ts).
   */
  sealBeyond(open: number, openStore: () => SealStore | undefined, keepObservations = true): void {
    this.sealing = new Sealing(this.cloud, Math.max(1, open), openStore, keepObservations);
  }

  /** Every sealed subject open again, and no more sealing (a secret value turned up: they must be judged again). */
  stopSealing(): void {
    this.unseal();
  }

  /** What joins subjects across the index is coming: every sealed subject open again, no more sealing. */
  private unseal(): void {
    if (!this.sealing) return;
    this.sealing.stop();
    this.sealing = undefined;
    this.lastAcc = undefined;
  }

  /** Sealed subjects waiting for their judgement (the run judges them, then calls `sealedJudged`). */
  takeSealsToJudge(): [string, ObservedSubject][] {
    return this.sealing?.hasPending ? this.sealing.takePending() : [];
  }

  /** `subject` (sealed as `key`) was judged into `bytes`: nothing reads its observations again. */
  sealedJudged(key: string, bytes: Uint8Array, subject: ObservedSubject): void {
    this.sealing?.judged(key, bytes);
    subject.letGo();
  }

  /** The judged sealed subjects (after `finish`), read back one at a time. */
  takeSealed(): SealedSubjects {
    return this.sealing?.take() ?? { ids: [], read: () => new Uint8Array(0) };
  }

  /** Whether any device (peer) line was read: such subjects may be joined and re-timed. */
  get hasDeviceLines(): boolean {
    return this.peer.size > 0;
  }

  private lastKey: unknown;
  private lastId: string | undefined;
  private lastAcc: SubjectAccumulator | undefined;
  private lastSource: string | undefined;

  /** A gateway or peer record. `fallbackId` names the connection when the line itself does not. */
  addRecord(rec: LogRecord, fallback?: { vpnConnectionId?: string; tunnelId?: string }): void {
    // Consecutive lines nearly always belong to the same subject: skip the lookup then.
    if (this.lastAcc && rec.resourceId === this.lastId && fallback === this.lastKey && rec.side === 'cloud' && rec.source === this.lastSource) {
      if (!this.overlap?.repeated(this.lastAcc.id, rec)) this.lastAcc.add(rec);
      return;
    }
    if (rec.side === 'cloud') {
      const own = rec.resourceId && /^(vco|tun)-/.test(rec.resourceId) ? rec.resourceId : undefined;
      const id = fallback?.tunnelId ?? own ?? fallback?.vpnConnectionId ?? `gateway:${rec.source}`;
      const s = this.cloudSubject(id);
      if (fallback?.vpnConnectionId) s.vpnConnectionId ??= fallback.vpnConnectionId;
      else if (own?.startsWith('vco-')) s.vpnConnectionId ??= own;
      [this.lastKey, this.lastId, this.lastAcc, this.lastSource] = [fallback, rec.resourceId, s, rec.source];
      if (!this.overlap?.repeated(s.id, rec)) s.add(rec);
      return;
    }
    if (this.sealing) this.unseal();
    const key = `${rec.source}#${rec.connName ?? ''}`;
    let s = this.peer.get(key);
    if (!s) {
      s = new SubjectAccumulator(`peer:${rec.connName ?? rec.source}`);
      this.peer.set(key, s);
    }
    s.add(rec);
  }

  /** The diagnosis's subject, handed back as the place its SourceLog line is read into later. */
  addDiagnosis(d: ConnectionDiagnosis): SourceLogTarget {
    this.unseal();
    // Entries that name no connection are one unnamed subject per document, not one each (200 000
    // such entries were 200 000 subjects).
    const s = this.cloudSubject(d.tunnelId ?? d.vpnConnectionId ?? `api:${d.source}`);
    s.addDiagnosis(d);
    return s;
  }

  /** A SourceLog line repeats a line of the exported logs: kept only when the subject lacks it. */
  addSourceLogRecord(target: SourceLogTarget, r: LogRecord): void {
    if (target.hasEventText(r.text) || this.overlap?.holds(target.id, r)) return;
    target.addQuoted(r);
  }

  addCheck(c: GatewayCheck): void {
    this.unseal();
    const id = c.resourceId ?? c.vpnGatewayId ?? `diagnosis:${c.source}`;
    // A gateway-level diagnosis applies to every connection of the gateway already known.
    if (!c.resourceId && c.vpnGatewayId) {
      const matches = [...this.cloud.values()].filter((s) => s.vpnGatewayId === c.vpnGatewayId);
      if (matches.length > 0) {
        for (const s of matches) s.addCheck(c);
        return;
      }
    }
    const s = this.cloudSubject(id);
    s.addCheck(c);
  }

  addConfig(c: CloudConfig): void {
    this.unseal();
    if (!c.tunnelId && !c.vpnConnectionId) {
      this.unnamedConfigs.push(c);
      return;
    }
    const s = this.cloudSubject(c.tunnelId ?? c.vpnConnectionId);
    s.setConfig(c);
  }

  /** Device configurations given beside the logs (`analyze` reads them after every log). */
  private readonly deviceConnections: DeviceConnection[] = [];

  addDeviceConnections(conns: readonly DeviceConnection[]): void {
    if (conns.length > 0) this.unseal();
    this.deviceConnections.push(...conns);
  }

  /**
   * Each device connection goes to the subject it configures: the one whose gateway address is the
   * connection's peer (or whose device address is its own), else the only subject there is.
   */
  private placeDeviceConnections(all: readonly SubjectAccumulator[]): void {
    for (const conn of this.deviceConnections) {
      const remote = conn.remoteAddress?.value;
      const local = conn.localAddress?.value;
      const byPeer = all.filter((s) => !s.deviceConnection && remote !== undefined && (s.gatewayIps.has(remote) || s.config?.gatewayIp === remote));
      const byOwn = all.filter((s) => !s.deviceConnection && local !== undefined && (s.deviceIps.has(local) || s.config?.remoteIp === local));
      const target = byPeer.length === 1 ? byPeer[0] : byPeer.length === 0 && byOwn.length === 1 ? byOwn[0] : all.length === 1 && !all[0]!.deviceConnection ? all[0] : undefined;
      if (target) target.deviceConnection = conn;
    }
    this.deviceConnections.length = 0;
  }

  /** Settings that name no connection (a DownloadVpnConnectionConfig) waiting for the subject whose addresses they share. */
  private readonly unnamedConfigs: CloudConfig[] = [];

  /**
   * Unnamed settings join the gateway subject with their tunnel's or customer gateway's address,
   * else the only gateway subject there is, else stand as a subject of their own (a device log
   * then joins them by the same addresses).
   */
  private placeUnnamedConfigs(): void {
    for (const c of this.unnamedConfigs) {
      const subjects = [...this.cloud.values()].filter((s) => !s.config);
      const byAddress = subjects.filter((s) => (c.gatewayIp !== undefined && s.gatewayIps.has(c.gatewayIp)) || (c.remoteIp !== undefined && s.deviceIps.has(c.remoteIp)));
      const target = byAddress.length === 1 ? byAddress[0] : this.cloud.size === 1 ? subjects[0] : undefined;
      (target ?? this.cloudSubject(`config:${c.gatewayIp ?? c.source}`)).setConfig(c);
    }
    this.unnamedConfigs.length = 0;
  }

  /** The raw subjects before joining, as a worker thread hands them back. */
  exportState(): SubjectState {
    return { cloud: [...this.cloud.entries()], peer: [...this.peer.entries()] };
  }

  /** Merges subjects read elsewhere (a worker's range of a file), in file order. */
  importState(state: SubjectState, source: string, lineOffset: number): void {
    if (state.peer.length > 0) this.unseal();
    for (const [entries, into] of [[state.cloud, this.cloud], [state.peer, this.peer]] as const) {
      for (const [key, plain] of entries) {
        const acc = SubjectAccumulator.revive(plain);
        acc.shiftLines(source, lineOffset);
        const mine = into.get(key) ?? (into === this.cloud ? this.sealing?.reopen(key) : undefined);
        if (mine) mine.absorb(acc, true);
        else into.set(key, acc);
        if (into === this.cloud) this.sealing?.fed(key);
      }
    }
    this.lastAcc = undefined;
  }

  /** Tunnel subjects of a connection that also has a connection-level subject absorb it. */
  private foldConnectionsIntoTunnels(): void {
    // Tunnels by connection, indexed once: a scan of every subject per connection was quadratic
    // (10 000 connections, 10 s). A subject folded away is no longer a tunnel of anything.
    const tunnelsOf = new Map<string, SubjectAccumulator[]>();
    for (const t of this.cloud.values()) {
      if (!t.tunnelId || !t.vpnConnectionId) continue;
      const list = tunnelsOf.get(t.vpnConnectionId);
      if (list) list.push(t);
      else tunnelsOf.set(t.vpnConnectionId, [t]);
    }
    const folded = new Set<SubjectAccumulator>();
    for (const [id, s] of this.cloud) {
      if (!id.startsWith('vco-')) continue;
      const tunnels = (tunnelsOf.get(id) ?? []).filter((t) => !folded.has(t));
      if (tunnels.length === 1) {
        tunnels[0]!.absorb(s);
        folded.add(s);
        this.cloud.delete(id);
      }
    }
  }

  /**
   * The final subjects. The index lets go of them: the caller can drop each one once its report
   * is built, so the accumulators and the report are not both whole in memory at once.
   */
  finish(): SubjectAccumulator[] {
    // Tunnels fold their connection's own subject in: dual-tunnel runs are judged whole.
    if (this.sealing && [...this.cloud.keys(), ...this.sealing.keys()].some((k) => k.startsWith('tun-'))) this.unseal();
    this.foldConnectionsIntoTunnels();
    this.placeUnnamedConfigs();
    const peerOnly = joinPeerSessions(this.peer, this.cloud);
    const all = [...this.cloud.values(), ...peerOnly];
    this.placeDeviceConnections(all);
    this.cloud.clear();
    this.peer.clear();
    this.lastAcc = undefined;
    return all;
  }
}
