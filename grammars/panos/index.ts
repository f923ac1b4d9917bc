// The Palo Alto Networks PAN-OS dialect of the customer's device (side `peer`): the IKE daemon's
// `ikemgr.log` and its traces, the system log's VPN events (CSV as exported or forwarded by syslog,
// the CLI's `show log system`, a GUI detail's `Event:` with its description), and PAN-OS sentences
// pasted alone — and the catalogue pass that turns them into typed events (docs/panos.md).
import type { Dialect } from '../../src/parse/dialect.js';
import type { LogRecord } from '../../src/types.js';
import { framedDialect } from '../common/framed-dialect.js';
import { classifyPanos, newPanState } from './catalog.js';
import { sniffLine, tokenizeLine, type PanFrame } from './tokens.js';

export const PANOS = 'panos';

/** ikemgr's level tags → the record's level (the catalogue raises it for failures). */
function levelOf(frame: PanFrame): LogRecord['level'] {
  const l = frame.level ?? '';
  if (/ERR/.test(l)) return 'error';
  if (/WRN|WARN/.test(l)) return 'warn';
  if (l === 'DEBUG') return 'debug';
  return 'info';
}

/** A dialect instance per parse run: the catalogue keeps whether an IKE SA is up in each input. */
export function createPanosDialect(): Dialect {
  const state = newPanState();
  return framedDialect<PanFrame>({
    name: PANOS,
    title: 'Palo Alto Networks PAN-OS (ikemgr.log, system log)',
    label: 'PAN-OS',
    sniff: sniffLine,
    tokenize: tokenizeLine,
    fill: (rec, h) => {
      rec.level = levelOf(h.frame);
      const context: Record<string, string> = { shape: h.frame.shape };
      if (h.frame.eventId) context['eventId'] = h.frame.eventId;
      if (h.frame.object) context['object'] = h.frame.object;
      rec.context = context;
    },
    classify: (rec, frame) => classifyPanos(rec, frame, state),
    // A GUI detail's description and a pasted sentence wrap over lines; ikemgr and system-log lines do not.
    continues: (text, open) => (open?.context?.['shape'] === 'event' || open?.context?.['shape'] === 'bare') && !/^\d{4}[-/]\d\d[-/]\d\d /.test(text),
  });
}
