// The AWS Site-to-Site VPN dialect (side `peer`, AWS's end of a tunnel): tunnel-activity records
// as CloudWatch Logs stores them (one JSON object per line, the message in `details`, the IKE
// states beside it) and the messages of AWS's table pasted alone (docs/aws.md).
import { framedDialect } from '../common/framed-dialect.js';
import { Frame, LineEnd, Message, Timestamp } from '../common/framed-line.js';
import { newToken } from '../peer-common/syslog-program.js';
import { scanIsoStamp } from '../peer-common/time.js';
import type { IToken } from '../chevrotain.js';
import { classifyAws } from './catalog.js';

export interface AwsFrame {
  shape: 'cloudwatch' | 'bare';
  epoch?: number;
  p1?: string;
  p2?: string;
}

const BARE = /^(?:AWS tunnel |AWS: Traffic Selector|No Proposal Match Found|Peer is not responsive|[•*-]?\s*Declaring peer dead)/;
const MAX = 64 * 1024;

function readJson(s: string): { frame: AwsFrame; message: string; stamp?: string } | undefined {
  if (s.length > MAX || !s.includes('"details"')) return undefined;
  let o: unknown;
  try {
    o = JSON.parse(s);
  } catch {
    return undefined;
  }
  if (!o || typeof o !== 'object') return undefined;
  const r = o as Record<string, unknown>;
  if (typeof r['details'] !== 'string' || (r['ike_phase1_state'] === undefined && r['event_timestamp'] === undefined)) return undefined;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const epoch = typeof r['event_timestamp'] === 'number' ? r['event_timestamp'] : undefined;
  const p1 = str(r['ike_phase1_state']);
  const p2 = str(r['ike_phase2_state']);
  const stamp = str(r['timestamp']);
  return { frame: { shape: 'cloudwatch', ...(epoch !== undefined ? { epoch } : {}), ...(p1 ? { p1 } : {}), ...(p2 ? { p2 } : {}) }, message: r['details'], ...(stamp ? { stamp } : {}) };
}

/** Whether a line is one AWS tunnel-log record as CloudWatch exports it (JSON with `details`). */
export function isAwsRecordLine(line: string): boolean {
  const t = line.trim();
  return t.charCodeAt(0) === 123 && readJson(t) !== undefined;
}

/** First characters a line of this dialect can start with (JSON, `AWS…`, `No…`, `Peer…`, `Declaring…`, a bullet). */
const FIRST = new Set([123, 65, 78, 80, 68, 0x2022, 42, 45]);

function sniffLine(line: string): boolean {
  let i = 0;
  while (i < 8 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const c = line.charCodeAt(i);
  if (!FIRST.has(c)) return false;
  const t = i === 0 ? line : line.slice(i);
  return c === 123 ? readJson(t) !== undefined : BARE.test(t);
}

function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const t = s.trimStart();
  const j = t.charCodeAt(0) === 123 ? readJson(t) : undefined;
  if (j) {
    const st = j.stamp ? scanIsoStamp(j.stamp, 0) : undefined;
    if (st) out.push(newToken(Timestamp, st.text, base, st));
    out.push(newToken(Frame, s, base, j.frame));
    if (j.message) out.push(newToken(Message, j.message, base));
  } else {
    if (!BARE.test(t)) return 'not an AWS Site-to-Site VPN log line';
    out.push(newToken(Frame, ' ', base, { shape: 'bare' } satisfies AwsFrame));
    out.push(newToken(Message, t.replace(/^[•*-]\s*/, ''), base));
  }
  out.push(newToken(LineEnd, '\n', base + s.length));
  return null;
}

export const awsDialect = framedDialect<AwsFrame>({
  name: 'aws',
  title: 'AWS Site-to-Site VPN (tunnel logs)',
  label: 'AWS Site-to-Site VPN',
  sniff: sniffLine,
  tokenize: tokenizeLine,
  fill: (rec, h) => {
    if (rec.timeMs === undefined && h.frame.epoch !== undefined) rec.timeMs = h.frame.epoch > 1e12 ? h.frame.epoch : h.frame.epoch * 1000;
    rec.context = { shape: h.frame.shape, ...(h.frame.p1 ? { ikePhase1: h.frame.p1 } : {}), ...(h.frame.p2 ? { ikePhase2: h.frame.p2 } : {}) };
  },
  classify: (rec, frame) => classifyAws(rec, frame),
  // `• Declaring peer dead` is the second line of one message in AWS's table.
  continues: (text) => /^\s*[•*-]?\s*Declaring peer dead/.test(text),
});
