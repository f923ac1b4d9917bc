// The life of the tunnel as one side logged it, record by record: negotiating, up, lost (the peer
// went silent, deleted the SA or shut down while the tunnel was up) or failed (a negotiation
// refused). It separates what happens in a negotiation from what ends a tunnel that was up, so a
// DPD give-up is not read as a phase-1 failure, and an earlier "established" does not hide a
// later failure.
import type { LogRecord } from '../types.js';
import { isErrorNotify } from '../parse/events.js';

export type TunnelState = 'idle' | 'negotiating' | 'up' | 'lost' | 'failed';

/** Events that fail a negotiation (phase from the event, else phase 1). */
export const NEGOTIATION_FAILURES: ReadonlySet<string> = new Set([
  'p1-timeout', 'p1-failed', 'p2-timeout', 'p2-failed', 'p2-wait-p1-timeout', 'no-proposal', 'p1-rejected', 'pfs-mismatch',
  'ke-missing', 'ke-mismatch', 'lifetime-mismatch', 'trns-mismatch', 'authtype-mismatch', 'proto-mismatch', 'encmode-mismatch',
  'selector-not-found', 'address-mismatch', 'auth-failed', 'decrypt-failed', 'encrypt-failed', 'payload-invalid', 'hash-mismatch',
  'unknown-ikev2-peer', 'ts-unacceptable', 'no-config', 'retransmit-limit', 'id-mismatch', 'id-type-unacceptable',
  'version-unsupported', 'mode-not-acceptable', 'exchange-mismatch', 'cert-error', 'info-ignored-no-sa', 'peer-retransmit',
]);

/**
 * How long after an IKE SA rekey the replaced SA's deletion is expected: both daemons delete it in
 * the exchange that completes the rekey (the same second in the lab).
 */
const REKEY_DELETE_MS = 30_000;
/**
 * The other end deleting the gateway's only IPsec SA within this long after it came up did not
 * replace it (a rekey's new SA comes up first): it could not use the SA it had just negotiated (lab
 * wave 18: NAT traversal off on the gateway, a device that only does UDP-encapsulated ESP).
 */
const REFUSED_AT_INSTALL_MS = 2_000;

/** Events that end a tunnel that was up, when they come while it is up. */
export const LOSSES: ReadonlySet<string> = new Set(['dpd-dead', 'retransmit-limit', 'p1-timeout', 'p2-timeout', 'delete-received', 'sa-deleted', 'daemon-stop', 'delete-sent']);

/** What a deletion was of: only the IKE SA (or the daemon going away) ends the tunnel; CHILD deletes follow every rekey. */
function endsTunnel(rec: LogRecord): boolean {
  const ev = rec.event!;
  // A CHILD SA closed at its hard lifetime (read as the device's delete of it).
  if (ev.type === 'sa-expired' && rec.phase === 2) return false;
  if (ev.type === 'delete-received' || ev.type === 'delete-sent' || ev.type === 'sa-deleted') {
    const what = ev.vars['what'] ?? '';
    return /^(IKE|ISAKMP)/i.test(what) && ev.vars['why'] !== 'aborted' && ev.vars['ignored'] !== 'true';
  }
  return true;
}

