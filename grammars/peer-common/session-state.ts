// What a peer catalogue remembers between records of one file: per IKE SA (strongSwan unique id,
// Libreswan state serial) whether it is up, which exchange it is in, and the proposal lists seen,
// so a later line ("giving up", "no acceptable proposal") can say which phase and which values.
// State is keyed by source; a source whose line numbers go backwards is a new pass and starts over.
import type { LogRecord } from '../../src/types.js';
import type { NormalizedProposal } from './proposals.js';

export interface SeenProposals {
  raw: string;
  phase: 1 | 2;
  list: NormalizedProposal[];
}

export interface SessionState {
  ikeVersion?: 1 | 2;
  /** The IKE SA (phase 1) is established. */
  established: boolean;
  /** A DPD / liveness request is out and unanswered. */
  dpdPending: boolean;
  /** Exchange of the last request the device generated (`QUICK_MODE`, `IKE_AUTH`, …). */
  lastRequest?: string;
  received?: SeenProposals;
  configured?: SeenProposals;
  /**
   * strongSwan proposal lists pasted without their `received proposals:` / `configured proposals:`
   * lead: which list the last one was, and whether it ended in a comma (the next line continues it).
   */
  bareList?: { kind: 'received' | 'configured'; open: boolean };
  /** The IKEv1 mode this end initiated in (strongSwan `initiating Aggressive Mode IKE_SA …`, Libreswan `initiating IKEv1 Aggressive Mode connection`). */
  initiatedMode?: string;
  /** This end itself failed to verify the other's authentication (strongSwan `calculated HASH does not match …`, Libreswan `probable authentication failure`). */
  ownAuthFailure?: boolean;
  /** Libreswan: the other end's authentication verified (`authenticated using …`, `certificate verified OK`). */
  peerAuthOk?: boolean;
  /** Libreswan: this end refused the other's certificate for the ID it sent (`X509: authentication failed; …`). */
  certRefused?: boolean;
  /** strongSwan: an IKEv1 informational protected by HASH arrived (both ends hold the ISAKMP SA's keys). */
  protectedInfo?: boolean;
  /** Libreswan IKEv1: the Oakley transforms the device refused. */
  refused: NormalizedProposal[];
  refusedRaw: string[];
  /** strongSwan "looking for peer configs matching A[idA]...B[idB]". */
  lookup?: { local: string; localId?: string; remote: string; remoteId?: string };
  /** strongSwan "looking for a child config for X === Y". */
  childLookup?: { localTs: string; remoteTs: string };
  /** The last IKE message this end generated (strongSwan `generating …`), for packets that repeat it. */
  lastOut?: { exchange: string; kind: string; msgid: string; payloads: string };
  /** The last packet sent (`from>to:bytes`), whether anything arrived since, and how often it repeated. */
  lastSent?: { key: string; answered: boolean; repeats: number };
  /** The last packet received (`from>to:bytes`) and whether a message line parsed it. */
  lastRecv?: { key: string; parsed: boolean };
  /** Whether the other end offered NAT detection (NAT-D payloads) when the IKE SA was set up. */
  peerNatT?: boolean;
  /** Message ID of the last message parsed. */
  lastIn?: string;
  /** A `sending retransmit …` line announced the next packet: it is not a silent repeat. */
  retransmitLogged?: boolean;
  /** Message lines seen (generating/parsed); a record that moved it was a message line. */
  messages?: number;
  /** This end logged a refusal of its own since its last message line (so a notify it sends is that refusal's). */
  failedSinceMessage?: boolean;
  /**
   * Libreswan: a line of this SA's phase 1 (its start, a main/aggressive/IKE_SA_INIT state) was seen.
   * A log that begins in the middle of an SA's life (a posted tail) shows none.
   */
  begun?: boolean;
  /**
   * How this end authenticates itself, when its log says (a signature with its certificate, or a
   * pre-shared key): a refusal of its authentication then points at its certificate, not a key.
   */
  ownAuth?: 'certificate' | 'psk';
  /** strongSwan: a CHILD_SA of this session was logged established (`ipsec up`'s summary line repeats it). */
  childLogged?: boolean;
  /** Libreswan: a refusal arrived before anything of this SA showed its phase, and was taken as phase 1's. */
  phaseGuessed?: boolean;
}

export interface ConnectionState {
  ikeVersion?: 1 | 2;
  /** Proposals of the connection's definition (Libreswan prints them when the connection is added). */
  configured: Partial<Record<1 | 2, SeenProposals>>;
  /** Libreswan "IKE SA proposals (connection add):" announces which list the next lines hold. */
  listing?: 1 | 2;
  /** A quick mode (or CREATE_CHILD_SA) started since the last phase 1 began. */
  phase2Started?: boolean;
  /**
   * strongSwan: phase 1's DH group was just refused with another one requested (INVALID_KE_PAYLOAD):
   * the next IKE_SA_INIT of this connection is the retry with the requested group — the same IKE
   * SA when this end initiates, a new one (not yet named) when the other end does.
   */
  keRequested?: boolean;
}

interface SourceState {
  lastLine: number;
  sessions: Map<string, SessionState>;
  connections: Map<string, ConnectionState>;
}

/** Sessions kept per source, and sources kept, before the oldest are forgotten. */
const MAX_SESSIONS = 4096;
const MAX_SOURCES = 64;

export class SessionTracker {
  private readonly sources = new Map<string, SourceState>();

  private source(rec: LogRecord): SourceState {
    let s = this.sources.get(rec.source);
    // Line numbers that go back mean a new pass over the source; the same line is the same record
    // (a hook may ask for its session and its connection).
    if (!s || rec.line < s.lastLine) {
      s = { lastLine: 0, sessions: new Map(), connections: new Map() };
      this.sources.delete(rec.source);
      if (this.sources.size >= MAX_SOURCES) this.sources.delete(this.sources.keys().next().value!);
      this.sources.set(rec.source, s);
    }
    s.lastLine = rec.line;
    return s;
  }

  /** The state of the record's IKE SA (records without a session share one). */
  session(rec: LogRecord): SessionState {
    const src = this.source(rec);
    const key = rec.session ?? '-';
    let st = src.sessions.get(key);
    if (!st) {
      st = { established: false, dpdPending: false, refused: [], refusedRaw: [] };
      if (src.sessions.size >= MAX_SESSIONS) src.sessions.delete(src.sessions.keys().next().value!);
      src.sessions.set(key, st);
    }
    return st;
  }

  connection(rec: LogRecord): ConnectionState {
    const src = this.source(rec);
    const key = rec.connName ?? '-';
    let c = src.connections.get(key);
    if (!c) {
      c = { configured: {} };
      if (src.connections.size >= MAX_SESSIONS) src.connections.delete(src.connections.keys().next().value!);
      src.connections.set(key, c);
    }
    return c;
  }

  /** IKE versions of the connections added in the record's source. */
  versions(rec: LogRecord): Set<number> {
    const out = new Set<number>();
    for (const c of this.source(rec).connections.values()) if (c.ikeVersion) out.add(c.ikeVersion);
    return out;
  }

  /** The daemon restarted: ids start again, nothing before carries over. */
  restart(rec: LogRecord): void {
    this.sources.set(rec.source, { lastLine: rec.line, sessions: new Map(), connections: new Map() });
  }
}
