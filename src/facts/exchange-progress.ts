// How far the gateway's phase-1 exchange got, message by message, and what the peer still said
// after each step: the IKEv1 main/aggressive-mode message number (from racoon2's exchange
// functions, and its own sends in between), the IKEv2 message number (from its state changes),
// and, per event, the step at which it last happened. A peer that answers message 1 with a notify
// refused the proposal; one that goes quiet after the gateway's first encrypted message either
// could not decrypt it or never got it (UDP 4500 after the NAT-T float).
import type { LogRecord } from '../types.js';

/** racoon2 IKEv1 exchange functions → the main/aggressive-mode message number they handle. */
const EXCHANGE_STEP: Readonly<Record<string, number>> = {
  ident_i1send: 1,
  ident_r1recv: 1,
  ident_i2recv: 2,
  ident_r1send: 2,
  ident_i2send: 3,
  ident_r2recv: 3,
  ident_i3recv: 4,
  ident_r2send: 4,
  ident_i3send: 5,
  ident_r3recv: 5,
  ident_i4recv: 6,
  ident_r3send: 6,
  agg_i1send: 1,
  agg_r1recv: 1,
  agg_i2recv: 2,
  agg_r1send: 2,
  agg_i2send: 3,
  agg_r2recv: 3,
};

export class ExchangeProgress {
  /** IKEv1: the message number of the current attempt, and the furthest any attempt got to. */
  step = 0;
  furthest = 0;
  /** IKEv2: the furthest IKE message number (1 SA_INIT request … 4 IKE_AUTH response). */
  furthestV2 = 0;
  role: 'initiator' | 'responder' | undefined;
  /** Whether the log has packet-level (DEBUG) lines at all: without them, silence cannot be told from brevity. */
  sawPackets = false;
  /** Event type → the step reached when it last happened (IKEv1 or IKEv2 numbering). */
  stepAt: Record<string, number> = {};
  /** IKEv2: the message number of the current IKE SA (a new attempt starts again). */
  private stepV2 = 0;
  /**
   * IKEv2: a packet of the peer arrived while the current IKE SA waited for (or had sent) IKE_AUTH.
   * 1: tentatively — as a responder it may be the device's next IKE_SA_INIT, which the state
   * change right after tells (lab wave 7: UDP 4500 dropped, the device retrying); 2: an answer.
   */
  private v2Answer: 0 | 1 | 2 = 0;
  /**
   * IKEv1 after the NAT-T float (the gateway sends main mode 5 from port 4500): whether a packet
   * of the peer after it was an answer. A peer that repeats its last message from port 500 never
   * got the 4500 one (lab wave 7: UDP 4500 dropped): 1 tentatively, until racoon2 says the packet
   * was a retransmission; 2 an answer. Undefined: no float in this attempt.
   */
  private floatAnswer: 0 | 1 | 2 | undefined;

  /**
   * A piece of a log read apart (a range of a file on another thread) starts where the piece
   * before it left the exchange, which it cannot know until a phase-1 start resets the step. What
   * moved the step before that start is kept, to be replayed onto the earlier piece when the two
   * are merged, so the merge is the serial read. 0: no start seen yet; 1: a start seen; 2: not
   * kept — a serial read, which nothing continues (`keepPrefix` turns it on for a range's pieces),
   * or too much before any start to keep (merged approximately).
   */
  private prefixState: 0 | 1 | 2 = 2;
  private prefix: StepInput[] | undefined;
  /** Event types whose step was last set before the first start (their replayed value is the serial one). */
  private preStart: string[] | undefined;
  /** This piece's first phase-1 start, replayed after the prefix: what a start resets, it resets on the piece before too. */
  private firstStart: StepInput | undefined;

  /** Keeps what moves the step until the first phase-1 start: this piece may continue another (a range read apart). */
  keepPrefix(): void {
    this.prefixState = 0;
  }

  static revive(plain: ExchangeProgress): ExchangeProgress {
    return Object.assign(new ExchangeProgress(), plain);
  }

  /** A gateway record, in log order. */
  add(rec: LogRecord): void {
    const ev = rec.event;
    const type = ev?.type;
    if (this.prefixState === 0) {
      if (type === 'p1-start') {
        this.prefixState = 1;
        this.firstStart = stepInput(rec);
        const before = Object.keys(this.stepAt);
        if (before.length > 0) this.preStart = before;
      } else if (type !== undefined || isStepFunc(rec.func)) {
        const x = stepInput(rec);
        if (!this.prefix) this.prefix = [x];
        else if (this.prefix.length < PREFIX_KEPT) this.prefix.push(x);
        else {
          this.prefixState = 2;
          this.prefix = undefined;
        }
      }
    } else if (this.preStart && type !== undefined) {
      const at = this.preStart.indexOf(type);
      if (at >= 0) this.preStart.splice(at, 1);
      if (this.preStart.length === 0) this.preStart = undefined;
    }
    this.move(rec.func, type, ev?.vars['role'], ev?.vars['step'], ev?.vars['to'], rec.ikeVersion, on500(rec));
  }