export class Lifecycle {
  state: TunnelState = 'idle';
  everUp = false;
  upMs: number | undefined;
  /** The event that ended the tunnel the last time it was lost, and when. */
  lostBy: string | undefined;
  lostMs: number | undefined;
  /** The latest negotiation failure (not a loss), per phase. */
  p1FailMs: number | undefined;
  p2FailMs: number | undefined;
  /** A negotiation failed while the tunnel was up (a rekey, or the CHILD_SA of an IKE SA that came up). */
  failedWhileUp = false;
  /** This attempt's CHILD_SA was refused (racoon2 logs it before its IKEv2 SA reaches ESTABLISHED). */
  private childRefused = false;
  /** IKEv1 phase 1 of this attempt completed (not yet a tunnel). */
  private phase1Done = false;
  /**
   * The other end began phase 2 on this attempt's phase 1 (this side responds to its quick mode):
   * it accepted phase 1, so what it repeats or deletes later is about phase 2.
   */
  private otherEndInPhase2 = false;
  /** DPD / liveness requests sent while the tunnel was up and not answered since (the log's end counts). */
  dpdUnanswered = 0;
  /**
   * Right after phase 1 completed here, before any phase 2, the other end deleted the IKE SA or
   * repeated its last phase-1 message: it refused what it checked last (IKEv1: the identity).
   */
  deletedAfterPhase1 = false;
  /** CHILD SAs the device logged up and the other end has not deleted since. */
  private peerChildren = 0;
  /**
   * The CHILD SAs the device logged up with their SPIs (strongSwan names them: inbound, outbound):
   * a rekey logs its new SA twice, and both ends delete the old one, each by its own SPI.
   */
  private peerChildSpis: [string, string][] = [];
  /** The device brought a CHILD SA up while another was up: a rekey. */
  private peerRekeyed = false;
  /** IPsec SAs the gateway logged up (racoon2: one line per IKEv1 quick mode; IKEv2's first with its IKE SA). */
  private cloudChildUps = 0;
  /**
   * The gateway daemon's start is in the log, so every IPsec SA it negotiated since is too (IKEv1:
   * each quick mode logs its own `IPsec-SA established`, a rekey's included, by either end). Its
   * only SA deleted by the other end is then the tunnel's last, whatever time passed (lab wave 6: a
   * device letting its IKEv1 CHILD SA expire with rekeying off). A log that begins mid-life may show
   * a rekey's new SA and the old one's delete: there only REFUSED_AT_INSTALL_MS holds.
   */
  private cloudFromStart = false;
  /** When an IKE SA was last established while the tunnel was up: a rekey, whose old SA goes next. */
  private rekeyMs: number | undefined;
  /**
   * A log without times (`journalctl -o cat`, a paste with the stamps cut): an IKE SA was just
   * established while the tunnel was up, so the deletes that follow it, up to the next other event,
   * are of the SA it replaced.
   */
  private untimedRekey = false;
  /**
   * When this side began reauthenticating while the tunnel was up (strongSwan deletes the IKE SA
   * first, then negotiates a new one): the IKE SA delete that follows is planned, not a loss; what
   * the new negotiation meets decides (lab wave 15).
   */
  private reauthMs: number | undefined;
  private untimedReauth = false;
  /** What came last of phase 1, in the order of the lines: its establishment or a failure of it (logs without times). */
  untimedP1: 'up' | 'failed' | undefined;

  private childUp(spi: string | undefined, spiOut: string | undefined): void {
    if (this.peerChildren > 0) this.peerRekeyed = true;
    if (spi === undefined) this.peerChildren++;
    else if (!this.peerChildSpis.some(([i]) => i === spi)) {
      this.peerChildSpis.push([spi, spiOut ?? '']);
      this.peerChildren++;
    }
  }

  /**
   * Whether a delete ends one of the device's CHILD SAs. By SPI when it names one: a CHILD SA this
   * log never saw come up (it began mid-life) or one already deleted counts for nothing. Without
   * SPIs only the other end's delete counts, as a device deletes its side of every rekeyed SA.
   */
  private childDeleted(type: string, detail: string | undefined): boolean {
    const spi = detail ? /\bSPIs? ([0-9a-f]+)/i.exec(detail)?.[1] : undefined;
    if (spi === undefined || this.peerChildSpis.length === 0) return type === 'delete-received';
    const at = this.peerChildSpis.findIndex(([i, o]) => i === spi || o === spi);
    if (at < 0) return false;
    this.peerChildSpis.splice(at, 1);
    return true;
  }

  /** `t` falls within REFUSED_AT_INSTALL_MS after the tunnel came up. */
  private refusedAtInstall(t: number | undefined): boolean {
    return this.upMs !== undefined && t !== undefined && t >= this.upMs && t - this.upMs <= REFUSED_AT_INSTALL_MS;
  }

  /**
   * racoon2 IKEv2 answered a CREATE_CHILD_SA (its `[INTERNAL_ERR] … parent-local …` line, which
   * carries no event): while the tunnel is up, a new CHILD SA, so a delete that follows replaces.
   */
  childCreated(): void {
    if (this.state === 'up') this.cloudChildUps++;
  }

  static revive(plain: Lifecycle): Lifecycle {
    return Object.assign(new Lifecycle(), plain);
  }

