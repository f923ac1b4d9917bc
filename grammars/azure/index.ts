// The Azure VPN Gateway dialect of the other end (side `peer`): the gateway's IKE diagnostic log
// (Log Analytics `IKEDiagnosticLog`, Network Watcher's IKElogs.txt), Network Watcher's IKEErrors.txt
// summaries and its wfpdiag trace — and the catalogue pass that turns them into typed events
// (docs/azure.md).
import type { Dialect } from '../../src/parse/dialect.js';
import { framedDialect } from '../common/framed-dialect.js';
import { classifyAzure, newAzureState } from './catalog.js';
import { sniffLine, tokenizeLine, type AzureFrame } from './tokens.js';

export const AZURE = 'azure';

/** A dialect instance per parse run: the catalogue keeps the exchange under way in each input. */
export function createAzureDialect(): Dialect {
  const state = newAzureState();
  return framedDialect<AzureFrame>({
    name: AZURE,
    title: 'Azure VPN Gateway (IKE diagnostic log, Network Watcher)',
    label: 'Azure VPN gateway',
    sniff: sniffLine,
    tokenize: tokenizeLine,
    fill: (rec, h) => {
      rec.context = { shape: h.frame.shape };
    },
    classify: (rec, frame) => classifyAzure(rec, frame, state),
    // IKEErrors.txt's indented `based on log : …` detail belongs to the summary above it.
    continues: (text) => /^\s/.test(text) || text.trim() === '',
  });
}
