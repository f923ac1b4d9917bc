// The variable parts of a message body. VRP writes them as a parenthesised list after the sentence
// (`IPSec tunnel negotiation fails. (Ifindex=0, SeqNum=10, Reason=phase1 proposal mismatch, …)`);
// Comware writes a `Reason: …` sentence and an `SA information:` block of `Label: value` pairs,
// which a log buffer may fold onto the lines after the header (the record's continuation).
// IPSEC_SA messages say `for the reason of …` and name addresses in prose. Pure functions.

/** `(K=V, K=V)` → fields; values may hold commas and spaces (a FlowInfo, a reason). */
export function vrpFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  const open = body.indexOf('(');
  if (open < 0) return out;
  const close = body.lastIndexOf(')');
  const inner = body.slice(open + 1, close > open ? close : undefined);
  const re = /(?:^|,)\s*([A-Za-z][\w-]{0,40})=((?:(?!,\s*[A-Za-z][\w-]{0,40}=).)*)/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(inner)) !== null && n++ < 40) {
    // Newer VRP releases bracket each value (`Reason=[version mismatch]`).
    if (out[m[1]!] === undefined) out[m[1]!] = m[2]!.trim().replace(/^\[(.*)\]$/, '$1');
  }
  return out;
}

/** The labels of a Comware SA information block, longest first so `Local ID type` wins over `Local ID`. */
const LABELS = [
  'Received retransmissions', 'Recived retransmissions', 'Inside VPN instance', 'Outside VPN instance', 'Initiator Cookie', 'Responder Cookie',
  'Local ID type', 'Remote ID type', 'IKE profile name', 'Retransmissions', 'Connection ID', 'Local address', 'Remote address', 'Local port', 'Remote port',
  'ACL number', 'ACL name', 'Message ID', 'Tunnel ID', 'Sour addr', 'Dest addr', 'Local IP', 'Remote IP', 'Local ID', 'Remote ID', 'Protocol', 'Role', 'Port',
];
const LABEL_RE = new RegExp(`(?:^|\\s|●|\\*)(${LABELS.map((l) => l.replace(/ /g, '\\s+')).join('|')})\\s*:\\s*`, 'g');

export interface ComwareInfo {
  reason?: string;
  /** `in main mode IKE_P1_STATE_SEND1 state`: the exchange mode and state. */
  mode?: string;
  state?: string;
  fields: Record<string, string>;
}

/** A Comware body (with its folded lines) → reason, mode/state and SA information. */
export function comwareInfo(body: string, folded: readonly string[] = []): ComwareInfo {
  const text = [body, ...folded].join(' ').replace(/\s+/g, ' ');
  const info: ComwareInfo = { fields: {} };
  const reason = /\bReason: (.+?)(?:\.(?= SA information| The SA|$)|(?= SA information)|$)/.exec(text) ?? /for the reason of (.+?)(?:\. |\.$|$)/.exec(text) ?? /\bCause: ?(.+?)\.?$/.exec(text);
  if (reason) info.reason = reason[1]!.trim().replace(/\.$/, '');
  const mode = /in (main|aggressive|\S+) mode (?:(\S+) state)?/.exec(text);
  if (mode) {
    info.mode = mode[1]!.toLowerCase();
    if (mode[2]) info.state = mode[2];
  } else {
    const st = /in (\S+_STATE\S*) state/.exec(text);
    if (st) info.state = st[1];
  }
  const sa = text.indexOf('SA information:');
  const block = sa >= 0 ? text.slice(sa + 'SA information:'.length) : '';
  const marks: { label: string; at: number; end: number }[] = [];
  LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(block)) !== null) marks.push({ label: m[1]!.replace(/\s+/g, ' '), at: m.index, end: LABEL_RE.lastIndex });
  marks.forEach((k, i) => {
    const v = block.slice(k.end, i + 1 < marks.length ? marks[i + 1]!.at : undefined).trim().replace(/[.●]$/, '').trim();
    if (info.fields[k.label] === undefined && v !== '') info.fields[k.label] = v;
  });
  // IPSEC_SA_*: `The SA's source address is A, destination address is B, protocol is ESP, and SPI is N.`
  const addr = /source address is (\S+?),? (?:and its )?destination address is (\S+?)[,.]/.exec(text);
  if (addr) {
    info.fields['Sour addr'] ??= addr[1]!;
    info.fields['Dest addr'] ??= addr[2]!;
  }
  const disc = /Src IP:\s*([^,\s]+),\s*Dest IP:\s*([^,\s]+)/.exec(text);
  if (disc) {
    info.fields['Sour addr'] ??= disc[1]!;
    info.fields['Dest addr'] ??= disc[2]!;
  }
  return info;
}

/**
 * Whether a line without a header belongs to a Comware message folded by its log buffer (the
 * `Reason:` line, the SA information block). The line parser keeps the first four folded lines for
 * the catalogue: the reason and the role come first, later endpoints may be cut.
 */
export function isFoldedInfo(s: string): boolean {
  return /^\s*(?:[●*•-]\s*)?(?:SA information\s*:|Reason\s*:|(?:Role|Local IP|Local ID type|Local ID|Local port|Retransmissions|Remote IP|Remote ID type|Remote ID|Remote port|Rec(?:e)?ived retransmissions|Inside VPN instance|Outside VPN instance|Initiator Cookie|Responder Cookie|Message ID|Connection ID|Tunnel ID|IKE profile name|Local address|Remote address|Sour addr|Dest addr|Port|Protocol|ACL number|ACL name)\s*:)/.test(s);
}

/** A VRP field list wrapped onto the next line (`PeerPort=500, VsysName=public)`). */
export function isFoldedFields(s: string): boolean {
  return /^\s*[A-Za-z][\w-]{0,40}=[^=]*(?:,\s*[A-Za-z][\w-]{0,40}=[^=]*)*\)?\s*$/.test(s);
}