  add(rec: LogRecord): void {
    const ev = rec.event;
    if (!ev) return;
    const t = rec.timeMs;
    // A device daemon that deletes the CHILD SA it closes at its hard lifetime (the catalogue's
    // `deletes`): the closing is its delete. Where the delete is logged too (strongSwan at level 1)
    // it names the same SPIs and counts for nothing more.
    const type = ev.type === 'sa-expired' && rec.side === 'peer' && rec.phase === 2 && ev.vars['deletes'] === 'true' ? 'delete-sent' : ev.type;
    const deletion = type === 'delete-received' || type === 'delete-sent' || type === 'sa-deleted';
    if (!deletion) this.untimedRekey = this.untimedReauth = false;
    if (type === 'reauth-start') {
      if (this.state === 'up') [this.reauthMs, this.untimedReauth] = [t, t === undefined];
      return;
    }
    if (type === 'p1-established' && this.state === 'up') {
      this.rekeyMs = t;
      this.untimedRekey = t === undefined;
    }
    if (type === 'p1-established') this.untimedP1 = 'up';
    const gatewayV2Up = type === 'p1-established' && rec.ikeVersion === 2 && rec.dialect === 'racoon2';
    if (gatewayV2Up && this.childRefused) {
      // The IKE SA came up without the CHILD_SA it was negotiated for: no tunnel.
      this.childRefused = false;
      return;
    }
    if (type === 'p2-established' && rec.side === 'peer') this.childUp(ev.vars['spi'], ev.vars['spiOut']);
    // racoon2's IKEv2 ESTABLISHED comes with the first CHILD SA.
    if ((type === 'p2-established' && rec.side === 'cloud') || gatewayV2Up) this.cloudChildUps++;
    if (type === 'p2-established' || gatewayV2Up) {
      this.state = 'up';
      this.everUp = true;
      this.upMs = t;
      return;
    }
    if (type === 'p1-start' && this.state !== 'up') {
      this.state = 'negotiating';
      this.childRefused = false;
      this.phase1Done = false;
      this.otherEndInPhase2 = false;
      return;
    }
    if (type === 'p2-start' && this.phase1Done && ev.vars['role'] === 'responder') this.otherEndInPhase2 = true;
    if (type === 'p1-established' && this.state !== 'up') {
      this.phase1Done = true;
      if (this.state === 'failed') this.state = 'negotiating';
      return;
    }
    // A repeated message carries no phase of its own: once the other end began phase 2, it is a
    // quick-mode request (lab wave 5: a device that could not install its SA repeated quick mode 1).
    const repeated = type === 'peer-retransmit' && rec.phase !== 2;
    if (this.phase1Done && !this.otherEndInPhase2 && this.state !== 'up' && (repeated || ((type === 'delete-received' || type === 'delete-sent' || type === 'sa-deleted') && endsTunnel(rec)))) {
      this.deletedAfterPhase1 = true;
      // The other end may repeat its message several times; a delete ends this phase 1.
      if (!repeated) this.phase1Done = false;
      return;
    }
    if (this.state === 'up' && type === 'dpd-sent') this.dpdUnanswered++;
    else if (type === 'dpd-ack' || type === 'packet-received') this.dpdUnanswered = 0;
    // The device's only CHILD SA deleted by the other end (no newer one replaced it, as a rekey's
    // would): the tunnel carries nothing any more, whatever the IKE SA does.
    // So is the device's only CHILD SA it deletes itself (lab wave 6: an IKEv1 CHILD SA that
    // expired with rekeying off): a rekey would have brought the next one up first. A delete of an
    // SA this log never saw come up (it began mid-life) counts for nothing.
    // A device that rekeyed before has rekeying on: its own delete of the last SA is the end of
    // the log's window (lab: the last rekey not yet logged), not a setting to change.
    const childGone = (type === 'delete-received' || (type === 'delete-sent' && !this.peerRekeyed)) && rec.side === 'peer' && !endsTunnel(rec) && this.childDeleted(type, ev.vars['detail']);
    if (childGone && this.peerChildren > 0 && --this.peerChildren === 0 && this.state === 'up') {
      this.state = 'lost';
      this.lostBy = type;
      this.lostMs = t;
      return;
    }
    if (type === 'daemon-start' && rec.side === 'cloud') this.cloudFromStart = true;
    if (this.state === 'up' && type === 'delete-received' && rec.side === 'cloud' && this.cloudChildUps === 1 && !endsTunnel(rec) && (this.refusedAtInstall(t) || (this.cloudFromStart && rec.ikeVersion === 1))) {
      this.state = 'lost';
      this.lostBy = type;
      this.lostMs = t;
      return;
    }
    // An IKE SA rekeyed (lab wave 6: strongSwan every 10 s): the new SA is up first, then the
    // replaced one is deleted — by either end, logged as several lines — and that ends nothing.
    // So is the IKE SA a reauthentication deletes before it negotiates the new one.
    if (this.state === 'up' && deletion && (this.untimedRekey || this.untimedReauth || shortlyAfter(this.rekeyMs, t) || shortlyAfter(this.reauthMs, t))) return;
    // A log that begins with the other end deleting the IKE SA: it was up before the log began.
    const upBeforeLog = this.state === 'idle' && type === 'delete-received' && endsTunnel(rec);
    if (upBeforeLog) this.everUp = true;
    if ((this.state === 'up' || upBeforeLog) && LOSSES.has(type) && endsTunnel(rec)) {
      this.state = 'lost';
      this.lostBy = type;
      this.lostMs = t;
      return;
    }
    // The other end's error notify (INVALID_SYNTAX to a rekey, say) fails the exchange it answers.
    const refused = type === 'notify' && ev.vars['direction'] === 'received' && isErrorNotify(ev.vars['type']);
    if (NEGOTIATION_FAILURES.has(type) || refused) {
      // A retransmission give-up or a CHILD delete after the tunnel went down is part of the loss.
      if (this.state === 'lost' && (type === 'retransmit-limit' || type === 'p2-timeout')) return;
      // A failure the line does not place belongs to phase 2 once phase 1 is done.
      const phase2 = rec.phase === 2 || (rec.phase === undefined && (this.phase1Done || this.state === 'up'));
      if (this.state === 'up') this.failedWhileUp = true;
      if (this.state === 'negotiating' && phase2) this.childRefused = true;
      this.state = 'failed';
      if (phase2) this.p2FailMs = later(this.p2FailMs, t);
      else {
        this.p1FailMs = later(this.p1FailMs, t);
        this.untimedP1 = 'failed';
      }
    }
  }