  private move(f: string | undefined, type: string | undefined, evRole: string | undefined, v2: string | undefined, to: string | undefined, ikeVersion: 1 | 2 | undefined, fromPort500 = false): void {
    const fc = f?.charCodeAt(0);
    // Only ident_*/agg_* functions mark an IKEv1 step: test the first letters before hashing.
    if (fc === 105 || fc === 97) {
      const s = EXCHANGE_STEP[f!];
      if (s && s > this.step) this.step = s;
    }
    // IKEv2 functions say the role where no state change did (a responder refusing SA_INIT).
    if (!this.role && f && (fc === 114 || fc === 105)) {
      if (f.startsWith('resp')) this.role = 'responder';
      else if (f.startsWith('init')) this.role = 'initiator';
    }
    if (type !== undefined) {
      if (type === 'packet-sent' || type === 'packet-received') this.sawPackets = true;
      if (type === 'p1-start') {
        this.role = evRole === 'responder' ? 'responder' : 'initiator';
        this.step = evRole === 'responder' && ikeVersion !== 2 ? 1 : 0;
        this.floatAnswer = undefined;
        if (ikeVersion === 2) {
          this.stepV2 = 0;
          // The packet before a new IKE SA was its IKE_SA_INIT, not an answer on the old one.
          if (this.v2Answer === 1) this.v2Answer = 0;
        }
      } else if (type === 'packet-sent' && ikeVersion !== 2 && this.furthestV2 === 0) {
        // racoon2 logs no line of its own for sending main-mode messages 1, 3 and 5 (initiator) or
        // 2 and 4 (responder): the send itself is the step. A resend repeats the step.
        const mine = this.role === 'responder' ? this.step % 2 === 1 : this.step % 2 === 0;
        if (mine && this.step < 6 && this.role) this.step++;
      } else if (type === 'p1-established' && ikeVersion !== 2 && this.furthestV2 === 0) {
        this.step = 6;
      }
      if (v2 !== undefined && to !== undefined) {
        if (Number(v2) > this.furthestV2) this.furthestV2 = Number(v2);
        if (Number(v2) > this.stepV2) this.stepV2 = Number(v2);
      }
      if (ikeVersion !== 2 && this.furthestV2 === 0) {
        if (type === 'nat-detected') this.floatAnswer ??= 0;
        else if (this.floatAnswer !== undefined && type === 'packet-received' && this.step >= (this.role === 'responder' ? 4 : 5)) this.floatAnswer = this.floatAnswer === 0 ? 1 : 2;
        else if (this.floatAnswer === 1 && type === 'peer-retransmit' && fromPort500) this.floatAnswer = 0;
      }
      if (this.furthestV2 > 0) {
        if (type === 'packet-received' && this.stepV2 >= (this.role === 'responder' ? 2 : 3)) this.v2Answer = this.v2Answer === 0 && this.role === 'responder' ? 1 : 2;
        else if (type !== 'p1-start' && type !== 'packet-sent' && this.v2Answer === 1) this.v2Answer = 2;
      }
    }
    if (this.step > this.furthest) this.furthest = this.step;
    if (type !== undefined) this.stepAt[type] = this.furthestV2 > 0 ? this.furthestV2 : this.step;
  }

  /** Whether the gateway had sent (initiator) or was waiting for (responder) the encrypted auth message. */
  authReached(): boolean {
    if (this.furthestV2 > 0) return this.furthestV2 >= (this.role === 'responder' ? 2 : 3);
    // Without packet lines the sends are not seen: the key exchange under way (message 3) is as far as the log can show.
    if (!this.sawPackets) return this.furthest >= 3;
    return this.furthest >= (this.role === 'responder' ? 4 : 5);
  }

  /** Whether any packet of the peer arrived once the auth message was out (null: the log has no packet lines). */
  answeredAfterAuth(): boolean | null {
    if (!this.sawPackets) return null;
    const at = this.stepAt['packet-received'];
    if (at === undefined) return false;
    if (this.furthestV2 > 0) return this.v2Answer > 0;
    if (this.floatAnswer !== undefined && this.furthest >= (this.role === 'responder' ? 4 : 5)) return this.floatAnswer > 0;
    return at >= (this.role === 'responder' ? 4 : 5);
  }

  /** The peer answered the gateway's first message, but never with the next exchange message. */
  refusedFirst(): boolean {
    if (this.role !== 'initiator' || this.stepAt['packet-received'] === undefined) return false;
    return this.furthestV2 > 0 ? this.furthestV2 <= 1 : this.furthest <= 1;
  }

