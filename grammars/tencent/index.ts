// The Tencent Cloud VPN gateway dialect (side `peer`: the other cloud's end of a tunnel from an
// Alibaba Cloud gateway): its log lines as its console and documentation show them — a tag
// (`IKE_SA_ESTABLISH_FAIL:`, `IKE_NEGO:`, with or without the `TANS/` or `TANS_` lead) and the
// text, after an optional time stamp (docs/tencent.md).
import { framedDialect } from '../common/framed-dialect.js';
import { pushFramed, Timestamp } from '../common/framed-line.js';
import { newToken } from '../peer-common/syslog-program.js';
import { scanIsoStamp } from '../peer-common/time.js';
import type { IToken } from '../chevrotain.js';
import { classifyTencent, type TencentFrame } from './catalog.js';

const TAG = /^(?:TANS[_/])?((?:IKE|IPSEC|CHILD)_(?:SA_ESTABLISH_[A-Z]+|NEGO|SA_[A-Z_]+)):\s?/;

function read(s: string): { at: number; stampEnd: number; tag: string } | undefined {
  let i = 0;
  const st = scanIsoStamp(s, 0);
  if (st) {
    i = st.end;
    while (s.charCodeAt(i) === 32) i++;
  }
  // `TANS…`, `IKE_…`, `IPSEC_…`, `CHILD_…`: anything else is turned away before a string is made.
  const c = s.charCodeAt(i);
  if (c !== 84 && c !== 73 && c !== 67) return undefined;
  const m = TAG.exec(s.slice(i, i + 80));
  return m ? { at: i + m[0].length, stampEnd: st ? st.end : -1, tag: m[1]! } : undefined;
}

function tokenizeLine(s: string, base: number, out: IToken[]): string | null {
  const r = read(s);
  if (!r) return 'not a Tencent Cloud VPN log line';
  if (r.stampEnd > 0) {
    const st = scanIsoStamp(s, 0)!;
    out.push(newToken(Timestamp, st.text, base, st));
  }
  const kind: TencentFrame['kind'] = /ESTABLISH_FAIL/.test(r.tag) ? 'fail' : /NEGO/.test(r.tag) ? 'nego' : 'other';
  const v = /IKEv([12])/.exec(s);
  const frame: TencentFrame = { kind, tag: r.tag, ...(v ? { ikeVersion: Number(v[1]) as 1 | 2 } : {}) };
  return pushFramed(out, s, base, frame, r.at);
}

export const tencentDialect = framedDialect<TencentFrame>({
  name: 'tencent',
  title: 'Tencent Cloud VPN gateway',
  label: 'Tencent Cloud VPN',
  sniff: (line) => read(line) !== undefined,
  tokenize: tokenizeLine,
  fill: (rec, h) => {
    rec.context = { tag: h.frame.tag };
  },
  classify: (rec, frame) => classifyTencent(rec, frame),
  continues: () => false,
});