  /** A later range or file of the same input (`continues`), or another subject's life. */
  merge(o: Lifecycle, continues: boolean): void {
    if (continues || o.state !== 'idle') {
      if (continues || this.state === 'idle') this.state = o.state;
    }
    this.everUp ||= o.everUp;
    this.upMs = later(this.upMs, o.upMs);
    if (o.lostBy && (this.lostMs === undefined || (o.lostMs ?? 0) >= this.lostMs)) {
      this.lostBy = o.lostBy;
      this.lostMs = o.lostMs;
    }
    this.p1FailMs = later(this.p1FailMs, o.p1FailMs);
    if (continues || this.untimedP1 === undefined) this.untimedP1 = o.untimedP1 ?? this.untimedP1;
    this.p2FailMs = later(this.p2FailMs, o.p2FailMs);
    this.failedWhileUp ||= o.failedWhileUp;
    this.deletedAfterPhase1 ||= o.deletedAfterPhase1;
    // Device logs are read in one piece; across pieces the later one's count stands when it saw any.
    this.peerChildren = continues ? o.peerChildren || this.peerChildren : Math.max(this.peerChildren, o.peerChildren);
    this.peerRekeyed ||= o.peerRekeyed;
    this.cloudChildUps += o.cloudChildUps;
    this.cloudFromStart ||= o.cloudFromStart;
    this.peerChildSpis = [...this.peerChildSpis, ...o.peerChildSpis.filter(([i]) => !this.peerChildSpis.some(([j]) => j === i))];
    this.dpdUnanswered = continues ? (o.state !== 'idle' ? o.dpdUnanswered : this.dpdUnanswered) : Math.max(this.dpdUnanswered, o.dpdUnanswered);
  }
}

/** Whether `t` falls within REKEY_DELETE_MS after `since` (both known). */
function shortlyAfter(since: number | undefined, t: number | undefined): boolean {
  return since !== undefined && t !== undefined && t >= since && t - since <= REKEY_DELETE_MS;
}

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