  /**
   * Folds in what a later episode or file of the same input saw (`continues`), or another
   * subject's. `replay`: `o` is the next range of the same read, cut mid-exchange.
   */
  merge(o: ExchangeProgress, continues: boolean, replay = false): void {
    if (replay && o.prefixState !== 2) return this.continueWith(o);
    this.furthest = Math.max(this.furthest, o.furthest);
    this.furthestV2 = Math.max(this.furthestV2, o.furthestV2);
    this.sawPackets ||= o.sawPackets;
    // The later piece's attempt stands when it began one; another subject's float adds to ours.
    if (o.floatAnswer !== undefined) this.floatAnswer = continues || this.floatAnswer === undefined ? o.floatAnswer : (Math.max(this.floatAnswer, o.floatAnswer) as 0 | 1 | 2);
    else if (continues && o.stepAt['p1-start'] !== undefined) this.floatAnswer = undefined;
    this.v2Answer = continues ? (o.v2Answer || (o.stepAt['p1-start'] === undefined ? this.v2Answer : 0)) : (Math.max(this.v2Answer, o.v2Answer) as 0 | 1 | 2);
    if (continues) {
      this.stepV2 = o.stepV2;
      this.step = o.step;
      this.role = o.role ?? this.role;
    }
    for (const [k, v] of Object.entries(o.stepAt)) this.stepAt[k] = continues ? v : Math.max(v, this.stepAt[k] ?? 0);
  }

  /** `o` read right after this piece: its steps before its first start replayed here, its own state after it. */
  private continueWith(o: ExchangeProgress): void {
    for (const x of [...(o.prefix ?? []), ...(o.firstStart ? [o.firstStart] : [])]) this.move(x.func, x.type, x.role, x.step, x.to, x.ikeVersion, x.on500);
    // What this piece keeps for a merge with the one before it: the prefix goes on until a start.
    if (this.prefixState === 0) {
      if (o.prefix) this.prefix = [...(this.prefix ?? []), ...o.prefix];
      if ((this.prefix?.length ?? 0) > PREFIX_KEPT) {
        this.prefixState = 2;
        this.prefix = undefined;
      } else if (o.prefixState === 1) {
        this.prefixState = 1;
        this.firstStart = o.firstStart;
        const before = Object.keys(this.stepAt).filter((k) => o.stepAt[k] === undefined || o.preStart?.includes(k));
        this.preStart = before.length > 0 ? before : undefined;
      }
    } else if (this.preStart) {
      this.preStart = this.preStart.filter((k) => o.stepAt[k] === undefined);
      if (this.preStart.length === 0) this.preStart = undefined;
    }
    if (o.prefixState === 0) return;
    // From its first start on, the other piece's own values are the serial read's, but for the
    // IKEv2 message number, which no start resets: a step the other piece noted is at least the
    // one this piece had reached. (An IKEv1 exchange after an IKEv2 one in the same subject is
    // still counted as the other piece saw it.)
    const carried = this.furthestV2;
    this.furthest = Math.max(this.furthest, o.furthest);
    this.furthestV2 = Math.max(this.furthestV2, o.furthestV2);
    this.sawPackets ||= o.sawPackets;
    this.step = o.step;
    this.stepV2 = o.stepV2;
    if (o.floatAnswer !== undefined || o.prefixState === 1) this.floatAnswer = o.floatAnswer;
    // An answer either piece saw stands (a tentative one cut at the boundary stays tentative).
    this.v2Answer = Math.max(this.v2Answer, o.v2Answer) as 0 | 1 | 2;
    this.role = o.role ?? this.role;
    for (const [k, v] of Object.entries(o.stepAt)) {
      if (o.preStart?.includes(k)) continue;
      this.stepAt[k] = carried === 0 ? v : o.furthestV2 > 0 ? Math.max(carried, v) : carried;
    }
  }
}

/** What a step-moving record contributes, kept to replay (see ExchangeProgress.prefix). */
interface StepInput {
  func: string | undefined;
  type: string | undefined;
  role: string | undefined;
  step: string | undefined;
  to: string | undefined;
  ikeVersion: 1 | 2 | undefined;
  on500: boolean;
}

/** What `rec` contributes to the step, kept to replay. */
function stepInput(rec: LogRecord): StepInput {
  const ev = rec.event;
  return { func: rec.func, type: ev?.type, role: ev?.vars['role'], step: ev?.vars['step'], to: ev?.vars['to'], ikeVersion: rec.ikeVersion, on500: on500(rec) };
}

/** racoon2's `the packet is retransmitted by <peer>[500]`: the peer repeating itself from port 500. */
function on500(rec: LogRecord): boolean {
  return rec.event?.type === 'peer-retransmit' && /\[500\]$/.test(rec.event.vars['from'] ?? '');
}

/** Step-moving records kept before a piece's first start; a piece with more merges approximately. */
const PREFIX_KEPT = 256;

/** Functions whose name moves the step or says the role without an event (IKEv1 exchange, IKEv2 init/resp). */
const isStepFunc = (f: string | undefined): boolean => f !== undefined && (EXCHANGE_STEP[f] !== undefined || f.startsWith('resp') || f.startsWith('init'));
