// Which peer (the other end's address) a Cisco line is about. ASA names it in every VPN message
// (`IP = …`, `Remote:…`); most IOS debug lines name none, so the peer a connection id was last
// seen with, else the last peer named in the file, stands in. The peer is the record's connection:
// a device log is one subject per peer.
import type { LogRecord } from '../../src/types.js';
import { CiscoSources, type CiscoSource } from './state.js';

const V4 = '(\\d{1,3}(?:\\.\\d{1,3}){3})';
/** Texts that name the other end: IOS packets, deletes, policy refusals, syslog; ASA IKEv2 and SA lines. */
const NAMED = [
  new RegExp(`^(?:sending packet to|received packet from) ${V4}`),
  new RegExp(`\\(peer ${V4}\\)`),
  new RegExp(`\\(local ${V4} remote ${V4}\\)`),
  new RegExp(`(?:key matching|pre-shared key with|peer at|IKE message from|Remote peer|IKE Peer|for peer) ${V4}`),
  new RegExp(`\\[(?:From|To) ${V4}:\\d+`),
  new RegExp(`Peer ${V4}:\\d+`),
  new RegExp(`Created a peer struct for ${V4}`),
];

export function peerOf(rec: LogRecord, src: CiscoSource): string | undefined {
  const conn = rec.context?.['conn'];
  let peer = rec.context?.['peer'] ?? rec.remote?.ip;
  if (!peer) {
    const msg = rec.message;
    for (const re of NAMED) {
      const m = re.exec(msg);
      if (m) {
        // `(local A remote B)`: the second address is the peer.
        peer = m[2] ?? m[1];
        break;
      }
    }
  }
  if (peer) {
    CiscoSources.bind(src, conn, peer);
    return peer;
  }
  if (conn !== undefined && src.conns.has(conn)) return src.conns.get(conn);
  return src.lastPeer;
}
